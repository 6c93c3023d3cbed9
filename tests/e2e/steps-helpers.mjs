// Shared by the "Follow one sample" e2e tests: the export, the numbers shown against it, the
// walk through every sub-step with screenshots.
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OUT } from "./helpers.mjs";
import { plainNumber, shownAs } from "./math-text.mjs";
import { linesMatch } from "./nn-lines.mjs";

/** The number at `key` ("layers[0].z[3]", "output.loss", "forward.k[2][0]") in the exported document. */
export function lookup(doc, key) {
  let v = doc;
  for (const part of key.split(".")) {
    const m = part.match(/^([^[]+)((?:\[\d+\])*)$/);
    if (!m || v == null) return undefined;
    v = v[m[1]];
    for (const [, i] of m[2].matchAll(/\[(\d+)\]/g)) v = v?.[Number(i)];
  }
  return v;
}

/** Downloads the panel's JSON export and parses it. */
export async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("steps-export").click()]);
  assert.match(download.suggestedFilename(), /^mnist-sample-(test\d+|drawn)-step\d+\.json$/);
  const file = join(await mkdtemp(join(tmpdir(), "mlpg-steps-")), download.suggestedFilename());
  await download.saveAs(file);
  return JSON.parse(await readFile(file, "utf8"));
}

/**
 * Every number in the panel with a data-key: the text a learner reads (a chip's value, a strip
 * cell's tooltip, a number in a sentence) agrees with the export to the precision of its
 * digits, and the value it carries is the export's (as f32).
 */
export async function numbersMatch(page, doc, where) {
  const shown = await page.getByTestId("steps-panel").locator("[data-key]").evaluateAll((els) =>
    els.map((e) => {
      const chip = e.querySelector(".term-value");
      const text = chip ? chip.textContent : e.classList.contains("cell") ? e.getAttribute("title").split(" = ").at(-1) : e.textContent;
      return [e.getAttribute("data-key"), e.getAttribute("data-value"), text];
    }));
  assert.ok(shown.length > 0, `${where}: some numbers carry their key`);
  for (const [key, value, text] of shown) {
    const inJson = lookup(doc, key);
    assert.equal(typeof inJson, "number", `${where}: ${key} is exported`);
    shownAs(plainNumber(text), inJson, `${where}: ${key} as read`);
    assert.equal(Math.fround(Number(value)), Math.fround(inJson), `${where}: ${key} shown ${value}, exported ${inJson}`);
  }
  return shown.length;
}

/** Waits for a new trace to arrive (the pending mark comes and goes). */
export async function traceArrives(page) {
  await page.getByTestId("steps-pending").waitFor({ state: "detached", timeout: 120_000 });
  await page.getByTestId("steps-title").waitFor({ timeout: 120_000 });
}

/**
 * Walks every sub-step with "Next": each chip, strip cell and typeset number against the
 * export, a screenshot each. `strict`: every typeset line with numbers must be checked.
 */
export async function walk(page, doc, count, prefix, { strict = true } = {}) {
  assert.equal(await page.getByTestId("steps-stepper").locator("button").count(), count);
  await page.getByTestId("steps-substep-0").click();
  const titles = [];
  let numbers = 0;
  let unchecked = 0;
  for (let k = 0; k < count; k++) {
    assert.equal(await page.getByTestId(`steps-substep-${k}`).getAttribute("aria-current"), "step");
    const title = (await page.getByTestId("steps-title").textContent()).trim();
    assert.ok(title.startsWith(`${k + 1} · `), title);
    titles.push(title);
    numbers += await numbersMatch(page, doc, title);
    const [typeset, unknown] = await linesMatch(page, doc, title, { strict });
    numbers += typeset;
    unchecked += unknown;
    // Every formula typeset (no LaTeX fallback).
    assert.equal(await page.getByTestId("steps-panel").locator(".latex-fallback").count(), 0, title);
    await shoot(page, `${prefix}-${String(k + 1).padStart(2, "0")}`);
    if (k < count - 1) await page.getByTestId("steps-next").click();
  }
  assert.equal(await page.getByTestId("steps-next").isDisabled(), true);
  console.log(`[${prefix}] ${count} sub-steps, ${numbers} numbers as read checked against the JSON (${unchecked} typeset lines unchecked):\n  ${titles.join("\n  ")}`);
  return titles;
}

export async function shoot(page, name) {
  await page.getByTestId("steps-panel").screenshot({ path: join(OUT, `${name}.png`) });
}
