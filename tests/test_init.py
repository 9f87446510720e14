"""Starting a new unit: `python -m bangvang.init` writes a data folder that checks clean and builds an
empty board of that unit, moves the bundled ward aside only when told to, and a manifest left from
another unit is reported as one error that says what to do."""

from __future__ import annotations

import builtins
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bangvang import init, manifest
from bangvang.dates import PartialDate
from bangvang.load import load
from bangvang.public import load_view

from sitebuild import FIXTURE_DATA, build_site, visible_text

SEED_NAMES = ["Phổ Minh", "Đức Phổ", "Quảng Ngãi"]
UNIT = ["--ten", "xã Ea Tiêu", "--tinh", "tỉnh Đắk Lắk", "--don-vi-cu", "xã Ea Bhôk", "--don-vi-cu", "xã Hòa Hiệp",
        "--khu-dan-cu", "thôn", "--khu-dan-cu", "buôn", "--kho", "https://github.com/vidu/bang-vang-ea-tieu"]


def run_init(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bangvang.init", *args], capture_output=True, text=True,
                          cwd=cwd, stdin=subprocess.DEVNULL)


def check(data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bangvang.check", str(data)], capture_output=True, text=True)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def new_unit(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("moi") / "data"
    made = run_init(*UNIT, "--data", str(data), "--yes")
    assert made.returncode == 0, made.stderr
    assert "Traceback" not in made.stdout + made.stderr
    return data


@pytest.fixture(scope="module")
def new_site(new_unit, tmp_path_factory):
    build = build_site(new_unit, tmp_path_factory.mktemp("moi-site") / "site")
    assert build.returncode == 0, build.output
    return build


def test_help_is_vietnamese():
    shown = run_init("--help")
    assert shown.returncode == 0 and shown.stderr == ""
    assert shown.stdout.startswith("Cách dùng: python -m bangvang.init")
    for flag in ("--ten", "--loai", "--tinh", "--don-vi-cu", "--khu-dan-cu", "--dia-danh", "--dia-chi-trang", "--kho",
                 "--data", "--giu-lai", "--yes", "--ngay-sap-nhap"):
        assert flag in shown.stdout
    assert "usage:" not in shown.stdout and "options:" not in shown.stdout


def test_the_new_folder_checks_clean(new_unit):
    checked = check(new_unit)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 lỗi, 0 cảnh báo" in checked.stdout.splitlines()[-1]


def test_the_new_folder_holds_the_unit(new_unit):
    data, issues = load(new_unit)
    assert not issues.items, issues.report()
    unit = data.unit
    assert (unit.name, unit.site_name, unit.place_name, unit.body.id) == \
        ("xã Ea Tiêu", "Bảng vàng xã Ea Tiêu", "Ea Tiêu", "ubnd-xa")
    assert unit.local_words == ["thôn", "buôn"] and unit.repo_url == "https://github.com/vidu/bang-vang-ea-tieu"
    [period] = unit.periods
    assert (period.start, period.end, period.parents) == (PartialDate(2025, 7, 1), None, ["tỉnh Đắk Lắk"])
    [change] = unit.changes
    assert change.kind == "sap_nhap" and [r.id for r in change.former] == ["xa-ea-bhok", "xa-hoa-hiep"]
    assert change.basis_printed is None  # the resolution's number is left for the officer, as a comment
    assert "# can_cu_in: …" in (new_unit / "don-vi.yml").read_text(encoding="utf-8")
    bodies = {b.id: (b.name, b.level) for b in data.of("co_quan")}
    assert bodies == {"ubnd-xa": ("Ủy ban nhân dân xã Ea Tiêu", "xa"),
                      "ubnd-tinh": ("Ủy ban nhân dân tỉnh Đắk Lắk", "tinh")}


def test_former_units_are_listed_without_invented_dates(new_unit):
    data, _ = load(new_unit)
    former = {u.id: (u.name, u.unit_type, u.end, u.parents) for u in data.of("don_vi_cu")}
    assert former == {"xa-ea-bhok": ("xã Ea Bhôk", "xa", None, []), "xa-hoa-hiep": ("xã Hòa Hiệp", "xa", None, [])}
    text = (new_unit / "don-vi-cu.yml").read_text(encoding="utf-8")
    assert "# den_ngay: …" in text and "# cap_tren:" in text


def test_every_other_kind_has_an_empty_folder_with_a_guide(new_unit):
    from bangvang import kinds
    for kind in kinds.KINDS:
        if kind.source.endswith(".yml"):
            continue
        assert [p.name for p in (new_unit / kind.source).iterdir()] == ["README.md"], kind.source
        readme = (new_unit / kind.source / "README.md").read_text(encoding="utf-8")
        assert f"python -m bangvang.new {kind.source}" in readme
    assert (new_unit / "da-cong-bo.yml").read_text(encoding="utf-8") == manifest.manifest_text({})


def test_the_new_board_builds_empty_and_names_only_the_new_unit(new_site):
    home = visible_text(new_site.page(""))
    assert "xã Ea Tiêu" in home
    assert "Xã Ea Tiêu chưa đăng khen thưởng nào trên bảng vàng." in home  # empty, and says so
    assert "<title>" in new_site.page("") and "Bảng vàng xã Ea Tiêu" in new_site.page("")
    for path in new_site.site.rglob("*"):
        if path.suffix not in (".html", ".json", ".xml", ".txt", ".csv") or "huong-dan" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for name in SEED_NAMES:
            assert name not in text, f"{name!r} in {path.relative_to(new_site.site)}"


def test_the_new_folder_takes_new_records(new_unit, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(new_unit, data)
    made = subprocess.run([sys.executable, "-m", "bangvang.new", "--data", str(data), "phong-trao",
                           "--ten", "Thi đua Dân vận khéo", "--tu-nam", "2024"], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert "0 lỗi, 0 cảnh báo" in check(data).stdout


def test_a_unit_without_former_units_has_one_undated_period(tmp_path):
    data = tmp_path / "data"
    made = run_init("--ten", "Phường Tân An", "--tinh", "thành phố Cần Thơ", "--data", str(data))
    assert made.returncode == 0, made.stderr
    loaded, issues = load(data)
    assert not issues.items, issues.report()
    [period] = loaded.unit.periods
    assert (loaded.unit.name, period.unit_type, period.start, period.end) == ("phường Tân An", "phuong", None, None)
    assert loaded.unit.changes == [] and not (data / "don-vi-cu.yml").exists()
    assert {b.id for b in loaded.of("co_quan")} == {"ubnd-phuong", "ubnd-thanh-pho"}


def test_the_merger_date_gives_the_former_units_their_last_day(tmp_path):
    data = tmp_path / "data"
    made = run_init("--ten", "An Bình", "--loai", "xa", "--tinh", "tỉnh Đắk Lắk", "--don-vi-cu", "xã An Phú",
                    "--ngay-sap-nhap", "16/06/2025", "--cap-tren-cu", "huyện Cư Kuin", "--cap-tren-cu",
                    "tỉnh Đắk Lắk", "--data", str(data), "--yes")
    assert made.returncode == 0, made.stderr
    loaded, issues = load(data)
    assert not issues.items, issues.report()
    assert loaded.unit.name == "xã An Bình" and loaded.unit.periods[0].start == PartialDate(2025, 6, 16)
    [former] = loaded.of("don_vi_cu")
    assert (former.end, former.parents) == (PartialDate(2025, 6, 15), ["huyện Cư Kuin", "tỉnh Đắk Lắk"])


def test_an_existing_unit_is_kept_unless_confirmed(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    before = files_of(data)
    refused = run_init(*UNIT, "--data", str(data))
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "xã An Bình" in refused.stderr and "--yes" in refused.stderr
    assert files_of(data) == before and sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    moved = run_init(*UNIT, "--data", str(data), "--yes")
    assert moved.returncode == 0, moved.stderr
    [aside] = [p for p in tmp_path.iterdir() if p.name != "data"]
    assert re.fullmatch(r"data-cu-\d{4}-\d{2}-\d{2}", aside.name)
    assert files_of(aside) == before  # the old unit, every file as it was
    assert aside.name in moved.stdout and "xã Ea Tiêu" in (data / "don-vi.yml").read_text(encoding="utf-8")
    again = run_init(*UNIT, "--data", str(data), "--yes")  # a second time: a second folder, nothing overwritten
    assert again.returncode == 0, again.stderr
    assert len(list(tmp_path.iterdir())) == 3 and files_of(aside) == before


def test_the_old_unit_goes_where_asked_never_over_a_folder(tmp_path):
    data, keep = tmp_path / "data", tmp_path / "luu" / "phuong-cu"
    shutil.copytree(FIXTURE_DATA, data)
    before = files_of(data)
    moved = run_init(*UNIT, "--data", str(data), "--giu-lai", str(keep), "--yes")
    assert moved.returncode == 0, moved.stderr
    assert files_of(keep) == before
    refused = run_init(*UNIT, "--data", str(data), "--giu-lai", str(keep), "--yes")
    assert refused.returncode != 0 and "không ghi đè" in refused.stderr
    assert files_of(keep) == before


@pytest.mark.parametrize(("args", "said"), [
    (["--ten", "xã An Bình", "--tinh", "Đắk Lắk"], "tỉnh"),
    (["--ten", "An Bình", "--tinh", "tỉnh Đắk Lắk"], "loại đơn vị"),
    (["--ten", "xã An Bình", "--loai", "phuong", "--tinh", "tỉnh Đắk Lắk"], "không khớp"),
    (["--tinh", "tỉnh Đắk Lắk"], "Thiếu --ten"),
    (["--ten", "xã An Bình", "--tinh", "tỉnh Đắk Lắk", "--don-vi-cu", "xã An Phú", "--ngay-sap-nhap", "31/02/2025"],
     "không tồn tại"),
    (["--ten", "xã An Bình", "--tinh", "tỉnh Đắk Lắk", "--dia-chi-trang", "javascript:alert(1)"],
     "lien-ket-khong-hop-le"),
    (["--ten", "xã An Bình", "--loai", "lang"], "không có trong danh sách"),
])
def test_wrong_answers_change_nothing(tmp_path, args, said):
    result = run_init(*args, "--data", str(tmp_path / "data"), "--yes")
    assert result.returncode != 0 and said in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and list(tmp_path.iterdir()) == []  # no folder, no scratch left


def test_interactive_questions_show_defaults(tmp_path, monkeypatch, capsys):
    answers = iter(["xã Cư Êbur", "", "tỉnh Đắk Lắk", "", "buôn, thôn", "", "", "", "c"])
    prompts: list[str] = []

    def answer(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    monkeypatch.setattr(builtins, "input", answer)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    assert init.main(["--data", str(data)]) == 0
    assert "[xa]" in prompts[1] and "[Cư Êbur]" in prompts[5] and "xã An Bình" in prompts[-1]
    loaded, issues = load(data)
    assert not issues.items and loaded.unit.local_words == ["buôn", "thôn"]
    assert "Các bước tiếp theo" in capsys.readouterr().out


def test_interactive_no_changes_nothing(tmp_path, monkeypatch):
    answers = iter(["xã Cư Êbur", "", "tỉnh Đắk Lắk", "", "", "", "", "", "k"])
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    before = files_of(data)
    monkeypatch.setattr(builtins, "input", lambda prompt: next(answers))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    assert init.main(["--data", str(data)]) != 0
    assert files_of(data) == before and [p.name for p in tmp_path.iterdir()] == ["data"]


# -- a manifest left from another unit ---------------------------------------------------------------

def test_another_units_manifest_is_one_error_that_says_what_to_do(new_unit, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(new_unit, data)
    # Another unit's list (the test commune's: not data/, which a fork replaces), kept by mistake; two of
    # its ids, 'ubnd-xa' and 'ubnd-tinh', are also the new unit's, as they are for most units.
    shutil.copy(FIXTURE_DATA / "da-cong-bo.yml", data / "da-cong-bo.yml")
    board, issues = load_view(data)
    assert board is None
    [error] = issues.items
    assert (error.code, error.position.path, error.position.line) == ("mat-du-lieu", "data/da-cong-bo.yml", 1)
    assert "danh sách các mục đã công bố của một đơn vị khác" in error.message
    assert "python -m bangvang.init" in error.hint and "python -m bangvang.manifest" in error.hint
    checked = check(data)
    assert checked.returncode != 0 and "1 lỗi" in checked.stdout.splitlines()[-1]
    # The command the hint names refuses with the same explanation, not a list of every id.
    refused = subprocess.run([sys.executable, "-m", "bangvang.manifest", str(data)], capture_output=True, text=True)
    assert refused.returncode == 1 and "đơn vị khác" in refused.stderr and len(refused.stderr.splitlines()) == 1
    (data / "da-cong-bo.yml").unlink()  # as the hint says: remove it, then write it again
    assert subprocess.run([sys.executable, "-m", "bangvang.manifest", str(data)]).returncode == 0
    assert load_view(data)[0] is not None


def test_a_few_missing_ids_are_each_reported(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    extra = data / "van-ban" / "them.yml"
    extra.write_text("".join(f"- id: {n}-tb-ubnd-2024\n  loai: thong_bao\n  so_ky_hieu: {n}/TB-UBND\n"
                             "  ngay: 02/01/2024\n  co_quan_ban_hanh: ubnd-xa\n" for n in (91, 92, 93)), encoding="utf-8")
    assert manifest.main([str(data)]) == 0
    extra.unlink()
    _, issues = load_view(data)
    assert [(i.code, i.message.split("'")[1]) for i in issues.errors] == \
        [("mat-du-lieu", f"{n}-tb-ubnd-2024") for n in (91, 92, 93)]
    assert all(i.position.line > 1 and "có trong da-cong-bo.yml" in i.message for i in issues.errors)


@pytest.mark.parametrize(("missing", "listed", "foreign"), [
    (53, 55, True), (44, 55, True), (10, 10, True), (9, 9, False), (30, 55, False), (1, 55, False)])
def test_what_counts_as_another_units_list(missing, listed, foreign):
    assert manifest.is_foreign(missing, listed) is foreign
