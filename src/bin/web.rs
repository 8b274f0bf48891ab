//! The browser app's entry point, built by Trunk for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("nienbieu-web is the browser app: build it with `make serve` (Trunk).");
}
