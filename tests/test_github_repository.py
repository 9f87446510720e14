"""The other files of .github/: Dependabot, issue forms, PR template, CODEOWNERS; GitHub's schemas for all.

Structural rules are read from the parsed YAML (helpers in githubkit.py), then each file, workflows
included, is validated against GitHub's schemas bundled in check-jsonschema (offline, pinned in
requirements-dev.txt). The tool is also shown a known-bad file, so a tool that silently accepts
everything fails here. The workflows themselves are checked in test_github_workflows.py.
"""

from __future__ import annotations

import fnmatch
import re

import pytest

from githubkit import GITHUB, ISSUE_FORMS, ROOT, WORKFLOWS, load, run_tool


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


def test_removal_form_names_the_law_and_the_ward_office():
    form = next(load(p) for p in ISSUE_FORMS if load(p)["name"].startswith("Báo sai sót"))
    md = _markdown(form)
    assert "91/2025/QH15" in md and "UBND phường" in md
    labels = " | ".join(f["attributes"]["label"] for f in _fields(form))
    for needed in ("Đường dẫn", "sai", "Đề nghị", "Quan hệ"):
        assert needed in labels, needed


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
