// Service worker: makes Niên biểu work offline. scripts/sw-assets.sh prepends, at build time,
//   const VERSION = "<hash of the build>";  const ASSETS = ["/", "/index.html", ...];
// listing every file Trunk wrote (their names are content-hashed), so one visit caches them all.
/* global VERSION, ASSETS */
const CACHE = 'nienbieu-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('nienbieu-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  // Never touch anything but this origin's GETs (there should be nothing else to touch).
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // Every view (/roster, /people/3 ...) is the same single-page app: answer with index.html.
    event.respondWith(caches.match('/index.html', { cacheName: CACHE }).then((hit) => hit || fetch(req)));
    return;
  }
  event.respondWith(
    caches.match(req, { cacheName: CACHE }).then((hit) => hit || fetch(req).then((resp) => {
      if (resp.ok && resp.type === 'basic') {
        const copy = resp.clone();
        caches.open(CACHE).then((cache) => cache.put(req, copy));
      }
      return resp;
    })),
  );
});
