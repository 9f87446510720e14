"""The other files of .github/: Dependabot, issue forms, PR template, CODEOWNERS; GitHub's schemas for all.

Structural rules are read from the parsed YAML (helpers in githubkit.py), then each file, workflows
included, is validated against GitHub's schemas bundled in check-jsonschema (offline, pinned in
requirements-dev.txt). The tool is also shown a known-bad file, so a tool that silently accepts
everything fails here. The workflows themselves are checked in test_github_workflows.py. The removal
request form sends everything personal to the site's privacy page, so that page is rendered here too
(with the unit's contact from data/don-vi.yml).
"""

from __future__ import annotations

import fnmatch
import re
import shutil
from datetime import date

import pytest

from bangvang.pages import Site
from bangvang.public import load_view

from githubkit import GITHUB, ISSUE_FORMS, ROOT, WORKFLOWS, load, run_tool
from sitebuild import FIXTURE_DATA, SEED_DATA, visible_text


# --- the files exist ----------------------------------------------------------------------------

def test_expected_files_exist():
    for rel in ("workflows/ci.yml", "workflows/pages.yml", "dependabot.yml", "pull_request_template.md",
                "CODEOWNERS", "ISSUE_TEMPLATE/config.yml"):
        assert (GITHUB / rel).is_file(), rel
    assert len(ISSUE_FORMS) >= 2
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml"}


# --- Dependabot ---------------------------------------------------------------------------------

def test_dependabot_updates_pip_and_actions_weekly_grouped():
    cfg = load(GITHUB / "dependabot.yml")
    assert cfg["version"] == 2
    by_ecosystem = {u["package-ecosystem"]: u for u in cfg["updates"]}
    assert set(by_ecosystem) == {"pip", "github-actions"}
    for eco, update in by_ecosystem.items():
        assert update["directory"] == "/", eco
        assert update["schedule"]["interval"] == "weekly", eco
        groups = update.get("groups") or {}
        assert groups and all(g["patterns"] == ["*"] for g in groups.values()), eco


# --- issue forms, PR template -------------------------------------------------------------------

PERSONAL = re.compile(r"CCCD|định danh|chứng minh nhân dân|ngày sinh|địa chỉ nhà|số điện thoại|email", re.I)


def _fields(form: dict) -> list[dict]:
    return [f for f in form["body"] if f["type"] != "markdown"]


def _markdown(form: dict) -> str:
    return "\n".join(f["attributes"]["value"] for f in form["body"] if f["type"] == "markdown")


def test_blank_issues_are_disabled():
    assert load(GITHUB / "ISSUE_TEMPLATE" / "config.yml")["blank_issues_enabled"] is False


def test_issue_forms_are_the_nomination_and_the_removal_request():
    names = {load(p)["name"] for p in ISSUE_FORMS}
    assert names == {"Đề xuất gương điển hình tiên tiến", "Báo sai sót / yêu cầu gỡ thông tin"}


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_forms_warn_and_never_ask_for_personal_data(path):
    form = load(path)
    assert "CÔNG KHAI" in _markdown(form), "the form must say that an issue is public"
    assert PERSONAL.search(_markdown(form)), "the form must name what not to post"
    ids = [f["id"] for f in _fields(form)]
    assert len(ids) == len(set(ids))
    for f in _fields(form):
        if f["type"] in ("input", "textarea", "dropdown"):
            asked = f["attributes"]["label"] + " " + f["attributes"].get("description", "")
            hits = [m.group() for m in PERSONAL.finditer(asked) if not re.search(r"[Kk]hông ghi", asked)]
            assert not hits, f"{path.name}: field {f['id']} asks for {hits}"
    ticks = [o for f in _fields(form) if f["type"] == "checkboxes" for o in f["attributes"]["options"]]
    assert any(o.get("required") and PERSONAL.search(o["label"]) for o in ticks), \
        "a required tick box must confirm that no personal data was written"


