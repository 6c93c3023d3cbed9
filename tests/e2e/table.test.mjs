// "Your data" end to end: a built-in table opened by a link trains to the least-squares
// minimum on both backends, with one row followed through the step; a CSV file dropped in is
// read in the page (delimiter and decimal comma detected) and trains; every bad input gives a
// message that names what is wrong (the line, the column) and what to do — never a blank page.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Playground } from "./fixture.mjs";
import { forced } from "./helpers.mjs";
import { mathLines, plainNumber } from "./math-text.mjs";

const MODES = ["no-webgpu", "webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));
// Plain gradient descent on the standardized features: full batch, 400 steps at η = 0.1 land on
// the least-squares minimum (Adam at η = 0.1 moves b, which starts at 0 with ȳ ≈ 17, by ≈ η a
// step, and can still be 2–3 % above it after 400).
const STACKLOSS = "#task=table&data=stackloss&y=stackloss&x=airflow,watertemp,acidconc&batch=21&epochs=400&lr=0.1&optimizer=sgd&speed=0";

for (const mode of MODES) {
  describe(`your data (${mode})`, () => {
    test("a linked table trains to the least-squares minimum; one row is followed through the step", async () => {
      const app = await Playground.open({ mode, hash: STACKLOSS + forced(mode) });
      try {
        await app.ready();
        await app.byTestId("table-preview").waitFor();
        assert.match(await app.text("table-columns"), /^21 rows × 4 columns \(delimiter “,”\)/);
        assert.match(await app.text("table-design"), /^Training on 17 rows, testing on 4; 3 feature columns/);
        await app.waitForText("step-count", 0, 120_000);
        await app.stepTimes("step", "step-count", 1);
        await app.byTestId("table-math-panel").waitFor();
        const line = Number(await app.text("table-math-line"));
        assert.ok(line >= 2 && line <= 22, `followed line ${line}`);
        for (const part of ["forward", "loss", "backward", "update"]) {
          await app.byTestId(`table-step-${part}`).waitFor();
        }
        // The row's prediction is the number the forward sub-step's "prediction" line ends in
        // (both are rounded for display: they agree within their stated precisions).
        const prediction = (await mathLines(app.page, '[data-testid="table-step-forward"]'))
          .find((l) => l.caption === "prediction" && l.numeric);
        assert.ok(prediction, "the forward sub-step writes out the prediction with numbers");
        const written = prediction.afterEq.at(-1);
        const chip = plainNumber(await app.text("table-math-y-hat"));
        assert.ok(Math.abs(written.value - chip.value) <= written.half + chip.half + 1e-9,
          `ŷ ${chip.text} on the chip, ${written.text} in the forward sub-step`);

        // The scatter plot: every row, the followed one marked; another feature redraws it.
        assert.equal(await app.byTestId("table-scatter").getAttribute("data-dots"), "21");
        await app.byTestId("table-scatter-followed").waitFor();
        await app.byTestId("table-scatter-feature").selectOption({ label: "watertemp" });
        await app.page.getByRole("heading", { name: "stackloss against watertemp" }).waitFor();

        if (mode === "no-webgpu") {
          const total = Number(await app.byTestId("progress").getAttribute("aria-valuemax"));
          assert.equal(total, 400, "17 rows in one batch, 400 epochs");
          await app.byTestId("play").click();
          await app.waitForText("step-count", total, 240_000);
          const [train, exact] = [await app.number("table-train-mse"), await app.number("table-exact-mse")];
          console.log(`[table ${mode}] stackloss: train MSE ${train}, least squares ${exact}`);
          assert.ok(train >= exact * 0.999 && train <= exact * 1.005, `train MSE ${train} vs the minimum ${exact}`);
        }
        await app.screenshot(`table-stackloss-${mode}`);
        assert.deepEqual(app.unexpectedErrors(), []);
      } finally {
        await app.close();
      }
    });
  });
}

const IRIS = "#task=table&data=iris&y=species&x=sepal_length,sepal_width,petal_length,petal_width&optimizer=adam&lr=0.1&batch=32&epochs=40&speed=0";

for (const mode of MODES) {
  describe(`your data: a class target (${mode})`, () => {
    test("iris species by softmax regression: one row through softmax, the confusion matrix", async () => {
      const app = await Playground.open({ mode, hash: IRIS + forced(mode) });
      try {
        await app.ready();
        assert.match(await app.text("table-design"), /^Training on 120 rows, testing on 30; 4 feature columns/);
        await app.waitForText("step-count", 0, 120_000);
        await app.stepTimes("step", "step-count", 1);
        await app.byTestId("table-math-panel").waitFor();
        for (const part of ["forward", "loss", "backward", "update"]) await app.byTestId(`table-step-${part}`).waitFor();
        // The row's probabilities are the ones softmax gives from its scores, as written.
        const probs = (await mathLines(app.page, '[data-testid="table-step-forward"]'))
          .find((l) => l.caption === "probabilities" && l.numeric);
        assert.ok(probs, "the forward sub-step writes out p with numbers");
        const p = probs.afterEq;
        assert.equal(p.length, 3, "one probability per class");
        const [sum, slack] = [p.reduce((a, q) => a + q.value, 0), p.reduce((a, q) => a + q.half, 0)];
        assert.ok(Math.abs(sum - 1) <= slack + 1e-6, `the written p sums to ${sum}`);
        assert.match(await app.text("table-math-class"), /^(setosa|versicolor|virginica)$/);
        if (mode === "no-webgpu") {
          await app.byTestId("play").click();
          const total = Number(await app.byTestId("progress").getAttribute("aria-valuemax"));
          await app.waitForText("step-count", total, 240_000);
          const accuracy = await app.number("table-test-accuracy");
          console.log(`[table ${mode}] iris: test accuracy ${accuracy} %, train ${await app.number("table-train-accuracy")} %`);
          assert.ok(accuracy >= 90, `test accuracy ${accuracy} %`);
          const cells = await app.page.locator('[data-testid^="confusion-cell-"]').evaluateAll((els) => els.map((e) => Number(e.dataset.count)));
          assert.equal(cells.length, 9);
          assert.equal(cells.reduce((a, b) => a + b, 0), 30, "every test row in the confusion matrix");
          // A cell lists its test rows: as many as it counts, each with its line in the file.
          const cell = app.byTestId("confusion-cell-1-1");
          const count = Number(await cell.getAttribute("data-count"));
          await cell.click();
          const rows = app.byTestId("table-cell-rows");
          await rows.waitFor();
          assert.equal(Number(await rows.getAttribute("data-rows")), count);
          assert.equal(await rows.locator("tbody tr").count(), Math.min(count, 20));
          assert.match(await rows.textContent(), new RegExp(`^${count} test rows? of class versicolor predicted as versicolor`));
        }
        await app.screenshot(`table-iris-${mode}`);
        assert.deepEqual(app.unexpectedErrors(), []);
      } finally {
        await app.close();
      }
    });
  });
}

for (const mode of MODES) {
  describe(`your data: a dropped file (${mode})`, () => {
    test("a dropped CSV (semicolons, decimal commas) is read here; columns picked; one row followed", async () => {
      const app = await Playground.open({ mode, hash: "#task=table&speed=0" + forced(mode) });
      try {
        await app.ready();
        const rows = ["height;weight;shoe"];
        for (let i = 0; i < 30; i++) rows.push(`${(150 + i * 1.5).toFixed(1).replace(".", ",")};${(50 + i).toString()};${38 + (i % 7)}`);
        await app.byTestId("table-file").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
        await app.waitForText("table-status", "Showing people.csv.");
        assert.match(await app.text("table-columns"), /^30 rows × 3 columns \(delimiter “;”, decimal comma\)/);
        // The last number column is the target, the others the features; the learner unticks one.
        assert.equal(await app.byTestId("table-target").inputValue(), "shoe");
        assert.ok(await app.byTestId("table-x-height").isChecked());
        await app.byTestId("table-x-weight").uncheck();
        await app.page.getByText(/^Training on 24 rows, testing on 6; 1 feature column\./).waitFor();
        await app.waitForText("step-count", 0, 120_000);
        await app.stepTimes("step", "step-count", 3);
        await app.byTestId("table-step-update").waitFor();
        assert.equal(await app.text("table-math-step"), "3");
        await app.screenshot(`table-dropped-file-${mode}`);
        assert.deepEqual(app.unexpectedErrors(), []);
      } finally {
        await app.close();
      }
    });
  });
}

if (MODES.includes("no-webgpu")) describe("your data: files and bad input", () => {
  test("powers of a column fit a curve: the least-squares minimum, reached, and drawn", async () => {
    const app = await Playground.open({ hash: "#task=table&speed=0&optimizer=sgd&lr=0.1&batch=64&epochs=300" });
    try {
      await app.ready();
      // y = 2x² − x + 1 with a small deterministic wobble, x in [−3, 3].
      const rows = ["x,y"];
      for (let i = 0; i < 40; i++) {
        const x = -3 + (6 * i) / 39;
        rows.push(`${x.toFixed(3)},${(2 * x * x - x + 1 + 0.3 * Math.sin(7 * i)).toFixed(4)}`);
      }
      await app.byTestId("table-file").setInputFiles({ name: "curve.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
      await app.waitForText("table-status", "Showing curve.csv.");
      await app.waitForText("step-count", 0);
      const linear = await app.number("table-exact-mse");
      await app.byTestId("table-power-column").selectOption("x");
      await app.page.getByText(/^Training on 32 rows, testing on 8; 2 feature columns/).waitFor();
      assert.equal(await app.byTestId("table-power-degree").inputValue(), "2");
      await app.waitForText("step-count", 0);
      const exact = await app.number("table-exact-mse");
      assert.ok(exact < linear / 20, `x and x²: least squares ${exact}; x alone ${linear}`);
      await app.byTestId("play").click();
      await app.waitForText("step-count", 300, 240_000);
      const train = await app.number("table-train-mse");
      console.log(`[table] curve: train MSE ${train}, least squares ${exact} (x alone ${linear})`);
      assert.ok(train >= exact * 0.999 && train <= exact * 1.005, `train MSE ${train} vs the minimum ${exact}`);
      // The model is a curve through the points: the x² term bends it.
      const d = await app.page.locator('[data-testid="table-scatter"] path.fit').getAttribute("d");
      assert.ok(d.split("L").length > 80, `the curve has ${d.split("L").length} points`);
      assert.match(await app.page.locator("table[data-testid=table-weights]").textContent(), /x\^2/);
      await app.screenshot("table-powers");
      assert.deepEqual(app.unexpectedErrors(), []);
    } finally {
      await app.close();
    }
  });

  test("each bad input names what is wrong and what to do", async () => {
    const app = await Playground.open({ hash: "#task=table&speed=0" });
    try {
      await app.ready();
      const drop = async (name, text) => {
        await app.byTestId("table-file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
        await app.byTestId("table-error").waitFor();
        return app.text("table-error");
      };
      const cases = [
        ["empty.csv", "", /empty/i],
        ["ragged.csv", "a,b\n1,2\n3\n4,5\n5,6\n6,7\n7,8", /line 3 has 1 field/],
        ["numbers.csv", "1,2\n3,4\n5,6\n7,8\n9,10\n11,12", /line 1/],
        ["short.csv", "a,b\n1,2\n3,4", /at least 5/],
        ["latin1.csv", Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x2c, 0x31, 0x0a]), /UTF-8/],
        ["image.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /binary file/],
        ["huge.csv", `a,b\n${"1,2\n".repeat(100_001)}`, /more than 100000 rows/],
      ];
      const seen = [];
      for (const [name, text, expected] of cases) {
        const message = await drop(name, text);
        seen.push(message);
        assert.match(message, expected, name);
        assert.ok(message.startsWith(name), `${name}: the message names the file: ${message}`);
      }
      // A table that reads, but whose columns cannot all be used: said where they are.
      const dropRead = async (name, text) => {
        await app.byTestId("table-file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
        await app.waitForText("table-status", `Showing ${name}.`);
      };
      await dropRead("typo.csv", "a,b,y\n1,2,3\n2,x5,4\n3,4,6\n4,5,9\n5,6,9\n6,7,13");
      const typo = await app.byTestId("table-preview").textContent();
      assert.match(typo, /line 3: "x5" is not a number/);
      seen.push(`typo.csv (column b): ⚠ line 3: "x5" is not a number — the column cannot be ticked as a feature`);
      await dropRead("constant.csv", "a,b,c\n1,7,2\n2,7,4\n3,7,6\n4,7,8\n5,7,10\n6,7,12");
      await app.byTestId("table-design-error").waitFor();
      const constant = await app.text("table-design-error");
      seen.push(`constant.csv: ${constant}`);
      assert.match(constant, /column "b" is constant \(every training row is 7\) — leave it out of the features/);
      // A class target with more than 20 classes: said, not trained.
      await app.page.goto("about:blank");
      await app.page.goto(`${app.server.url}#task=table&speed=0`);
      await app.ready();
      const people = ["v,who", ...Array.from({ length: 25 }, (_, i) => `${i},person${i}`)].join("\n");
      await app.byTestId("table-file").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(people) });
      await app.waitForText("table-status", "Showing people.csv.");
      await app.byTestId("table-target").selectOption("who");
      await app.byTestId("table-x-v").check();
      await app.byTestId("table-design-error").filter({ hasText: /distinct values/ }).waitFor();
      const classes = await app.text("table-design-error");
      seen.push(`people.csv (target “who”): ${classes}`);
      assert.match(classes, /"who" has 25 distinct values; a class target may have at most 20/);
      // Links: another site is refused; a missing file says so.
      await app.page.goto("about:blank");
      await app.page.goto(`${app.server.url}#task=table&data=https%3A//example.com/t.csv`);
      await app.byTestId("table-error").waitFor();
      assert.match(await app.text("table-error"), /another site/);
      seen.push(`data=https://example.com/t.csv: ${await app.text("table-error")}`);
      await app.page.goto("about:blank");
      await app.page.goto(`${app.server.url}#task=table&data=lessons/missing.csv`);
      await app.byTestId("table-error").waitFor();
      assert.match(await app.text("table-error"), /answered 404/);
      seen.push(`data=lessons/missing.csv: ${await app.text("table-error")}`);
      await app.page.goto("about:blank");
      await app.page.goto(`${app.server.url}#task=table&data=index.html`);
      await app.byTestId("table-error").waitFor();
      assert.match(await app.text("table-error"), /is a web page, not a CSV file/);
      seen.push(`data=index.html: ${await app.text("table-error")}`);
      console.log(`[table] messages:\n  ${seen.join("\n  ")}`);
      await app.screenshot("table-bad-input");
      // The 404 is the browser's own console line; nothing else.
      assert.deepEqual(app.unexpectedErrors(/404/), []);
    } finally {
      await app.close();
    }
  });
});
