// The quality gate alone (`allure quality-gate --config allurerc.gate.mjs RESULTS...`): allurerc.mjs's rules, with
// nothing written where the report and its history live. The gate command runs a whole report build without
// plugins, which would otherwise write into allure-report/ and append this run to the history a second time.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "allure";
import config from "./allurerc.mjs";

const scratch = mkdtempSync(join(tmpdir(), "allure-quality-gate-"));
// The gate command ends with process.exit, which skips asynchronous clean-up; an "exit" handler still runs.
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

export default defineConfig({
  ...config,
  output: scratch,
  historyPath: undefined,
  appendHistory: false,
  resolutions: { ...config.resolutions, knownIssuesPath: join(scratch, "known-issues.json") },
});
