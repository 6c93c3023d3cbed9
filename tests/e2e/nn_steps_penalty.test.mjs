// "Follow one sample" with L1 and L2 on (the MLP, on the CPU): the loss with its penalty, each
// weight's gradient with λ₁ sign(w) + 2λ₂w, the update's split of g — every typeset line and chip
// against the exported JSON (nn-penalty-lines.mjs), the penalty recomputed from its terms.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launch, serve, watchErrors } from "./helpers.mjs";
import { exported, traceArrives, walk } from "./steps-helpers.mjs";

const MODES = ["no-webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));
const RUN = "#task=mnist&preset=seed003&subset=1000&epochs=1&speed=0&backend=cpu&l1=0.0001&l2=0.001";

if (MODES.includes("no-webgpu")) describe("Follow one sample with L1 and L2 on (CPU)", () => {
  let server, browser, page, errors;

  before(async () => {
    server = await serve();
    browser = await launch("no-webgpu");
    page = await browser.newPage({ viewport: { width: 1500, height: 1100 }, acceptDownloads: true });
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the penalty's lines show the exported numbers", async () => {
    await page.goto(`${server.url}${RUN}`);
    await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
    await page.getByTestId("backend").filter({ hasText: /^CPU \(/ }).waitFor({ timeout: 90_000 });
    await page.getByTestId("play").click();
    await page.getByTestId("test-accuracy").filter({ hasText: /%/ }).waitFor({ timeout: 900_000 });
    await page.getByTestId("gallery-follow").first().click();
    await traceArrives(page);
    const doc = await exported(page);
    assert.equal(doc.output.l1, 0.0001);
    assert.equal(doc.output.l2, 0.001);
    assert.ok(doc.output.penalty > 0);
    const titles = await walk(page, doc, 11, "steps-penalty");
    // The lines that only a penalty writes were on screen (and so were checked by the walk).
    const panel = page.getByTestId("steps-panel");
    await page.getByTestId(`steps-substep-${titles.findIndex((t) => /Loss/.test(t))}`).click();
    await panel.filter({ hasText: "plus the penalty over all weights" }).waitFor();
    await page.getByTestId("steps-substep-10").click();
    await panel.filter({ hasText: "data term (computed here as g minus the penalty's)" }).waitFor();
    assert.deepEqual(errors, []);
  });
});
