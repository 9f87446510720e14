"""http:// links are accepted with a note (many government sites serve only http); other schemes are refused.

The note (code lien-ket-http, severity "lưu ý") is printed by the checker with its hint, and does
not stop a build, not even `mkdocs build --strict` as the Pages workflow runs it; javascript:,
data:, file: and the like stay errors. The editors' JSON Schema accepts http:// too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from datatree import write_tree
from sitebuild import build_site
from validationkit import VB, doc, load, places

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
HTTP = "http://example.gov.vn/van-ban/x"
HINT = "Nếu trang có bản https://, hãy dùng https:// (an toàn hơn cho người xem)."


def document(link: str) -> dict[str, str]:
    return {VB: doc("id: abc", "loai: van_ban_khac", "ten: Công văn A", f"lien_ket: {link}")}


def test_an_http_link_is_accepted_with_a_note(tmp_path):
    board, issues = load(tmp_path, document(HTTP))
    assert places(issues) == {("lien-ket-http", VB, 4, 13)}, issues.report()
    assert issues.errors == [] and issues.warnings == []
    assert [(i.severity, i.hint) for i in issues.notes] == [("lưu ý", HINT)]
    assert board is not None


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
                                  "file:///etc/passwd", "ftp://example.gov.vn/a", "http://a.vn/\"onclick=x",
                                  "//example.gov.vn/a", "http:/example.gov.vn"])
def test_other_schemes_are_still_refused(tmp_path, link):
    board, issues = load(tmp_path, {VB: doc("id: abc", "loai: van_ban_khac", "ten: Công văn A",
                                            f"lien_ket: '{link}'")})
    assert ("lien-ket-khong-hop-le", VB, 4, 13) in places(issues), issues.report()
    assert "lien-ket-http" not in {i.code for i in issues.items}
    assert board is None


def test_the_checker_prints_the_hint_and_passes(tmp_path):
    write_tree(tmp_path, document(HTTP))
    done = subprocess.run([sys.executable, "-m", "bangvang.check", "data"], cwd=tmp_path, capture_output=True,
                          timeout=120, env=os.environ.copy())
    out = done.stdout.decode("utf-8")
    assert done.returncode == 0, out + done.stderr.decode("utf-8")
    assert "data/van-ban/2022.yml:4:13: lien-ket-http:" in out and f"gợi ý: {HINT}" in out
    assert ": 0 lỗi, 0 cảnh báo, 1 lưu ý (" in out


def test_the_checker_annotates_a_pull_request_with_a_notice(tmp_path):
    write_tree(tmp_path, document(HTTP))
    done = subprocess.run([sys.executable, "-m", "bangvang.check", "data", "--format", "github"], cwd=tmp_path,
                          capture_output=True, timeout=120, env=os.environ.copy())
    assert done.returncode == 0
    assert done.stdout.decode("utf-8").startswith("::notice file=data/van-ban/2022.yml,line=4,col=13,title=lien-ket-http::")


def test_a_strict_build_publishes_the_http_link(tmp_path):
    build = build_site(write_tree(tmp_path, document(HTTP)), tmp_path / "site")
    assert build.returncode == 0, build.output
    assert f'href="{HTTP}"' in build.page("van-ban/abc")


@pytest.mark.parametrize("link, accepted", [(HTTP, True), ("https://example.gov.vn/x", True),
                                            ("javascript:alert(1)", False), ("file:///etc/passwd", False)])
def test_the_editor_schema_accepts_http(tmp_path, link, accepted):
    path = tmp_path / "2022.yml"
    path.write_text(doc("id: abc", "loai: van_ban_khac", "ten: Công văn A", f"lien_ket: '{link}'"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile",
                             str(SCHEMAS / "van-ban.schema.json"), str(path)], capture_output=True, text=True)
    assert (result.returncode == 0) == accepted, result.stdout + result.stderr
