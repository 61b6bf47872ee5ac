// Allure 3 report of the acceptance specs: its history (trends), defect categories, known issues and quality gate.
// `./suite report` builds allure-report/ with it and then checks the gate with allurerc.gate.mjs.
import { readFileSync } from "node:fs";
import { defineConfig } from "allure";
import { qualityGateDefaultRules } from "allure/rules";

// allure 3.18's quality gate calls Iterator.prototype.toArray, which Node has only from 22 on; on Node 20 (the
// build machines' and Debian's) every gate check dies with "toArray is not a function". Upstream fix pending:
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

export const REPORT_DIR = "allure-report";
// The history travels with the report: CI publishes allure-report/ and fetches this file back before the next run.
export const HISTORY_FILE = `${REPORT_DIR}/history.jsonl`;

const knownIssues = JSON.parse(readFileSync(new URL("./known-issues.json", import.meta.url), "utf-8"));

// Labels that fixtures/reporting.py puts on every scenario result.
const ENGINE_LABEL = "engine";
const EXPECTED_RUNS_LABEL = "_expected_runs"; // "chromium=91,firefox=91,webkit=91", over all the run's shards

const labelValue = (tr, name) => tr.labels.find((label) => label.name === name)?.value;

/** The engine's results are all "not installed here" skips (fixtures/engines.py): it could not run on this machine. */
const skippedAsNotInstalled = (tr, engine) =>
  tr.status === "skipped" && (tr.error?.message ?? "").includes(`${engine} is not installed here`);

const notInstalled = (t) => t.results > 0 && t.notInstalled === t.results;

const describeEngines = (tally) =>
  Object.entries(tally)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([engine, t]) =>
      notInstalled(t) ? `${engine}: not installed, not gated` : `${engine}: ${t.ran} of ${t.expected} ran`,
    )
    .join("; ") || "no scenario result names its engine";

/**
 * Every installed engine ran every scenario the run selected for it. A scenario run that left no result (a crashed
 * worker, a shard whose results were not merged) or was skipped counts as missing. An engine that is not installed
 * on the machine (all its results skipped with the install command) is not held to it; at least one engine must run.
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
    const engineTally = (engine) => (tally[engine] ??= { expected: 0, results: 0, ran: 0, notInstalled: 0 });
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
      if (skippedAsNotInstalled(tr, engine)) {
        t.notInstalled += 1;
      } else if (tr.status !== "skipped") {
        t.ran += 1;
      }
    }
    state.setResult(tally, []);
    const gated = Object.values(tally).filter((t) => !notInstalled(t));
    const success = gated.some((t) => t.ran > 0) && gated.every((t) => t.ran >= t.expected);
    return { success, actual: tally, testResults: [] };
  },
};

export default defineConfig({
  name: "Trading console acceptance specs",
  output: REPORT_DIR,
  historyPath: HISTORY_FILE,
  historyLimit: 100,
  // Allure 3 takes the categories from here (categories.json in the results is Allure 2's); the first match wins.
  categories: [
    { name: "Flaky: passed only on a rerun", matchers: { flaky: true }, expand: true },
    { name: "Browser console errors", matchers: { statuses: ["failed"], message: /The browser reported errors/ } },
    { name: "Product defects", matchers: { statuses: ["failed"] } },
    {
      name: "Console unreachable",
      matchers: { statuses: ["broken"], message: /ERR_CONNECTION_REFUSED|ConnectError|did not start/ },
    },
    {
      name: "UI contract mismatch (element not found in time)",
      matchers: { statuses: ["broken"], message: /Timeout .*exceeded/ },
    },
    { name: "Test defects", matchers: { statuses: ["broken"] } },
  ],
  resolutions: {
    // Allure writes the known issues it met into this file; the team's rules are in known-issues.json.
    knownIssuesPath: `${REPORT_DIR}/known-issues.json`,
    rules: knownIssues.rules,
  },
  qualityGate: {
    rules: [
      { id: "no failed scenario", maxFailures: 0, minTestsCount: 1 },
      { id: "every scenario on every installed engine", scenarioRunsPerEngine: true },
    ],
    use: [...qualityGateDefaultRules, scenarioRunsPerEngineRule],
  },
});
