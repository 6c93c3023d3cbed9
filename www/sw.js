// The playground's service worker: after the first visit everything works offline.
//
// scripts/precache.sh (a trunk post_build hook) writes dist/sw.js from this template with the
// build's VERSION and its FILES. Every file the page loads is content-hashed (trunk hashes the
// app, the hook hashes the worker), so an open page can never mix two builds: its old URLs stay
// answerable from the previous cache while the new build is precached under new URLs.
"use strict";

const VERSION = "__VERSION__";
const FILES = __FILES__;
const PREFIX = "mlpg-";
const CACHE = PREFIX + VERSION;
// How long a page load waits for the network before the cached page is used.
const NAVIGATION_TIMEOUT_MS = 3000;

const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(scoped(f), { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  // Keep this build and the one before it (pages opened before the deploy still use it);
  // older builds go.
  event.waitUntil(
    (async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
      const stamps = await Promise.all(
        names.map(async (n) => [n, (await (await caches.open(n)).match(scoped("sw-stamp")))?.headers.get("date") ?? ""]),
      );
      stamps.sort((a, b) => (a[1] < b[1] ? 1 : -1));
      await Promise.all(stamps.slice(1).map(([n]) => caches.delete(n)));
      const cache = await caches.open(CACHE);
      await cache.put(scoped("sw-stamp"), new Response("", { headers: { date: new Date().toISOString() } }));
      await self.clients.claim();
    })(),
  );
});

/** Network first (bounded by a timeout) for the page itself, so a deploy is seen at once. */
async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), NAVIGATION_TIMEOUT_MS)),
    ]);
    if (response.ok) return response;
    throw new Error(`HTTP ${response.status}`);
  } catch (e) {
    const cached = (await cache.match(scoped("./"))) ?? (await cache.match(scoped("index.html")));
    if (cached) return cached;
    throw e;
  }
}

// Tables a link opened ("data=lessons/t.csv", on this site but not part of the build): network
// first, so a tutorial's edit is seen at once; offline, the copy from the last visit.
const TABLES = "linked-tables";

const isTable = (request) => {
  const url = new URL(request.url);
  return url.origin === self.location.origin && /\.(csv|tsv)$/i.test(url.pathname);
};

async function table(request) {
  const cache = await caches.open(TABLES);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (e) {
    const cached = (await cache.match(request)) ?? (await caches.match(request.url, { ignoreSearch: true }));
    if (cached) return cached;
    throw e;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  if (isTable(request)) {
    event.respondWith(table(request));
    return;
  }
  if (!request.url.startsWith(self.registration.scope)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
    return;
  }
  // Content-addressed files (and the MNIST data): any build's cache, else the network.
  event.respondWith(
    caches.match(request.url, { ignoreSearch: true }).then((hit) => hit ?? fetch(request)),
  );
});
