"""Gate: a canary scan. Payloads are planted in every text field of a whole commune's data (the second
commune, tests/fixtures/xa-an-binh: every kind of page, a photo, a report, a story), a site is built
from it with the real `mkdocs build --strict`, and the output must hold none of them in executable form:

  - HTML: every <script> is one of the theme's (an external file of the theme's asset tree, or an
    inline script whose sha256 is in the page's CSP *and* among the hashes of a clean build), or
    Material's JSON config block; no on*= attribute; no javascript:/vbscript:/data: URL in any URL
    attribute; no active element (iframe, object, embed, base), no refresh;
  - search/vi/l<n>.<digest>.json, the result lines (Material inserts their title/text as HTML): the same checks on every string;
  - JSON open data: well-formed, payloads only inside strings; XML (sitemap, Atom feed): well-formed,
    no markup element, titles and summaries as plain text; CSV: well-formed, no formula cell.

Every planted payload carries its own number (alert(N)); the test reports planted / found in the output
as inert text / executable. The corpus' injection cases (tests/corpus, rows 33-35 and 37 of the table in
tests/corpus/README.md: HTML, script links, attribute injection, remote images; built as the corpus
runner batches them) are scanned by the same checks.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from bangvang import ceremony
from bangvang.csp import inline_scripts, is_executable, read_policy, sha256_source
from bangvang.public import load_view
from bangvang import kinds
from bangvang.fields import ListOf, Markdown, Object, Text
from bangvang.schema import field_specs

from corpuskit import CASES, TODAY, Runner
import indexkit
from gatekit import SITE_URL, SITES, built, html_pages, url_of
from livescan import live_payloads
from sitebuild import FIXTURE_DATA, build_site

MARKER = re.compile(r"(?:alert|msgbox)\((\d+)\)")
# Text fields whose value is a reference, not prose: planting would only make the data invalid.
NOT_PROSE = {("bao_cao", "ban_trich_xuat")}  # the name of the raw-text file beside the report


# --- planting ----------------------------------------------------------------------------------------

class Planter:
    def __init__(self):
        self.count = 0
        self.kinds: dict[str, int] = {}
        self.where: dict[int, str] = {}

    def _next(self, kind: str, where: str) -> int:
        self.count += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        self.where[self.count] = where
        return self.count

    def markdown(self, where: str, kind: str = "markdown field") -> str:
        n = [self._next(kind, where) for _ in range(12)]
        return (f"**Đậm** <script>alert({n[0]})</script> <img src=x onerror=alert({n[1]})> <svg onload=alert({n[2]})>\n\n"
                f"[một](javascript:alert({n[3]})) [hai](&#106;avascript:alert({n[4]})) [ba](java&#9;script:alert({n[5]})) "
                f"[bốn](vbscript:msgbox({n[6]})) [năm](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==) "
                f"[sáu](https://xa.example.vn \"t\\\" onmouseover=\\\"alert({n[7]})\") ![ảnh](https://example.com/x.png)\n\n"
                f"<iframe src=\"javascript:alert({n[8]})\"></iframe> <a href=\"javascript:alert({n[9]})\">bấm</a> "
                f"<style>body{{display:none}}</style> <div onclick=\"alert({n[10]})\">khối</div> &amp; & &lt; "
                f"<javascript:alert({n[11]})>\n")

    def multiline(self, where: str) -> str:
        n = [self._next("multi-line text", where) for _ in range(4)]
        return (f"<script>alert({n[0]})</script> <img src=x onerror=alert({n[1]})>\n"
                f"<a href=\"javascript:alert({n[2]})\">bấm</a> & &amp; &lt; x\" onmouseover=\"alert({n[3]})\n")

    def single(self, where: str, max_len: int, kind: str = "single-line text") -> str:
        """Quotes, ampersands, attribute injection without a tag, an entity-encoded javascript: and a
        spreadsheet formula: what single-line validation lets through (it refuses tags and javascript:)."""
        n = self._next(kind, where)
        long = f"=HYPERLINK(\"https://example.com\") x\" onmouseover=\"alert({n})' onfocus='alert({n}) &amp; &#106;avascript:alert({n})"
        short = f"x\" onmouseover=\"alert({n})"
        return long if len(long) <= max_len else short

    def plant(self, cls, record: dict, kind: str, where: str) -> None:
        for spec in field_specs(cls):
            if spec.key not in record or (kind, spec.key) in NOT_PROSE:
                continue
            ftype, value, here = spec.type, record[spec.key], f"{where}.{spec.key}"
            if isinstance(ftype, Markdown):
                record[spec.key] = self.markdown(here)
            elif isinstance(ftype, Text):
                record[spec.key] = self.multiline(here) if ftype.multiline else self.single(here, ftype.max_len)
            elif isinstance(ftype, ListOf) and isinstance(ftype.item, Text) and isinstance(value, list):
                record[spec.key] = [self.single(f"{here}[{i}]", ftype.item.max_len, "list item text")
                                    for i in range(len(value))]
            elif isinstance(ftype, Object) and isinstance(value, dict):
                self.plant(ftype.cls, value, kind, here)
            elif isinstance(ftype, ListOf) and isinstance(ftype.item, Object) and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, dict):
                        self.plant(ftype.item.cls, item, kind, f"{here}[{i}]")


class _Dumper(yaml.emitter.Emitter, yaml.serializer.Serializer, yaml.representer.SafeRepresenter,
              yaml.resolver.BaseResolver):
    """Writes back what BaseLoader read (all scalars text) without quoting what needs none: `nam: 2024`
    stays plain, so the data's own loader reads it as before."""

    def __init__(self, stream, **kwargs):
        yaml.emitter.Emitter.__init__(self, stream, allow_unicode=True, width=10_000)
        yaml.serializer.Serializer.__init__(self)
        yaml.representer.SafeRepresenter.__init__(self, sort_keys=False)
        yaml.resolver.BaseResolver.__init__(self)


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper)


