// Loads the WebAssembly app. It is a file, not an inline script, so that the Content-Security-Policy
// can forbid inline scripts; Trunk writes the hashed file names into this tag's data attributes.
const tag = document.querySelector('script[data-js][data-wasm]');
try {
  const { default: init } = await import(tag.dataset.js);
  // Fetch the wasm with the integrity of Trunk's <link rel=preload>, so the preloaded bytes are the
  // ones used (a request without it could not reuse them) and are verified.
  const preload = [...document.querySelectorAll('link[rel="preload"]')].find((l) => l.getAttribute('href') === tag.dataset.wasm);
  const wasm = fetch(tag.dataset.wasm, preload && preload.integrity ? { integrity: preload.integrity } : {});
  await init({ module_or_path: wasm });
} catch (err) {
  console.error(err);
  const boot = document.getElementById('boot');
  if (boot) {
    boot.setAttribute('role', 'alert');
    boot.textContent = 'Không tải được ứng dụng (' + err + '). Dữ liệu của bạn vẫn an toàn trong trình duyệt; hãy tải lại trang. / The app failed to load; your data is safe, please reload.';
  }
}
