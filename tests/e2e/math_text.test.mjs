// The text a learner reads in linear regression's math panel, against the step's JSON export:
// every typeset line that carries numbers (forward, loss, backward, and the optimizer's lines —
// SGD, momentum's velocity, Adam's m, v, m̂, v̂ and update) and the chips, parsed from the
// MathML and plain text and compared to the precision of the digits shown. Both backends,
// every optimizer, L1 and L2 on, at step 2 (so momentum and Adam start from a state).
import { test, describe } from "node:test";
import assert from "node:assert/strict";

import { NO_SW, forced, screenshot, watchErrors } from "./helpers.mjs";
import { servedBrowser } from "./fixture.mjs";
import { mathLines, optimizerLine, plainNumber, sequenceShows, shownAs } from "./math-text.mjs";

const modes = ["webgpu", "no-webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));

/** What each numeric line must show, from the export alone; `null` where a line is unknown. */
function expectedFor(caption, j, line) {
  const { x, y } = j.batch;
  const yHat = j.forward.y_hat;
  const { w, b } = j.parameters;
  const n = x.length;
  const o = j.optimizer;
  const row = (m) => Number(m[1]) - 1;
  let m;
  if ((m = caption.match(/^row (\d+) of (\d+)$/))) return ["afterEq", [w, x[row(m)], b, yHat[row(m)]]];
  if ((m = caption.match(/^squared error of row (\d+)$/))) {
    const k = row(m);
    return ["afterEq", [y[k], yHat[k], 2, (y[k] - yHat[k]) ** 2]];
  }
  if ((m = caption.match(/^term of row (\d+)$/))) {
    const k = row(m);
    return ["afterEq", [x[k], y[k], yHat[k], x[k] * (y[k] - yHat[k])]];
  }
  const middle = (count) => Array(count).fill(null);
  if (/^mean over the \d+ rows$/.test(caption)) {
    const sq = (k) => (y[k] - yHat[k]) ** 2;
    const terms = line.numbers.length - 4;
    return ["numbers", [1, n, sq(0), ...middle(terms - 1), sq(n - 1), j.loss.mse]];
  }
  const penalty = [...(j.loss.l1 > 0 ? [j.loss.l1, Math.abs(w)] : []), ...(j.loss.l2 > 0 ? [j.loss.l2, w, 2] : [])];
  if (caption === "loss") return ["afterEq", [j.loss.mse, ...penalty, j.loss.total]];
  if (caption === "gradient of w") {
    const reg = [...(j.loss.l1 > 0 ? [j.loss.l1, w] : []), ...(j.loss.l2 > 0 ? [2, j.loss.l2, w] : [])];
    const terms = line.numbers.length - 3 - reg.length;
    return ["numbers", [-2, n, x[0] * (y[0] - yHat[0]), ...middle(terms - 2), x[n - 1] * (y[n - 1] - yHat[n - 1]), ...reg, j.gradients.d_loss_d_w]];
  }
  if (caption === "gradient of b") {
    const terms = line.numbers.length - 3;
    return ["numbers", [-2, n, y[0] - yHat[0], ...middle(terms - 2), y[n - 1] - yHat[n - 1], j.gradients.d_loss_d_b]];
  }
  if (!(m = caption.match(/^(update|velocity|first moment|second moment|bias correction) of (w|b)/))) return null;
  const p = m[2];
  const param = { old: j.parameters[p], grad: j.gradients[`d_loss_d_${p}`], new: j.new_parameters[p], before: o.state_before[p], after: o.state_after[p] };
  return ["numbers", optimizerLine(m[1], [param], o)];
}

for (const mode of modes) {
  describe(`the numbers of linear regression's math, as read, with ${mode}`, () => {
    const app = servedBrowser(mode);

    for (const optimizer of ["sgd", "momentum", "adam"]) {
      test(`${optimizer}: every typeset number and chip of step 2 matches the export`, async () => {
        const page = await app.browser.newPage({ viewport: { width: 1500, height: 1000 }, ...NO_SW });
        const errors = watchErrors(page);
        await page.goto(`${app.server.url}#task=linreg&optimizer=${optimizer}&lr=0.05&l1=0.01&l2=0.02&speed=0${forced(mode)}`);
        await page.getByTestId("backend").filter({ hasText: mode === "webgpu" ? /^WebGPU \(/ : /^CPU \(/ }).waitFor({ timeout: 90_000 });
        for (const step of [1, 2]) {
          await page.getByTestId("step").click();
          await page.getByTestId("math-step").filter({ hasText: new RegExp(`^${step}$`) }).waitFor({ timeout: 60_000 });
        }
        await page.getByTestId("export-step").click();
        const j = JSON.parse(await page.getByTestId("export-json").textContent());
        await page.getByTestId("export-close").click();
        assert.equal(j.step, 2);
        const lines = (await mathLines(page, ".math")).filter((l) => l.numeric);
        let numbers = 0;
        for (const line of lines) {
          const expected = expectedFor(line.caption, j, line);
          assert.ok(expected, `a line with numbers nobody checks: "${line.caption}" ${line.numbers.map((n) => n.text)}`);
          numbers += sequenceShows(line[expected[0]], expected[1], `${optimizer}, "${line.caption}"`);
        }
        const captions = lines.map((l) => l.caption);
        const kinds = { sgd: ["update of w"], momentum: ["velocity of w", "update of b"], adam: ["first moment of w (t = 2)", "second moment of b", "bias correction of w", "update of b"] };
        for (const c of ["row 1 of 10", "loss", "gradient of w", "gradient of b", ...kinds[optimizer]]) assert.ok(captions.includes(c), `"${c}" in ${captions}`);
        const chips = { "math-loss-value": j.loss.total, "math-grad-w": j.gradients.d_loss_d_w, "math-grad-b": j.gradients.d_loss_d_b, "math-w-new": j.new_parameters.w, "math-b-new": j.new_parameters.b };
        for (const [id, value] of Object.entries(chips)) shownAs(plainNumber(await page.getByTestId(id).first().textContent()), value, id);
        console.log(`[${mode} ${optimizer}] ${lines.length} lines, ${numbers} typeset numbers and ${Object.keys(chips).length} chips match the export`);
        await screenshot(page, `math-text-${mode}-${optimizer}`);
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  });
}