def test_nomination_form_asks_who_where_what_sources_and_consent():
    form = next(load(p) for p in ISSUE_FORMS if load(p)["name"].startswith("Đề xuất"))
    labels = " | ".join(f["attributes"]["label"] for f in _fields(form))
    for needed in ("được đề xuất", "tổ dân phố", "Thành tích", "Tài liệu"):
        assert needed in labels, needed
    consent = [o for f in _fields(form) if f["type"] == "checkboxes" for o in f["attributes"]["options"]
               if "đồng ý" in o["label"]]
    assert consent and consent[0]["required"] is True
    assert "giữ kín" in _markdown(form), "the proposer's contact is kept private"


def _removal_form() -> dict:
    return next(load(p) for p in ISSUE_FORMS if load(p)["name"].startswith("Báo sai sót"))


def test_removal_form_names_the_law_and_the_office():
    form = _removal_form()
    md = _markdown(form)
    assert "91/2025/QH15" in md and "Ủy ban nhân dân" in md
    labels = " | ".join(f["attributes"]["label"] for f in _fields(form))
    for needed in ("Đường dẫn", "yêu cầu", "sai sót"):
        assert needed in labels, needed


# Asking for the words, photo or story to be removed: a public issue would publish them again.
COPY_REQUEST = re.compile(r"chép lại|đoạn chữ|tả ảnh|phần cần gỡ|mục cần gỡ|nội dung cần gỡ|điều cần gỡ", re.I)


def test_removal_form_asks_only_for_the_page_and_the_kind_of_request():
    form = _removal_form()
    required = [f["id"] for f in _fields(form) if f["type"] != "checkboxes" and f.get("validations", {}).get("required")]
    assert required == ["duong-dan", "yeu-cau"], required
    for f in _fields(form):
        if f["type"] in ("input", "textarea"):
            asked = " ".join(str(f["attributes"].get(k, "")) for k in ("label", "description", "placeholder"))
            assert not COPY_REQUEST.search(asked), f"field {f['id']} asks for the text to be removed: {asked}"
    correction = [f for f in _fields(form) if f["type"] == "textarea"]
    assert len(correction) == 1 and "Yêu cầu gỡ thì để trống" in correction[0]["attributes"]["description"]
    assert "Không chép lại" in _markdown(form), "the form must say not to copy what is to be removed"
    assert not any(f["id"] == "quan-he" for f in _fields(form)), "who the requester is goes the private way"


def test_removal_form_sends_what_is_personal_to_the_privacy_page():
    md = _markdown(_removal_form())
    assert "Dữ liệu cá nhân" in md and "gioi-thieu/du-lieu-ca-nhan/#cach-yeu-cau" in md
    assert re.search(r"gửi\s+\*\*riêng\*\*", md)
    board = _board(FIXTURE_DATA)
    page = next(spec for spec in Site(board).pages.values() if spec.template == "privacy.html")
    assert page.url == "gioi-thieu/du-lieu-ca-nhan/", "the form links this address"


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_forms_name_no_unit(path):
    """Every commune that forks the repository uses the same forms: they say "Ủy ban nhân dân", no ward or commune."""
    text = path.read_text(encoding="utf-8")
    named = re.findall(r"UBND (?:phường|xã|thị trấn)|(?:[Uu]ỷ|[Uu]y|[Ủủ]y) ban nhân dân (?:phường|xã|thị trấn)"
                       r"|cán bộ (?:phường|xã)|Phổ Minh|An Bình", text)
    assert named == [], named


# --- the privacy page the removal form points to ------------------------------------------------

CONTACT = "Văn phòng Ủy ban nhân dân, thư điện tử vanphong@anbinh.example.gov.vn, điện thoại 0262 3 812 345"


def _board(data):
    board, issues = load_view(data, today=date(2026, 11, 28))
    assert board is not None, issues.report()
    return board


def test_privacy_page_shows_the_units_contact_from_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    unit = data / "don-vi.yml"
    text = unit.read_text(encoding="utf-8")
    written = re.search(r"^lien_he: \|\n(?:  .*\n)+", text, re.M)
    assert written, "the fixture's unit has a contact"
    unit.write_text(text.replace(written.group(), f"lien_he: {CONTACT}\n"), encoding="utf-8")
    html, _ = Site(_board(data), repo_url="https://github.com/vidu/bang-vang").render_page(
        "gioi-thieu/du-lieu-ca-nhan.md")
    section = visible_text(html[html.index('id="cach-yeu-cau"'):])
    assert CONTACT in section, section
    assert "chỉ cần địa chỉ của trang" in section and "Không chép lại đoạn chữ" in section, section
    assert 'href="https://github.com/vidu/bang-vang/issues/new/choose"' in html


