//! The browser app's entry point, built by Trunk for wasm32 (see index.html and Trunk.toml).

#[cfg(target_arch = "wasm32")]
fn main() {
    nienbieu::ui::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("nienbieu-web is the browser app: build and serve it with `make serve` (Trunk).");
}