def plant_tree(source: Path, target: Path) -> Planter:
    shutil.copytree(source, target)
    planter = Planter()
    for c in kinds.KINDS:
        path = target / c.source
        if c.layout == kinds.SINGLE:
            files = [path] if path.is_file() else []
        else:
            files = sorted(path.glob("*.md" if c.layout == "markdown" else "*.yml")) if path.is_dir() else []
        for file in files:
            where = file.relative_to(target.parent).as_posix()
            text = file.read_text(encoding="utf-8")
            if c.layout == "markdown":
                _, front, body = re.split(r"^---\s*$", text, maxsplit=2, flags=re.M)
                data = yaml.load(front, Loader=yaml.BaseLoader)
                planter.plant(c.cls, data, c.key, where)
                body = body.rstrip("\n") + "\n\n" + planter.markdown(f"{where} (body)", "markdown body")
                file.write_text("---\n" + _dump(data) + "---\n" + body, encoding="utf-8")
            else:
                data = yaml.load(text, Loader=yaml.BaseLoader)
                for i, record in enumerate(data if isinstance(data, list) else [data]):
                    planter.plant(c.cls, record, c.key, f"{where}[{i}]")
                file.write_text(_dump(data), encoding="utf-8")
    return planter


# --- scanning ----------------------------------------------------------------------------------------

@dataclass
class Scan:
    files: int = 0
    scripts: int = 0
    executable: list[str] = field(default_factory=list)
    found: set[int] = field(default_factory=set)   # planted numbers seen in the output as inert text
    formula_cells: list[str] = field(default_factory=list)


class _Scripts(HTMLParser):
    """Every <script> of a page: (attributes, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[tuple[dict, str]] = []
        self._open: dict | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open, self._text = dict(attrs), []

    def handle_data(self, data):
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.scripts.append((self._open, "".join(self._text)))
            self._open = None


def theme_hashes() -> set[str]:
    """The inline-script hashes of clean builds (bundled data, second commune): the theme's set."""
    hashes = set()
    # built as the Pages workflow builds (with the site's address) and as a pull request's check builds
    # (without: Material's 404 page then uses relative paths, another inline-script text)
    for site in [built(name) for name in SITES] + [built("bundled", site_url="")]:
        for page in html_pages(site):
            policy = read_policy((site / page).read_text(encoding="utf-8"))
            hashes.update(h for h in policy.get("script-src", []) if h.startswith("'sha256-"))
    # and the ceremony screens' files to run alone: the package's screen.js, inline, hashed in their own policy
    return hashes | {sha256_source(ceremony.SCRIPT.read_text(encoding="utf-8"))}