def test_privacy_page_without_a_contact_names_the_office():
    html, _ = Site(_board(SEED_DATA)).render_page("gioi-thieu/du-lieu-ca-nhan.md")  # the ward has no lien_he yet
    section = visible_text(html[html.index('id="cach-yeu-cau"'):])
    assert "Đơn vị chưa công bố nơi tiếp nhận yêu cầu" in section and "Ủy ban nhân dân" in section, section


def test_pull_request_template_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(boxes) >= 5, boxes
    joined = "\n".join(boxes)
    for needed in ("bangvang.check", "nguồn", "đồng ý", "ngày sinh", "xem trước"):
        assert needed in joined, needed
    assert "Số/ký hiệu" in text and "ngày" in text


# --- CODEOWNERS ---------------------------------------------------------------------------------

def _owners(path: str) -> list[str]:
    """Owners of a repository path: the last matching CODEOWNERS line wins (a simplified matcher)."""
    owners: list[str] = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, *who = line.split()
        if pattern == "*":
            hit = True
        elif pattern.endswith("/"):
            hit = ("/" + path).startswith(pattern if pattern.startswith("/") else "/" + pattern)
        else:
            hit = fnmatch.fnmatch("/" + path, pattern if pattern.startswith("/") else "*/" + pattern)
        if hit:
            owners = who
    return owners


@pytest.mark.parametrize("path, team", [
    ("data/don-vi.yml", "bang-vang-du-lieu"),
    ("data/khen-thuong/2023.yml", "bang-vang-du-lieu"),
    ("src/bangvang/check.py", "bang-vang-ky-thuat"),
    ("hooks/board.py", "bang-vang-ky-thuat"),
    ("overrides/main.html", "bang-vang-ky-thuat"),
    ("mkdocs.yml", "bang-vang-ky-thuat"),
    (".github/workflows/pages.yml", "bang-vang-ky-thuat"),
    ("requirements-dev.txt", "bang-vang-ky-thuat"),
    (".ci/run", "bang-vang-ky-thuat"),
])
def test_codeowners(path, team):
    assert _owners(path) == [f"@OWNER/{team}"], (path, _owners(path))


def test_codeowners_tells_a_fork_to_replace_owner():
    text = (GITHUB / "CODEOWNERS").read_text(encoding="utf-8")
    assert re.search(r"^#.*replace OWNER", text, re.M)


# --- schemas (check-jsonschema, bundled schemas, offline) ---------------------------------------

SCHEMA_TARGETS = [
    ("vendor.github-workflows", [str(p.relative_to(ROOT)) for p in WORKFLOWS]),
    ("custom.github-workflows-require-timeout", [str(p.relative_to(ROOT)) for p in WORKFLOWS]),
    ("vendor.dependabot", [".github/dependabot.yml"]),
    ("vendor.github-issue-forms", [str(p.relative_to(ROOT)) for p in ISSUE_FORMS]),
    ("vendor.github-issue-config", [".github/ISSUE_TEMPLATE/config.yml"]),
]


@pytest.mark.parametrize("schema, files", SCHEMA_TARGETS, ids=[s for s, _ in SCHEMA_TARGETS])
def test_files_match_githubs_schemas(schema, files):
    assert files
    done = run_tool("check-jsonschema", "--builtin-schema", schema, *files)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "validation done" in done.stdout


def test_schema_check_rejects_a_broken_issue_form(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("name: x\ndescription: y\nbody:\n  - type: textbox\n    attributes: {label: z}\n",
                   encoding="utf-8")
    done = run_tool("check-jsonschema", "--builtin-schema", "vendor.github-issue-forms", str(bad))
    assert done.returncode != 0, done.stdout
