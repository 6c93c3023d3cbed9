import { launch, serve } from "/work/main/tests/e2e/helpers.mjs";
const server = await serve();
const browser = await launch(process.argv[2]);
const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
await page.goto(server.url + process.argv[3]);
await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120000 });
await page.getByTestId("backend").filter({ hasText: /^(WebGPU|CPU) \(/ }).waitFor({ timeout: 90_000 });
await page.getByTestId("play").click();
const t1 = Date.now();
let last = "";
while (true) {
  const acc = await page.getByTestId("test-accuracy").textContent();
  const step = await page.getByTestId("step-count").textContent();
  const sps = await page.getByTestId("samples-per-sec").textContent();
  if (step !== last) { console.log(((Date.now() - t1) / 1000).toFixed(1), "step", step, sps, acc); last = step; }
  if (/%/.test(acc)) break;
  await page.waitForTimeout(5000);
}
console.log("total", (Date.now() - t1) / 1000, await page.getByTestId("test-accuracy").textContent());
await browser.close(); await server.close();
