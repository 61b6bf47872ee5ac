"""Every named fault switches seams, and only seams: each catalogued fault replaces at least one declared seam (in
reference_app/faulty/ or static/js/faulty/, or the cascade with a stylesheet in static/css/faulty/), no seam is
declared twice, and no domain module, page script or template mentions a fault by name (the faulty modules say what
each fault does)."""
from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import reference_app.app  # noqa: F401  (imports every domain module: declares every Python seam)
from reference_app import faulty, seams
from reference_app.faults import CATALOGUE, FAULTS

APP = Path(reference_app.app.__file__).resolve().parent
JS = APP / "static" / "js"
FAULTY_JS = JS / "faulty"
# The styling's seam: a fault that breaks the layout is a stylesheet of its own, linked last (reference_app/pages.py).
FAULTY_CSS = APP / "static" / "css" / "faulty"
# The mechanism itself may name faults; every other file of the console must read as the correct console.
MECHANISM = {APP / "faults.py", APP / "seams.py"}

JS_SEAM = re.compile(r"""\bseam\(\s*'([\w.]+)'""")
JS_FAULT_KEY = re.compile(r"^  (\w+): \{$", re.MULTILINE)  # a fault's table in a faulty module's REPLACEMENTS
JS_REPLACED = re.compile(r"""^    '([\w.]+)': """, re.MULTILINE)  # a seam it replaces, inside that table


def js_seams() -> list[str]:
    pages = [path for path in sorted(JS.glob("*.js")) if path.name != "faults.js"]  # faults.js: the mechanism
    return [name for path in pages for name in JS_SEAM.findall(path.read_text())]


def js_replacements() -> dict[str, set[str]]:
    """Fault -> the page seams it replaces, read from static/js/faulty/*.js (one table per fault, two-space indent)."""
    found: dict[str, set[str]] = {}
    for path in sorted(FAULTY_JS.glob("*.js")):
        if path.name == "index.js":
            continue
        text = path.read_text()
        keys = list(JS_FAULT_KEY.finditer(text))
        for key, following in zip(keys, [*keys[1:], None], strict=True):
            table = text[key.end(): following.start() if following else len(text)]
            found.setdefault(key.group(1), set()).update(JS_REPLACED.findall(table))
    return found


def domain_files() -> list[Path]:
    files = [*APP.glob("*.py"), *JS.glob("*.js"), *(APP / "templates").glob("*.html"),
             *(APP / "static" / "css").glob("*.css")]
    return sorted(path for path in files if path not in MECHANISM)


def test_the_faulty_modules_are_all_imported() -> None:
    python = {path.stem for path in (APP / "faulty").glob("*.py")} - {"__init__"}
    assert python == {name.rsplit(".", 1)[-1] for name in dir(faulty) if not name.startswith("_")}
    index = (FAULTY_JS / "index.js").read_text()
    imported = set(re.findall(r"from '\./(\w+\.js)'", index))
    assert {path.name for path in FAULTY_JS.glob("*.js")} - {"index.js"} == imported


def test_each_faulty_module_replaces_seams_of_its_own_domain_module() -> None:
    for replacements in seams.REPLACEMENTS.values():
        for replacement in replacements:
            domain = replacement.seam.split(".", 1)[0]
            assert replacement.function.__module__ == f"reference_app.faulty.{domain}", replacement
    for path in FAULTY_JS.glob("*.js"):
        for seam in JS_REPLACED.findall(path.read_text()):
            assert seam.split(".", 1)[0] == {"order_ticket": "orderTicket"}.get(path.stem, path.stem), (path, seam)


@pytest.mark.parametrize("fault", CATALOGUE, ids=lambda f: f.name)
def test_every_fault_replaces_at_least_one_seam(fault) -> None:
    replaced = {r.seam for r in seams.REPLACEMENTS.get(fault.name, [])} | js_replacements().get(fault.name, set())
    if (FAULTY_CSS / f"{fault.name}.css").is_file():
        replaced.add("the stylesheet cascade")
    assert replaced, f"{fault.name} replaces no seam: it is either switched inline or not implemented"


def test_every_replacement_names_a_declared_seam_of_a_known_fault() -> None:
    declared_js = set(js_seams())
    for fault, replacements in seams.REPLACEMENTS.items():
        assert fault in FAULTS, fault
        assert {r.seam for r in replacements} <= set(seams.SEAMS), fault
    for fault, replaced in js_replacements().items():
        assert fault in FAULTS, fault
        assert replaced <= declared_js, f"{fault} replaces undeclared page seams {sorted(replaced - declared_js)}"


def test_no_seam_is_declared_twice() -> None:
    # Python: seams.seam() refuses a second declaration at import time; the page seams are counted here.
    twice = [name for name, count in Counter(js_seams()).items() if count > 1]
    assert not twice, f"page seams declared twice: {twice}"
    assert not set(js_seams()) & set(seams.SEAMS), "a page seam and a console seam share a name"


def test_no_domain_module_mentions_a_fault_by_name() -> None:
    mentions = [f"{path.relative_to(APP)}: {name}" for path in domain_files() for name in FAULTS
                if re.search(rf"\b{name}\b", path.read_text())]
    assert not mentions, "faults named outside faults.py and faulty/ (switch them through a seam instead):\n" + \
        "\n".join(mentions)


def test_pages_no_longer_switch_on_fault_names() -> None:
    assert "hasFault" not in "".join(path.read_text() for path in JS.rglob("*.js"))
    templates = "".join(path.read_text() for path in (APP / "templates").glob("*.html"))
    assert " in faults" not in templates and "blind fault" not in templates


def test_activating_faults_puts_only_their_replacements_in_force() -> None:
    try:
        seams.activate({"zero_quantity_accepted"})
        from reference_app.orders import quantity_too_small

        assert not quantity_too_small(0)
        seams.activate(set())
        assert quantity_too_small(0)
    finally:
        seams.activate(set())


@pytest.mark.skipif(shutil.which("node") is None, reason="Node is not installed")
@pytest.mark.parametrize("path", sorted(JS.rglob("*.js")), ids=lambda p: str(p.relative_to(JS)))
def test_every_page_script_parses_as_an_es_module(path: Path) -> None:
    # `node --check file.js` passes a .js file with import statements without parsing it (Node 20 takes it for
    # CommonJS, then gives up quietly); as standard input of type module it is really parsed.
    checked = subprocess.run(["node", "--input-type=module", "--check"], input=path.read_text(), text=True,
                             capture_output=True, check=False)
    assert checked.returncode == 0, checked.stderr
