"""The bad-input corpus (tests/corpus/): reading its cases, writing their trees, loading and building them.

The format of a case, and the table of the 46 kinds of bad input that its `rows:` refer to, are in
tests/corpus/README.md. A case's tree is the minimal valid data folder `bangvang.codes.SAMPLE` plus the
case's files; `Runner` loads each case once and builds the renders cases with the real
`mkdocs build --strict`, several cases per build when their files do not clash and their union still
loads cleanly. Used by tests/test_corpus.py and test_gates_canary.py.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from bangvang import codes as codes_module
from bangvang.codes import SAMPLE
from bangvang.public import load_view

from livescan import live_payloads
from sitebuild import build_site, visible_text

CORPUS = Path(__file__).resolve().parent / "corpus"
TODAY = date(2026, 11, 28)
ROWS = range(1, 47)  # the table in tests/corpus/README.md has rows 1–46
CONTROL_FILES = {"expected.yml", "generate.py"}
TOP_KEYS = {"rows", "about", "errors", "warnings", "renders", "remove", "symlinks", "xfail", "xfail_unless_code"}
PAGE_KEYS = {"page", "contains", "html_contains", "absent", "order"}


# ---------------------------------------------------------------------------
# Cases

@dataclass
class Case:
    name: str
    folder: Path
    rows: list[int]
    about: str
    errors: list[tuple] | None
    warnings: list[tuple]
    renders: list[dict] | None
    remove: list[str]
    symlinks: dict[str, str]
    xfail: str | None
    files: list[str] = field(default_factory=list)   # paths relative to the tree, e.g. 'data/van-ban/x.yml'

    @property
    def expects_refusal(self) -> bool:
        return bool(self.errors or self.warnings)

    @property
    def generated(self) -> bool:
        return (self.folder / "generate.py").exists()

    @property
    def builds_alone(self) -> bool:
        """Known bugs, generated, linked or removed files get a site of their own."""
        return bool(self.xfail or self.generated or self.symlinks or self.remove)


def _issue_list(value, where: str) -> list[tuple]:
    assert isinstance(value, list), f"{where}: a list of issues"
    result = []
    for item in value:
        assert isinstance(item, dict) and set(item) == {"code", "path", "line", "column"}, f"{where}: {item!r}"
        assert isinstance(item["code"], str) and isinstance(item["path"], str), f"{where}: {item!r}"
        assert type(item["line"]) is int and type(item["column"]) is int, f"{where}: {item!r}"
        result.append((item["code"], item["path"], item["line"], item["column"]))
    return sorted(result)


def _strings(value, where: str) -> list[str]:
    assert isinstance(value, list) and all(isinstance(s, str) for s in value), \
        f"{where}: a list of strings (quote every value in expected.yml): {value!r}"
    return value


def _load_case(folder: Path) -> Case:
    spec = yaml.safe_load((folder / "expected.yml").read_text(encoding="utf-8"))
    where = f"{folder.name}/expected.yml"
    assert isinstance(spec, dict) and set(spec) <= TOP_KEYS, f"{where}: unknown keys {set(spec) - TOP_KEYS}"
    assert ("errors" in spec) != ("renders" in spec), f"{where}: either 'errors' or 'renders'"
    rows = spec.get("rows")
    assert isinstance(rows, list) and rows and all(type(r) is int and r in ROWS for r in rows), f"{where}: rows"
    assert isinstance(spec.get("about"), str), f"{where}: about"
    renders = None
    if "renders" in spec:
        assert "warnings" not in spec, f"{where}: a renders case must load without any issue"
        renders = spec["renders"]
        assert isinstance(renders, list) and renders, f"{where}: renders is a list of pages"
        for page in renders:
            assert isinstance(page, dict) and set(page) <= PAGE_KEYS and isinstance(page.get("page"), str), \
                f"{where}: {page!r}"
            for key in PAGE_KEYS - {"page"}:
                _strings(page.get(key, []), f"{where}: {key}")
    xfail = spec.get("xfail")
    unless = spec.get("xfail_unless_code")
    if unless is not None:
        assert xfail and isinstance(unless, str), f"{where}: xfail_unless_code goes with xfail"
        if unless in codes_module.CODES:
            xfail = None  # the check has landed: the case must pass now
    symlinks = spec.get("symlinks") or {}
    assert isinstance(symlinks, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in symlinks.items())
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                   if p.is_file() and p.relative_to(folder).as_posix() not in CONTROL_FILES
                   and "__pycache__" not in p.parts)
    return Case(
        name=folder.name, folder=folder, rows=rows, about=spec["about"],
        errors=_issue_list(spec["errors"], f"{where}: errors") if "errors" in spec else None,
        warnings=_issue_list(spec.get("warnings", []), f"{where}: warnings"),
        renders=renders, remove=_strings(spec.get("remove", []), f"{where}: remove"),
        symlinks=symlinks, xfail=xfail, files=files,
    )


def discover() -> list[Case]:
    return [_load_case(folder) for folder in sorted(CORPUS.iterdir()) if folder.is_dir()]


CASES = discover()


def materialize(case: Case, base: Path, others: list[Case] = ()) -> Path:
    """Write SAMPLE plus the case's files (and those of `others`) under `base`; return `base/data`."""
    root = base / "data"
    for rel, content in SAMPLE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")
    for one in [case, *others]:
        for rel in one.files:
            path = base / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes((one.folder / rel).read_bytes())
        for rel in one.remove:
            (base / rel).unlink()
        for link, target in one.symlinks.items():
            path = base / link
            path.parent.mkdir(parents=True, exist_ok=True)
            path.symlink_to(target, target_is_directory=(path.parent / target).is_dir())
        if one.generated:  # compiled here rather than imported: no __pycache__ inside the corpus
            script = one.folder / "generate.py"
            namespace: dict = {"write_report": write_report}  # what the scripts share
            exec(compile(script.read_text(encoding="utf-8"), str(script), "exec"), namespace)
            namespace["generate"](base)
    return root


