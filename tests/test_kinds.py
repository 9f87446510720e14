"""Every kind of record (kinds.py) through every output: a new kind declared there is published everywhere.

One data folder holds a record of every kind; it is built for real, and for each kind the test finds
what its declaration promises: its folder read, its pages, its list and tab, its rows in the open
data, its pages in the search index, its ids in the list of published records, its section in the
data dictionary, its editor schema and its scaffold.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from bangvang import kinds, manifest, opendata
from bangvang.editor_schema import build_schemas
from bangvang.load import load
from bangvang.model import load_model
from bangvang.public import publish
from bangvang.render import relative

import indexkit
from datatree import TODAY_ISO, write_tree
from sitebuild import REPO, build_site

STORY = """\
---
id: nguoi-lam-duong
tieu_de: Người làm đường
doi_tuong: nguyen-van-an
dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}
---
Anh An cùng bà con làm đường.
"""
# A recognition without a story (a YAML list beside the stories), an event, and a press article.
RECOGNITION = """\
- id: to-dan-pho-2-dien-hinh
  doi_tuong: to-dan-pho-2
  linh_vuc: Xây dựng đời sống văn hóa
  su_kien: hoi-nghi-dien-hinh-2024
  nguon:
    - bai_viet: bao-tinh-2024-05-20
"""
EVENT = """\
- id: hoi-nghi-dien-hinh-2024
  loai: hoi_nghi_dien_hinh
  ten: Hội nghị biểu dương điển hình tiên tiến năm 2024
  ngay: 20/05/2024
  khen_thuong: [giay-khen-an-2023]
  dien_hinh: [to-dan-pho-2-dien-hinh]
  so_luong:
    - {loai_doi_tuong: tap_the_ca_nhan, so_luong: 25}
"""
ARTICLE = """\
- id: bao-tinh-2024-05-20
  loai: bao
  tieu_de: Biểu dương điển hình tiên tiến
  noi_dang: Báo tỉnh
  ngay: 20/05/2024
  lien_ket: https://bao.example.org/bieu-duong
"""
FORMER = "- id: xa-cu\n  ten: xã Cũ\n  loai: xa\n"
REMOVAL = "- id: giay-khen-cu\n  loai: khen_thuong\n  ngay: 05/03/2025\n  ly_do: Gỡ theo đề nghị của người được nêu tên.\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return write_tree(tmp_path_factory.mktemp("kinds"), {"dien-hinh/nguoi-lam-duong.md": STORY, "da-go.yml": REMOVAL,
                                                                "dien-hinh/cong-nhan.yml": RECOGNITION,
                                                                "su-kien/2024.yml": EVENT, "bai-viet/2024.yml": ARTICLE,
                                                                "don-vi-cu.yml": FORMER})


@pytest.fixture(scope="module")
def view(folder):
    from datetime import date

    model, issues = load_model(folder, today=date(*TODAY_ISO))
    assert model is not None, issues.report()
    return publish(model)


@pytest.fixture(scope="module")
def site(folder, tmp_path_factory):
    build = build_site(folder, tmp_path_factory.mktemp("kinds-site") / "site")
    assert build.returncode == 0, build.output
    return build


def test_the_folder_has_a_record_of_every_kind(view):
    missing = [kind.key for kind in kinds.KINDS if kind.layout != kinds.SINGLE and not view.of(kind.key)]
    assert missing == [] and view.unit is not None


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.key)
def test_its_files_are_read_as_its_kind(kind, folder):
    data, issues = load(folder)
    files = [rel for rel, key in data.files.items() if key == kind.key]
    assert files and all(kinds.for_file(tuple(rel.split("/")[1:])) is kind for rel in files), issues.report()


@pytest.mark.parametrize("kind", kinds.with_pages(), ids=lambda k: k.key)
def test_each_record_has_its_page_and_is_in_search(kind, view, site):
    lines = indexkit.lines(site.site)
    for record in view.listed(kind.key):
        path = view.path(record, kind.key)
        assert (site.site / path / "index.html").is_file(), path
        if kind.search_rank is not None:
            assert any(line[0] == path for line in lines), path


@pytest.mark.parametrize("kind", kinds.with_lists(), ids=lambda k: k.key)
def test_its_list_is_a_tab_and_links_every_record(kind, view, site):
    home = site.page("")
    tab = f'href="{kind.listing.path}" class="md-tabs__link'
    assert (tab in home) == (kind.listing.nav is not None)  # a list without a tab is linked from its pages
    listing = site.page(kind.listing.path)
    for record in view.listed(kind.key):
        target = f'href="{relative(view.path(record), kind.listing.path)}"' if kind.page else f'id="{record.id}"'
        assert target in listing, (kind.key, record.id)


@pytest.mark.parametrize("kind", kinds.with_tables(), ids=lambda k: k.key)
def test_its_records_are_open_data(kind, view, site):
    payload = json.loads((site.site / opendata.JSON_FILE).read_text(encoding="utf-8"))
    assert [item["id"] for item in payload[kind.key]] == [r.id for r in view.of(kind.key)]
    rows = list(csv.DictReader(io.StringIO((site.site / opendata.table_path(kind)).read_text(encoding="utf-8-sig"))))
    assert [row["id"] for row in rows] == [r.id for r in view.of(kind.key)]
    assert list(rows[0]) == opendata.columns(kind)


@pytest.mark.parametrize("kind", [k for k in kinds.KINDS if k.manifest], ids=lambda k: k.key)
def test_its_published_ids_are_tracked(kind, folder, tmp_path):
    copy = tmp_path / "data"
    subprocess.run(["cp", "-r", str(folder), str(copy)], check=True)
    total, lost = manifest.write_manifest(copy)
    assert lost == [] and total > 0
    written = (copy / manifest.MANIFEST).read_text(encoding="utf-8")
    section = written.split(f"\n{kind.ns}:", 1)[1].split("\n\n")[0]
    data, _ = load(copy)
    assert all(f"  - {record.id}" in section for record in data.of(kind.key))


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.key)
def test_its_fields_are_documented_and_checked_in_editors(kind, site):
    dictionary = site.page("huong-dan/du-lieu/")
    assert f'id="{kind.key.replace("_", "-")}"' in dictionary and kind.title in dictionary
    schema = build_schemas()[f"{kind.source.removesuffix('.yml')}.schema.json"]
    assert kind.where in schema["title"]


@pytest.mark.parametrize("kind", kinds.scaffolded(), ids=lambda k: k.key)
def test_it_can_be_scaffolded(kind):
    proc = subprocess.run([sys.executable, "-m", "bangvang.new", kind.source, "--help"], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "--id" in proc.stdout, proc.stderr


def test_the_registry_is_consistent():
    assert len({kind.key for kind in kinds.KINDS}) == len(kinds.KINDS)
    assert len({kind.source for kind in kinds.KINDS}) == len(kinds.KINDS)
    assert len({kind.listing.path for kind in kinds.with_lists()}) == len(kinds.with_lists())
    for kind in kinds.KINDS:
        assert kind.cls.KIND == kind.key
        assert all(key in kinds.BY_KEY for key in kind.lists)
        assert kind.layout in (kinds.SINGLE, kinds.LIST, kinds.MARKDOWN)
