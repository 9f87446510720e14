"""The shape of the code, checked: sizes that fit a screen, imports that follow the data flow.

    data/ → load (read YAML, parse by the schema) → validate → model → public view → pages → site

A module may import modules of its own layer and of the layers before it, never after; and no
output reaches the validated model: pages, open data, the feed and the search index are made from
the public view (public.py), which applies the privacy rules once.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "src" / "bangvang"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

LAYERS = ["base", "read", "schema", "load", "validate", "model", "public", "pages", "site"]
LAYER_OF = {
    # base: text, dates and numbers; issues and their codes — used everywhere
    "__init__": "base", "text": "base", "dates": "base", "docnumber": "base", "clock": "base", "progress": "base",
    "vocab": "base", "verifycode": "base", "issues": "base", "codes": "base", "cli": "base",
    "heap": "base",  # when Python's cycle collector runs: paused while data is read, frozen after
    "markdown_limits": "base",  # how deep and long Markdown may be: the checker refuses, the renderer survives
    "photo_decode": "base",  # what the checker and the build read alike in a photo
    "redact": "base",  # finding names in text: the checker warns where the public view will replace
    # reading a data file into nodes that remember where each value was written
    "yamlsrc": "read",
    # reading a report saved from Word: its blocks, its Decree 30 parts, its body as Markdown
    "wordfile": "read", "wordnumbers": "read", "wordmarkdown": "read", "reportparts": "read", "reportparse": "read",
    # the schema, declared once, and the registry of record kinds
    "schema": "schema", "fields": "schema", "filepaths": "schema", "parts": "schema", "records": "schema", "honors": "schema", "units": "schema",
    "walk": "schema",
    "kinds": "schema",
    "reportfile": "schema",  # a report's file written out, keys as records.Report declares them
    # reading data/
    "load": "load", "images": "load", "originals": "load", "datafiles": "load",
    # rules across records
    "personal_data": "validate", "withdrawn_names": "validate", "validate": "validate", "manifest": "validate",
    "model": "model",
    # what may be published
    "public": "public", "links": "public",
    # pages and the files beside them, all made from the public view
    "labels": "pages", "facets": "pages", "figures": "pages", "paging": "pages", "listings": "pages", "awards_html": "pages",
    "routes": "pages", "render": "pages", "markdown_safe": "pages", "markdown_fast": "pages", "charts": "pages", "pagespec": "pages",
    "sitepages": "pages", "pages": "pages", "verify_index": "pages", "pdfclean": "pages", "ceremony": "pages", "opendata": "pages", "feed": "pages", "search": "pages", "searchtext": "pages",
    "cards": "pages", "sharecards": "pages", "pagedeps": "pages",
    "csp": "pages",  # a page's Content-Security-Policy: the hooks add it, the ceremony's offline file states its own
    "dictionary": "pages", "error_guide": "pages", "thumbnails": "pages",
    "draftfacts": "pages", "draftbody": "pages", "draftdocx": "pages",  # a draft report, made from the public view
    # drivers: MkDocs and the command lines
    "mkdocs_hooks": "site", "strict": "site", "compact": "site", "check": "site", "new": "site",
    "editor_schema": "site", "init": "site", "newunit": "site", "sitedir": "site", "preview": "site", "searchdialog": "site", "incremental": "site", "themeprefix": "site",
    "engine": "site",  # the engines and theme versions tested; refuses the others at start-up
    "import_report": "site", "draft": "site",
}
# Outputs read the public view only; the one exception runs the checker on the guide's examples.
OUTPUT_EXCEPTIONS = {"error_guide"}
BEFORE_THE_VIEW = {"load", "validate", "model"}


def _python_files() -> list[Path]:
    roots = [REPO / "src", REPO / "hooks", REPO / "benchmarks", REPO / "tests"]
    return sorted(p for root in roots for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def _package_imports(path: Path) -> set[str]:
    """Modules of the package that `path` imports, at module level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("bangvang."):
            found.add(node.module.split(".")[1])
    return found


def test_every_module_fits_a_screen():
    too_long = [f"{p.relative_to(REPO)}: {n} lines" for p in _python_files()
                if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines: {too_long}"


def test_every_function_fits_a_screen():
    too_long = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name}: {length} lines")
    assert not too_long, f"functions over {MAX_FUNCTION_LINES} lines: {too_long}"


def test_every_module_has_a_layer():
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    assert modules - set(LAYER_OF) == set(), "add the new module to LAYER_OF, in the layer of the data flow it serves"
    assert set(LAYER_OF) - modules == set(), "a module in LAYER_OF no longer exists"


@pytest.mark.parametrize("module", sorted(LAYER_OF))
def test_imports_follow_the_data_flow(module):
    rank = LAYERS.index(LAYER_OF[module])
    against = {name: LAYER_OF.get(name) for name in _package_imports(PACKAGE / f"{module}.py")
               if LAYERS.index(LAYER_OF.get(name, "site")) > rank}
    assert not against, f"{module} ({LAYER_OF[module]}) imports against the flow: {against}"


@pytest.mark.parametrize("module", sorted(m for m, layer in LAYER_OF.items()
                                           if layer == "pages" and m not in OUTPUT_EXCEPTIONS))
def test_outputs_read_only_the_public_view(module):
    reached = {name for name in _package_imports(PACKAGE / f"{module}.py") if LAYER_OF.get(name) in BEFORE_THE_VIEW}
    assert not reached, f"{module} reaches the data before the public view: {reached}"


def test_the_checks_can_fail(tmp_path):
    """The scans above find what they look for."""
    sample = tmp_path / "sample.py"
    sample.write_text("from . import pages\nfrom .model import Model\n\ndef f():\n    from .public import x\n",
                      encoding="utf-8")
    assert _package_imports(sample) == {"pages", "model", "public"}


# Design notes kept outside the repository: a user of the repository cannot open them, so nothing
# in it may send them there (state the rule where it applies instead). Spelled in pieces so that
# this file does not cite them itself.
OUTSIDE_NOTES = re.compile(r"\.\./shared\b|\bshared/[A-Z_]+\.md|\b(?:" + "|".join(
    ["DOMAIN", "ECOSYSTEM", "RELIABILITY", "PERFORMANCE", "STYLE", "DEVELOPERS"]) + r")\.md\b")
SKIPPED_FOLDERS = {".git", ".venv", ".venv-properdocs", "node_modules", "site", "__pycache__", ".pytest_cache", ".hypothesis"}


def test_the_repository_stands_alone():
    cited = []
    for path in sorted(REPO.rglob("*")):
        parts = path.relative_to(REPO).parts
        if path.is_dir() or SKIPPED_FOLDERS & set(parts) or parts[0].startswith(".site."):  # a build under way
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # images, archives
        cited += [f"{path.relative_to(REPO)}:{text.count(chr(10), 0, m.start()) + 1}: {m.group()}"
                  for m in OUTSIDE_NOTES.finditer(text)]
    assert cited == []
    assert OUTSIDE_NOTES.search("see .." + "/shared/" + "DOMAIN" + ".md")  # the scan finds what it looks for
