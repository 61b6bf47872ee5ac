// Allure 3 report of the acceptance specs: its history (trends), defect categories and known issues.
// `./suite report` builds allure-report/ with it; the quality gate is in allurerc.gate.mjs (`./suite gate`).
import { readFileSync } from "node:fs";
import { defineConfig } from "allure";

export const REPORT_DIR = "allure-report";
// The history travels with the report: CI publishes allure-report/ and takes this file back before the next run.
// Like the output, it is relative to the folder Allure runs in.
export const HISTORY_FILE = `${REPORT_DIR}/history.jsonl`;

// The failures the team has accepted, as Allure 3 resolution rules (see the file's "about").
export const knownIssues = JSON.parse(readFileSync(new URL("./known-issues.json", import.meta.url), "utf-8"));

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
    // Allure writes the known issues of type "issue" that it met into this file; the team's rules are in
    // known-issues.json, which this path must not be (Allure would overwrite it).
    knownIssuesPath: `${REPORT_DIR}/known-issues.json`,
    rules: knownIssues.rules,
  },
});