REPORT_HEAD = ("---\nid: {id}\nloai: bao_cao\nso_ky_hieu: {number}\nngay: 15/01/2024\nco_quan_ban_hanh: ubnd-xa\n"
               "trich_yeu: Báo cáo kiểm thử\n"
               "ky: {{che_do: TM, thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn Hùng}}\n"
               'noi_nhan: ["Lưu: VT."]\n---\n')


def write_report(root: Path, report_id: str, number: str, body: str) -> None:
    """A valid report (data/bao-cao/<id>.md) whose body is `body`: for generate.py scripts."""
    path = root / "data" / "bao-cao" / f"{report_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(REPORT_HEAD.format(id=report_id, number=number) + body, encoding="utf-8")


def _places(items) -> list[tuple]:
    return sorted((i.code, i.position.path, i.position.line, i.position.column) for i in items)

# ---------------------------------------------------------------------------
# Running cases (loads and builds are cached for the whole session)

@dataclass
class Loaded:
    errors: list[tuple] = field(default_factory=list)
    warnings: list[tuple] = field(default_factory=list)
    report: str = ""
    crash: str | None = None


@dataclass
class Built:
    returncode: int
    output: str
    site: Path
    unsafe: dict[str, list[str]]   # page file → live payloads found in it


class Runner:
    def __init__(self, base: Path):
        self.base = base
        self._loaded: dict[str, Loaded] = {}
        self._batches: list[list[Case]] | None = None
        self._built: dict[int, Built] = {}

    def load(self, case: Case) -> Loaded:
        if case.name not in self._loaded:
            where = self.base / "load" / case.name
            try:
                root = materialize(case, where)
                _, issues = load_view(root, today=TODAY)
                result = Loaded(_places(issues.errors), _places(issues.warnings), issues.report())
            except Exception:  # a crash is a finding, reported by the tests below
                result = Loaded(crash=traceback.format_exc())
            self._loaded[case.name] = result
        return self._loaded[case.name]

    # -- builds -------------------------------------------------------------

    def batches(self) -> list[list[Case]]:
        """Renders cases grouped so that each group is built once."""
        if self._batches is None:
            batches: list[list[Case]] = []
            for case in (c for c in CASES if c.renders is not None):
                for batch in ([] if case.builds_alone else batches):
                    if batch[0].builds_alone or set(case.files) & {f for c in batch for f in c.files}:
                        continue
                    trial = self.base / "trial" / f"{case.name}+{len(batch)}-{batch[0].name}"
                    try:
                        _, issues = load_view(materialize(batch[0], trial, batch[1:] + [case]), today=TODAY)
                    except Exception:
                        continue
                    if not issues.items:
                        batch.append(case)
                        break
                else:
                    batches.append([case])
            self._batches = batches
        return self._batches

    def build_for(self, case: Case) -> Built:
        index = next(i for i, batch in enumerate(self.batches()) if case in batch)
        if index not in self._built:
            batch = self.batches()[index]
            where = self.base / "build" / f"{index:02d}"
            root = materialize(batch[0], where, batch[1:])
            build = build_site(root, where / "site")
            unsafe = {}
            if build.returncode == 0:
                for page in sorted(build.site.rglob("*.html")):
                    found = live_payloads(page.read_text(encoding="utf-8"))
                    if found:
                        unsafe[page.relative_to(build.site).as_posix()] = found
            self._built[index] = Built(build.returncode, build.output, build.site, unsafe)
        return self._built[index]


def page_file(site: Path, page: str) -> Path:
    return site / page if page.endswith(".html") else site / page / "index.html"


def check_renders(runner: Runner, case: Case) -> list[str]:
    """Problems with a renders case's pages ([] when every expectation holds)."""
    loaded = runner.load(case)
    if loaded.crash:
        return [f"crash while loading:\n{loaded.crash}"]
    if loaded.errors or loaded.warnings:
        return [f"a legal input was refused:\n{loaded.report}"]
    built = runner.build_for(case)
    if built.returncode != 0:
        return [f"mkdocs build --strict failed (rc {built.returncode}):\n{built.output[-3000:]}"]
    problems = [f"{page}: {found}" for page, found in built.unsafe.items()]
    for spec in case.renders:
        path = page_file(built.site, spec["page"])
        if not path.is_file():
            problems.append(f"no page {spec['page']!r} in the built site")
            continue
        html = path.read_text(encoding="utf-8")
        text = visible_text(html)
        for s in spec.get("contains", []):
            if s not in text:
                problems.append(f"{spec['page']}: visible text lacks {s!r}")
        for s in spec.get("html_contains", []):
            if s not in html:
                problems.append(f"{spec['page']}: HTML lacks {s!r}")
        for s in spec.get("absent", []):
            if s in html:
                problems.append(f"{spec['page']}: {s!r} should not be there")
        positions = [text.find(s) for s in spec.get("order", [])]
        if -1 in positions or positions != sorted(positions):
            problems.append(f"{spec['page']}: order {spec['order']} not kept (positions {positions})")
    return problems


def check_load(runner: Runner, case: Case) -> list[str]:
    loaded = runner.load(case)
    if loaded.crash:
        return [f"crash:\n{loaded.crash}"]
    problems = []
    if loaded.errors != case.errors:
        problems.append(f"errors: expected {case.errors}, got {loaded.errors}")
    if loaded.warnings != case.warnings:
        problems.append(f"warnings: expected {case.warnings}, got {loaded.warnings}")
    if problems:
        problems.append("report:\n" + loaded.report)
    return problems
