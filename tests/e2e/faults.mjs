// Deterministic fault injection for the end-to-end tests; nothing of it is in the release
// build. FAULT_PRELUDE is prepended to the worker script by the harness (Playground's
// `workerPrelude`): it keeps the worker's GPUDevices and listens on a BroadcastChannel. A test
// drives the run to an exact step count (Step clicks), then asks for the fault:
// - "lose-device": destroys every WebGPU device of the worker (a real device loss);
// - "crash": hands the worker a message its decoder cannot read, so the worker's Rust code
//   panics (a real crash: the panic hook reports it and the page starts a new worker);
// - "fail-next-read": the next readback of a result from the GPU fails (e.g. the test-set
//   evaluation's), the device itself staying usable.
// The checkpoint the worker stored is read from IndexedDB by the page itself.

const CHANNEL = "mlpg-fault";

export const FAULT_PRELUDE = `(() => {
  const devices = [];
  if (self.GPUAdapter) {
    const requestDevice = GPUAdapter.prototype.requestDevice;
    GPUAdapter.prototype.requestDevice = async function (...args) {
      const device = await requestDevice.apply(this, args);
      devices.push(device);
      return device;
    };
  }
  // "fail-next-read": the next GPU → CPU copy of a result fails as a real one does (mapAsync
  // rejects with an OperationError); the device stays usable.
  let failReads = 0;
  if (self.GPUBuffer) {
    const mapAsync = GPUBuffer.prototype.mapAsync;
    GPUBuffer.prototype.mapAsync = function (...args) {
      if (failReads > 0) {
        failReads -= 1;
        return Promise.reject(new DOMException("injected: the result could not be read back", "OperationError"));
      }
      return mapAsync.apply(this, args);
    };
  }
  new BroadcastChannel(${JSON.stringify(CHANNEL)}).onmessage = ({ data }) => {
    if (data === "fail-next-read") failReads = 1;
    if (data === "lose-device") devices.forEach((d) => d.destroy());
    if (data === "crash") self.dispatchEvent(new MessageEvent("message", { data: new Uint8Array([255, 255, 255]) }));
  };
})();\n`;

/** Sends `fault` ("lose-device", "crash" or "fail-next-read") to the page's worker. */
export async function inject(page, fault) {
  await page.evaluate(([channel, fault]) => {
    const bc = new BroadcastChannel(channel);
    bc.postMessage(fault);
    bc.close();
  }, [CHANNEL, fault]);
}

/**
 * The checkpoint the worker stored in IndexedDB: its step and a SHA-256 of all its bytes
 * (parameters, optimizer state, step, settings, owner), or null. `remove` deletes it after
 * reading, so a test can wait for the next one.
 */
export async function storedCheckpoint(page, { remove = false } = {}) {
  return page.evaluate(async (remove) => {
    const request = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const open = indexedDB.open("ml-playground", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("checkpoints");
    const db = await request(open);
    const store = db.transaction("checkpoints", remove ? "readwrite" : "readonly").objectStore("checkpoints");
    const bytes = await request(store.get("latest"));
    if (remove) await request(store.delete("latest"));
    db.close();
    if (!bytes) return null;
    // bincode: owner (u64 length + UTF-8), hash (u64 length + UTF-8), step (u64).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    const skipString = () => { at += 8 + Number(view.getBigUint64(at, true)); };
    skipString();
    skipString();
    const step = Number(view.getBigUint64(at, true));
    const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
    return { step, digest, bytes: bytes.byteLength };
  }, remove);
}

/** Waits for a stored checkpoint (polled on the page's own event loop, no fixed sleeps). */
export async function waitForCheckpoint(page, { step, timeout = 60_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await storedCheckpoint(page);
    if (found && (step === undefined || found.step === step)) return found;
    if (Date.now() > deadline) throw new Error(`no stored checkpoint${step === undefined ? "" : ` at step ${step}`} (found ${JSON.stringify(found)})`);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));
  }
}

/** Waits until no checkpoint is stored (a Reset deletes it). */
export async function waitForNoCheckpoint(page, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (await storedCheckpoint(page)) {
    if (Date.now() > deadline) throw new Error("the stored checkpoint was not deleted");
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));
  }
}
