// The quality gate of the acceptance specs (`./suite gate`, which runs
// `allure quality-gate --config allurerc.gate.mjs RESULTS...`): it fails the build on any failed scenario that
// known-issues.json does not accept, and on fewer scenario runs than expected on an installed engine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getResolutionByRules } from "@allurereport/core";
import { defineConfig } from "allure";
import { qualityGateDefaultRules } from "allure/rules";
import report from "./allurerc.mjs";

// allure 3.18's quality gate calls Iterator.prototype.toArray, which Node has only from 22 on; on Node 20 (the
// build machines' Node) every gate check dies with "toArray is not a function". Upstream fix pending:
// allure-framework/allure3#977. Remove this once a release has it.
const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
if (typeof iteratorPrototype.toArray !== "function") {
  Object.defineProperty(iteratorPrototype, "toArray", {
    value() {
      return Array.from(this);
    },
    writable: true,
    configurable: true,
  });
}

// Labels that fixtures/reporting.py puts on every scenario result.
const ENGINE_LABEL = "engine";
const EXPECTED_RUNS_LABEL = "_expected_runs"; // "chromium=91,firefox=91,webkit=91", over all the run's shards

const labelValue = (tr, name) => tr.labels.find((label) => label.name === name)?.value;
const isFailure = (tr) => tr.status === "failed" || tr.status === "broken";

/** A failure that a known-issues.json rule accepts or mutes, matched the way Allure's report matches it. */
const isKnownIssue = (tr) =>
  ["accepted", "muted"].includes(getResolutionByRules(tr, { rules: report.resolutions.rules })?.resolution);

/**
 * Failed or broken scenarios, less those the team accepted in known-issues.json. (Allure's maxFailures does the same
 * when the config has the resolutions, but then Allure also hides the accepted results from every other rule, and
 * the count of scenario runs below would miss them: so the gate reads the rules itself.)
 */
export const unresolvedFailuresRule = {
  rule: "maxUnresolvedFailures",
  message: ({ actual, expected }) =>
    `${actual} failed scenario run(s) that known-issues.json does not accept; allowed: ${expected}`,
  successMessage: ({ actual, expected }) =>
    `${actual} failed scenario run(s) that known-issues.json does not accept; allowed: ${expected}`,
  validate: async ({ trs, expected, state }) => {
    const failures = trs.filter((tr) => isFailure(tr) && !isKnownIssue(tr));
    const actual = (state.getResult() ?? 0) + failures.length;
    state.setResult(actual, failures.map((tr) => tr.id));
    return { success: actual <= expected, actual, testResults: failures.map((tr) => tr.id) };
  },
};

/** The engine could not run here: its results are all skips that name its install command (fixtures/engines.py). */
const notInstalled = (t) => t.results > 0 && t.notInstalled === t.results;

const describeEngines = (tally) =>
  Object.entries(tally)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([engine, t]) =>
      notInstalled(t)
        ? `${engine}: not installed, not gated`
        : `${engine}: ${t.ran} of ${t.expected} ran` + (t.cannot ? ` (${t.cannot} skipped: the engine cannot)` : ""),
    )
    .join("; ") || "no scenario result names its engine";

/**
 * Every installed engine ran every scenario the run selected for it. A scenario run that left no result (a crashed
 * worker, a shard whose results were not merged) or was skipped counts as missing, except a skip whose reason says
 * "<engine> cannot …" (a step found that this engine cannot do what the scenario needs). An engine that is not installed
 * on the machine is not held to it; at least one engine must run.
 */
export const scenarioRunsPerEngineRule = {
  rule: "scenarioRunsPerEngine",
  message: ({ actual }) =>
    Object.values(actual).some((t) => !notInstalled(t) && t.ran > 0)
      ? `Fewer scenario runs than expected: ${describeEngines(actual)}`
      : `No installed engine ran a scenario: ${describeEngines(actual)}`,
  successMessage: ({ actual }) => `Every installed engine ran every scenario: ${describeEngines(actual)}`,
  validate: async ({ trs, state }) => {
    // The gate may see the results in batches: the tally carries over in its state.
    const tally = structuredClone(state.getResult() ?? {});
    const engineTally = (engine) => (tally[engine] ??= { expected: 0, results: 0, ran: 0, notInstalled: 0, cannot: 0 });
    for (const tr of trs) {
      for (const pair of (labelValue(tr, EXPECTED_RUNS_LABEL) ?? "").split(",").filter(Boolean)) {
        const [engine, count] = pair.split("=");
        engineTally(engine).expected = Math.max(engineTally(engine).expected, Number(count));
      }
      const engine = labelValue(tr, ENGINE_LABEL);
      if (!engine) {
        continue;
      }
      const t = engineTally(engine);
      t.results += 1;
      const skipReason = tr.status === "skipped" ? (tr.error?.message ?? "") : "";
      if (skipReason.includes(`${engine} is not installed here`)) {
        t.notInstalled += 1;
      } else if (skipReason.includes(`${engine} cannot `)) {
        t.cannot += 1; // a scenario the engine cannot do, skipped by its step with the reason: not expected of it
      } else if (tr.status !== "skipped") {
        t.ran += 1;
      }
    }
    state.setResult(tally, []);
    const gated = Object.values(tally).filter((t) => !notInstalled(t));
    const success = gated.some((t) => t.ran > 0) && gated.every((t) => t.ran >= t.expected - (t.cannot ?? 0));
    return { success, actual: tally, testResults: [] };
  },
};

// The gate command builds a whole report without plugins: it writes into the configured output and appends the
// run to the history. Both go to a scratch folder here, so that the real report and its history stay as they are.
const scratch = mkdtempSync(join(tmpdir(), "allure-quality-gate-"));
// The command ends with process.exit, which skips asynchronous clean-up; an "exit" handler still runs.
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

export default defineConfig({
  name: report.name,
  output: scratch,
  appendHistory: false,
  // No resolutions: with them Allure would hide accepted failures from the rules (see unresolvedFailuresRule).
  qualityGate: {
    rules: [
      { id: "no failed scenario", maxUnresolvedFailures: 0, minTestsCount: 1 },
      { id: "every scenario on every installed engine", scenarioRunsPerEngine: true },
    ],
    use: [...qualityGateDefaultRules, unresolvedFailuresRule, scenarioRunsPerEngineRule],
  },
});