def theme_script_files(site: Path) -> set[str]:
    """Script files the theme ships: Material's bundle and our docs/assets scripts."""
    return {p.relative_to(site).as_posix() for p in (site / "assets").rglob("*.js")}


def scan_html(site: Path, page: str, html: str, allowed_hashes: set[str], scan: Scan, site_url: str) -> None:
    where = page
    scan.executable += [f"{where}: {found}" for found in live_payloads(html, markers=("alert(", "msgbox("))]
    policy = read_policy(html)
    if policy is None:
        scan.executable.append(f"{where}: no Content-Security-Policy")
        return
    page_hashes = {h for h in policy.get("script-src", []) if h.startswith("'sha256-")}
    if not page_hashes <= allowed_hashes:
        scan.executable.append(f"{where}: CSP allows scripts outside the theme's set: {page_hashes - allowed_hashes}")
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    inline_hashes = set()
    shipped = theme_script_files(site)
    for attrs, text in parser.scripts:
        scan.scripts += 1
        src = attrs.get("src")
        if src is not None:
            url = urljoin(urljoin(site_url, url_of(page)), src)
            rel = url[len(site_url):].split("?")[0] if url.startswith(site_url) else url
            if rel not in shipped:
                scan.executable.append(f"{where}: <script src={src!r}> is not one of the theme's files")
        elif not is_executable(" ".join(f'{k}="{v}"' for k, v in attrs.items())):
            if not (attrs.get("id") == "__config" and attrs.get("type") == "application/json"):
                scan.executable.append(f"{where}: unknown data block <script {attrs}>")
            else:
                json.loads(text)  # Material's config must stay data
                if MARKER.search(text):
                    scan.executable.append(f"{where}: planted payload inside Material's config block")
        else:
            h = sha256_source(text)
            inline_hashes.add(h)
            if h not in page_hashes or h not in allowed_hashes:
                scan.executable.append(f"{where}: inline <script> not among the theme's hashes: {text[:80]!r}")
    if inline_hashes != page_hashes:
        scan.executable.append(f"{where}: CSP hashes {page_hashes - inline_hashes} match no script of the page")
    # the hook's reading of the page (a regex) finds the same inline scripts as an HTML parser
    if {sha256_source(m.group(2)) for m in inline_scripts(html)} != inline_hashes:
        scan.executable.append(f"{where}: the hook and the parser disagree on the page's inline scripts")


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.found.add(tag)


def scan_strings(value, where: str, scan: Scan) -> None:
    """Strings of JSON that a page may insert as HTML: the same live-markup checks."""
    if isinstance(value, dict):
        for k, v in value.items():
            scan_strings(v, f"{where}.{k}", scan)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            scan_strings(v, f"{where}[{i}]", scan)
    elif isinstance(value, str):
        scan.executable += [f"{where}: {found}" for found in live_payloads(value, markers=("alert(", "msgbox("))]
        tags = _Tags()
        tags.feed(value)
        tags.close()
        if tags.found & {"script", "style", "svg", "math", "img", "form", "input", "textarea", "link", "meta"}:
            scan.executable.append(f"{where}: <{sorted(tags.found)}> in a string Material inserts as HTML: {value[:80]!r}")


def scan_site(site: Path, allowed_hashes: set[str], site_url: str = SITE_URL) -> Scan:
    """Scan a built site; `site_url` is the address it was built for (a build without one is served
    at the root of its origin)."""
    scan = Scan()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("assets/"):
            continue  # the theme's own files (checked by the clean-build tests)
        suffix = path.suffix.lower()
        if suffix not in (".html", ".json", ".csv", ".xml"):
            continue
        text = path.read_text(encoding="utf-8-sig")
        scan.files += 1
        scan.found.update(int(n) for n in MARKER.findall(text))
        if suffix == ".html":
            scan_html(site, rel, text, allowed_hashes, scan, site_url)
        elif suffix == ".json":
            data = json.loads(text)
            if indexkit.LINES.fullmatch(rel):  # result lines: Material inserts their title and text as HTML
                for i, (location, title, text) in enumerate(data):
                    scan_strings({"title": title, "text": text, "location": location}, f"{rel}#{i}", scan)
        elif suffix == ".csv":
            rows = list(csv.reader(io.StringIO(text, newline="")))
            widths = {len(r) for r in rows}
            if len(widths) > 1:
                scan.executable.append(f"{rel}: rows of different widths {widths} (a quote broke the table)")
            for r, row in enumerate(rows[1:], 2):
                for cell in row:
                    if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and (MARKER.search(cell) or "HYPERLINK" in cell):
                        scan.formula_cells.append(f"{rel}:{r}: {cell[:60]!r}")
        elif suffix == ".xml":
            root = ET.fromstring(text.encode("utf-8"))
            for el in root.iter():
                tag = el.tag.split("}")[-1]
                if tag in ("script", "iframe", "object", "embed") or any(a.split("}")[-1].startswith("on") for a in el.attrib):
                    scan.executable.append(f"{rel}: <{tag}> element or handler in XML")
                if el.get("type") in ("html", "xhtml"):
                    scan_strings(el.text or "", f"{rel}:<{tag} type={el.get('type')}>", scan)
    return scan


