"""The editor schemas are generated from the model, committed up to date, accept the data, reject bad input.

check-jsonschema reads YAML 1.2 with ruamel, as VS Code's yaml-language-server does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bangvang.editor_schema import build_schemas, globs, render

from sitebuild import SEED_DATA

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "schemas"
DATA_SETS = [SEED_DATA, REPO / "tests" / "fixtures" / "xa-an-binh" / "data"]


def check(schema: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMAS / schema),
                           *map(str, files)], capture_output=True, text=True)


def test_committed_schemas_are_up_to_date():
    generated = build_schemas()
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(generated)
    for name, schema in generated.items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == render(schema), f"run python -m bangvang.editor_schema"


def test_editor_settings_map_every_yaml_kind():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == globs()
    assert all((REPO / path).is_file() for path in settings["yaml.schemas"])


def test_hover_help_is_vietnamese():
    schema = build_schemas()["khen-thuong.schema.json"]
    props = schema["items"]["properties"]
    assert "Danh hiệu thi đua" in props["danh_hieu"]["description"]
    assert props["trang_thai"]["enum"] == ["de_nghi", "da_tang", "thu_hoi"]
    assert "Đã khen thưởng" in props["trang_thai"]["markdownEnumDescriptions"]


@pytest.mark.parametrize("data", DATA_SETS, ids=["seed", "second-commune"])
@pytest.mark.parametrize("schema_file, pattern", [(s.split("/")[-1], g.removeprefix("data/")) for s, g in globs().items()])
def test_bundled_data_is_accepted(data, schema_file, pattern):
    files = sorted(data.glob(pattern))
    if not files:
        # declared removals exist only once something published was removed; the bundled ward has no
        # events or press articles; the second commune, a demo of every page, has a file of each.
        assert pattern == "da-go.yml" or data == DATA_SETS[0], f"{data} has no {pattern}"
        return
    result = check(schema_file, *files)
    assert result.returncode == 0, result.stdout + result.stderr


BAD = [
    ("khen-thuong.schema.json", "- id: a\n  doi_tuong: b\n  hinh_thuc: bang_khen\n  trang_thai: da_tang\n  nmae: x\n"),
    ("khen-thuong.schema.json", "- id: a\n  doi_tuong: b\n  hinh_thuc: bang_khen_tinh\n  trang_thai: da_tang\n"),
    ("khen-thuong.schema.json", "- id: a\n  doi_tuong: b\n  hinh_thuc: bang_khen\n"),
    ("khen-thuong.schema.json", "- id: a\n  doi_tuong: b\n  hinh_thuc: bang_khen\n  trang_thai: da_tang\n  nam: 23\n"),
    ("khen-thuong.schema.json", "- id: A B\n  doi_tuong: b\n  hinh_thuc: bang_khen\n  trang_thai: da_tang\n"),
    ("khen-thuong.schema.json", "- id: a\n  doi_tuong: b\n  hinh_thuc: bang_khen\n  trang_thai: da_tang\n  phong_trao: x\n"),
    ("khen-thuong.schema.json", "- id: a\n  tong_hop: {loai_doi_tuong: ca_nhan, so_luong: -3}\n  trang_thai: de_nghi\n"),
    ("van-ban.schema.json", "- id: a\n  loai: ke_hoach\n  so_ky_hieu: 62/KH- UBND\n"),
    ("van-ban.schema.json", "- id: a\n  loai: ke_hoach\n  so_ky_hieu: 62/KH-UBND\n  ngay: 2024-2-3\n"),
    ("van-ban.schema.json", "- id: a\n  loai: ke_hoach\n  so_ky_hieu: 62/KH-UBND\n  lien_ket: javascript:alert(1)\n"),
    ("doi-tuong.schema.json", "- id: a\n  loai: tap_the\n  ten: \"<script>x</script>\"\n"),
    ("doi-tuong.schema.json", "- id: a\n  loai: tap_the\n  ten: [a, b]\n"),
    ("doi-tuong.schema.json", "id: a\nloai: tap_the\nten: X\n"),
    ("don-vi.schema.json", "ten: xã X\nten_trang: Y\nco_quan: a\ndia_danh: X\n"),
]


@pytest.mark.parametrize("schema_file, text", BAD, ids=[f"{s}-{i}" for i, (s, _) in enumerate(BAD)])
def test_bad_input_is_rejected(tmp_path, schema_file, text):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    result = check(schema_file, path)
    assert result.returncode == 1, result.stdout
