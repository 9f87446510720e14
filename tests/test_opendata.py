"""Open data round-trips: every record and field of data/ is in the JSON; CSVs open in Excel; feed; sitemap."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from bangvang import kinds
from bangvang.parts import Original, Photo
from bangvang.public import initials as initials_of
from bangvang.public import neutral_id
from bangvang.schema import field_specs

from sitebuild import FIXTURE_DATA, SEED_DATA, build_site

KIND_OF_FOLDER = {"van-ban": "van_ban", "phong-trao": "phong_trao", "doi-tuong": "doi_tuong",
                  "khen-thuong": "khen_thuong"}


def _raw_records(data: Path):
    """Records as the files say, read independently of the package (every scalar a string)."""
    for folder, kind in KIND_OF_FOLDER.items():
        for path in sorted((data / folder).glob("*.yml")):
            for item in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader):
                yield kind, item
    for item in yaml.load((data / "co-quan.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader):
        yield "co_quan", item
    for folder, kind in (("bao-cao", "bao_cao"), ("dien-hinh", "dien_hinh")):
        for path in sorted((data / folder).glob("*.md")):
            front = re.split(r"^---[ \t]*$", path.read_text(encoding="utf-8"), maxsplit=2, flags=re.M)[1]
            yield kind, yaml.load(front, Loader=yaml.BaseLoader)


def _without_unpublished(value):
    if isinstance(value, dict):
        return {k: _without_unpublished(v) for k, v in value.items() if k not in NOT_PUBLISHED}
    return value


def _norm(value):
    """What a written value becomes in open data: NFC text, ISO dates, numbers for years and counts."""
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_norm(v) for v in value]
    value = unicodedata.normalize("NFC", value)
    parts = value.split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
        return f"{parts[2]}-{int(parts[1]):02d}-{int(parts[0]):02d}"
    if len(parts) == 2 and all(p.isdigit() for p in parts) and len(parts[1]) == 4:
        return f"{parts[1]}-{int(parts[0]):02d}"
    if value.isdigit() and len(value) <= 4 and (value == "0" or not value.startswith("0")):
        return int(value)
    if value in ("true", "false"):
        return value == "true"
    return value


@pytest.fixture(scope="module", params=[SEED_DATA, FIXTURE_DATA], ids=["seed", "second-commune"])
def built(request, tmp_path_factory):
    build = build_site(request.param, tmp_path_factory.mktemp("open") / "site",
                       {"BANGVANG_SITE_URL": "https://vidu.github.io/bang-vang/"})
    assert build.returncode == 0, build.output
    return request.param, build


# Kept in data/, never on the site (publish=False in the schema): consent records, who reviewed a scan and when.
NOT_PUBLISHED = {s.key for cls in (Photo, Original) for s in field_specs(cls) if not s.publish}
AWARDS = kinds.BY_KEY["khen_thuong"]
# What an award of a person who withdrew leaves out (kinds.py declares it: its 'private' fields).
ANONYMOUS_DROP = {s.key for s in field_specs(AWARDS.cls) if s.attr in AWARDS.private}
NAMES = {s.key for s in field_specs(AWARDS.cls) if s.attr in AWARDS.names}  # the name as printed


def _published_view(kind, raw, privacy):
    """(id in open data, fields expected there) after the privacy rules the data itself declares."""
    hidden, initials = privacy
    raw = {k: v for k, v in raw.items() if k not in NOT_PUBLISHED}
    if isinstance(raw.get("anh"), dict):
        raw["anh"] = {k: v for k, v in raw["anh"].items() if k not in NOT_PUBLISHED}
    if kind == "doi_tuong" and raw["id"] in initials:  # named by initials, and no photo
        kept = {k: v for k, v in raw.items() if k != "anh"}
        kept.update({k: initials_of(raw[k]) for k in ("ten_dem", "ten") if k in raw})
        return neutral_id(raw["id"]), kept
    if kind == "khen_thuong" and raw.get("doi_tuong") in hidden | initials:
        person = raw["doi_tuong"]
        dropped = ANONYMOUS_DROP if person in hidden else NAMES
        kept = {k: v for k, v in raw.items() if k != "id" and k not in dropped}
        if person in initials:
            kept["doi_tuong"] = neutral_id(person)
        return neutral_id(raw["id"]), kept
    return raw["id"], raw


def test_every_record_and_field_is_in_the_json(built):
    data, build = built
    text = (build.site / "du-lieu" / "bang-vang.json").read_text(encoding="utf-8")
    published = json.loads(text)
    raws = list(_raw_records(data))
    hidden = {r["id"] for k, r in raws if k == "doi_tuong" and r.get("hien_thi") == "an"}
    initials = {r["id"] for k, r in raws if k == "doi_tuong" and r.get("hien_thi") == "viet_tat"}
    records = fields = withdrawn = 0
    for kind, raw in raws:
        if kind == "doi_tuong" and raw["id"] in hidden:
            assert raw["id"] not in text and raw["ten"] not in text  # gone, by the person's request
            withdrawn += 1
            continue
        public, expected_fields = _published_view(kind, raw, (hidden, initials))
        match = [item for item in published[kind] if item["id"] == public]
        assert len(match) == 1, (kind, raw["id"])
        for key in NOT_PUBLISHED:
            assert key not in match[0] and key not in match[0].get("anh", {}) and key not in match[0].get("ban_goc", {})
        for key, value in expected_fields.items():
            if key == "id":
                continue
            expected = _norm(_without_unpublished(value))
            got = match[0].get(key)
            if isinstance(expected, int) and isinstance(got, str):
                expected = str(expected)  # e.g. a count written as text stays text
            assert got == expected, (kind, raw["id"], key, got, expected)
            fields += 1
        records += 1
    assert records > 20 and fields > 100
    print(f"open data round-trip: records {records}/{records} (+{withdrawn} withdrawn, absent as required), "
          f"fields {fields}/{fields}")


def test_records_with_pages_link_them(built):
    _, build = built
    published = json.loads((build.site / "du-lieu" / "bang-vang.json").read_text(encoding="utf-8"))
    for kind in ("van_ban", "bao_cao", "phong_trao", "doi_tuong", "khen_thuong", "dien_hinh"):
        for item in published[kind]:
            url = item["trang"]
            assert url.startswith("https://vidu.github.io/bang-vang/")
            path = url.removeprefix("https://vidu.github.io/bang-vang/").split("#")[0]
            assert (build.site / path / "index.html").is_file(), url


def test_csv_files_open_in_excel_with_vietnamese(built):
    _, build = built
    for path in (build.site / "du-lieu").glob("*.csv"):
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), path
        reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
        assert reader.fieldnames[0] == "id" and reader.fieldnames[-1] == "trang"
        assert all(row["id"] for row in reader)
    movements = (build.site / "du-lieu" / "phong-trao.csv").read_bytes().decode("utf-8-sig")
    assert "thi đua" in movements.lower()


def test_feed_is_valid_atom_with_absolute_links(built):
    _, build = built
    root = ET.parse(build.site / "tin-moi.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert entries
    for entry in entries:
        link = entry.find("a:link", ns).get("href")
        assert link.startswith("https://vidu.github.io/bang-vang/")
        assert entry.find("a:updated", ns).text.endswith("T00:00:00Z")
    home = (build.site / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in home


def test_sitemap_lists_every_page_with_its_full_address(built):
    _, build = built
    root = ET.parse(build.site / "sitemap.xml").getroot()
    locs = {el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {p.parent.relative_to(build.site).as_posix() for p in build.site.rglob("index.html")}
    assert all(loc.startswith("https://vidu.github.io/bang-vang/") for loc in locs)
    expected = {"https://vidu.github.io/bang-vang/" + ("" if p == "." else p + "/") for p in pages}
    assert expected <= locs


def test_empty_sitemap_without_the_site_address(tmp_path):
    build = build_site(SEED_DATA, tmp_path / "site")  # the seed does not know its address
    assert build.returncode == 0, build.output
    root = ET.parse(build.site / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset" and len(root) == 0


def test_open_graph_tags(built):
    _, build = built
    html = next(build.site.glob("phong-trao/*/index.html")).read_text(encoding="utf-8")
    assert '<meta property="og:title"' in html
    assert '<meta property="og:description"' in html
    assert '<meta property="og:url" content="https://vidu.github.io/bang-vang/phong-trao/' in html