# --- tests -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    base = tmp_path_factory.mktemp("canary")
    planter = plant_tree(FIXTURE_DATA, base / "data")
    board, issues = load_view(base / "data", today=TODAY)
    assert board is not None and not issues.items, issues.report()
    build = build_site(base / "data", base / "site", {"BANGVANG_SITE_URL": "https://vidu.github.io/bang-vang/"})
    assert build.returncode == 0, build.output[-3000:]
    return planter, build.site


def test_payloads_are_planted_in_every_kind_of_text_field(planted):
    planter, _ = planted
    print(f"canaries planted: {planter.count} in {len(set(planter.where.values()))} fields; by kind: {planter.kinds}")
    for kind in ("single-line text", "multi-line text", "markdown field", "markdown body", "list item text"):
        assert planter.kinds.get(kind), f"no {kind} planted: {planter.kinds}"
    fields = {w.rsplit(".", 1)[-1].split("[")[0] for w in planter.where.values()}
    for key in ("ten_trang", "mo_ta_trang", "ten", "ho", "mo_ta", "ly_do", "trich_yeu", "ghi_chu", "noi_nhan"):
        assert key in fields, f"nothing planted in {key}: {sorted(fields)}"


def test_no_planted_payload_is_executable_anywhere(planted):
    planter, site = planted
    scan = scan_site(site, theme_hashes())
    found = scan.found & set(range(1, planter.count + 1))
    print(f"canaries planted/executable: {planter.count}/{len(scan.executable)} "
          f"(found in the output as inert text: {len(found)}; files scanned {scan.files}, <script> elements {scan.scripts})")
    assert scan.scripts > 0 and scan.files > 30
    # Not published by design: fields declared publish=False (where a consent form is kept) and the names
    # and reasons of people shown by initials only (src/bangvang/opendata.py initials_only, anonymous awards).
    missing = sorted(set(range(1, planter.count + 1)) - found)
    print("    not in the output (withheld by design): " + ", ".join(planter.where[n] for n in missing))
    assert len(found) >= planter.count * 0.9, f"payloads missing from the output: {missing}"
    assert not scan.executable, "\n".join(scan.executable[:50])


def test_no_spreadsheet_formula_in_the_csv_tables(planted):
    _, site = planted
    scan = scan_site(site, theme_hashes())
    print(f"CSV formula cells: {len(scan.formula_cells)}")
    assert not scan.formula_cells, "\n".join(scan.formula_cells[:20])


INJECTION_ROWS = {33, 34, 35, 37}


def test_corpus_injection_cases_pass_the_same_scan(tmp_path_factory):
    runner = Runner(tmp_path_factory.mktemp("canary-corpus"))
    cases = [c for c in CASES if c.renders is not None and not c.xfail and set(c.rows) & INJECTION_ROWS]
    assert len(cases) >= 15, [c.name for c in cases]
    allowed = theme_hashes()
    builds, problems = {}, []
    for case in cases:
        built_case = runner.build_for(case)
        assert built_case.returncode == 0, built_case.output[-2000:]
        if built_case.site not in builds:
            builds[built_case.site] = scan_site(built_case.site, allowed, "http://127.0.0.1/")
        problems += [f"{case.name}: {p}" for p in builds[built_case.site].executable]
    print(f"corpus injection cases scanned: {len(cases)} in {len(builds)} builds; executable: {len(set(problems))}")
    assert not problems, "\n".join(sorted(set(problems))[:50])
