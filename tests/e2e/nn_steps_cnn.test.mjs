// "Follow one sample" through the small CNN, on the CPU: the first convolution's window times the
// kernel, pooling, the kernel's gradient; every number shown is the exported one; a kernel term
// lights its tap and pixel; another channel can be chosen.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launch, serve, watchErrors } from "./helpers.mjs";
import { exported, numbersMatch, shoot, traceArrives, walk } from "./steps-helpers.mjs";

const MODES = ["no-webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));

/** The small CNN on the CPU: the first convolution's window, pooling and kernel gradient. */
if (MODES.includes("no-webgpu")) describe("Follow one sample through the CNN (CPU)", () => {
  let server, browser, page, errors, doc;

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

  test("a CNN trace walks through the convolution, with the exported numbers", async () => {
    await page.goto(`${server.url}#task=mnist&preset=cnn&subset=1000&epochs=1&speed=0&backend=cpu`);
    await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
    await page.getByTestId("backend").filter({ hasText: /^CPU \(/ }).waitFor({ timeout: 90_000 });
    await page.getByTestId("play").click();
    await page.getByTestId("test-accuracy").filter({ hasText: /%/ }).waitFor({ timeout: 900_000 });
    await page.getByTestId("gallery-follow").nth(1).click();
    await traceArrives(page);
    doc = await exported(page);
    assert.ok(doc.conv, "the export has the convolution");
    assert.equal(doc.layers[0].inputs, 32 * 7 * 7);
    // Input, conv, ReLU, pool, middle, dense, softmax, loss, δ, ∂W, ∂K, update.
    const titles = await walk(page, doc, 12, "steps-cnn");
    assert.match(titles[1], /Convolution 1, channel \d+: z = K ⋆ x \+ b/);
    assert.match(titles[10], /∂L\/∂K of channel/);
  });

  test("a kernel term lights its tap and its pixel; a channel can be chosen", async () => {
    await page.getByTestId("steps-substep-1").click();
    await page.getByTestId("steps-term-0").hover();
    await page.getByTestId("steps-kernel").locator(".mark.linked").first().waitFor();
    await page.getByTestId("steps-input-image").locator(".mark.linked").first().waitFor();
    await shoot(page, "steps-cnn-hover-term");
    await page.mouse.move(5, 5);
    const other = doc.conv.channel === 3 ? 4 : 3;
    await page.getByTestId("steps-strip-conv").locator(`[data-index="${other}"]`).click();
    await page.getByTestId("steps-title").filter({ hasText: `channel ${other}:` }).waitFor({ timeout: 120_000 });
    const again = await exported(page);
    assert.equal(again.conv.channel, other);
    await numbersMatch(page, again, "after choosing a channel");
    assert.deepEqual(errors, []);
  });
});
