"""Privacy by design, proven on the built site: withdrawn people vanish, no personal data anywhere."""

from __future__ import annotations

import json
import re

import pytest

from bangvang.personal_data import find_personal_data

import indexkit
from sitebuild import FIXTURE_DATA, SEED_DATA, build_site

OUTPUT_KINDS = (".html", ".json", ".csv", ".xml", ".txt")


@pytest.fixture(scope="module", params=[SEED_DATA, FIXTURE_DATA], ids=["seed", "second-commune"])
def site(request, tmp_path_factory):
    build = build_site(request.param, tmp_path_factory.mktemp("privacy") / "site",
                       {"BANGVANG_SITE_URL": "https://vidu.github.io/bang-vang/"})
    assert build.returncode == 0, build.output
    return build


# Pages written by the project, not from data/: they explain what is refused, with examples.
DOCUMENTATION = ("huong-dan/", "gioi-thieu/du-lieu-ca-nhan/")


def _outputs(site):
    return [p for p in site.site.rglob("*") if p.suffix in OUTPUT_KINDS]


def _data_text(site, path) -> str:
    """The text of an output that comes from data/ (documentation pages and their index entries left out)."""
    rel = path.relative_to(site.site).as_posix()
    if rel.startswith(DOCUMENTATION):
        return ""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".html":  # icons' drawing paths and the theme's scripts are numbers, not data
        text = re.sub(r"<(svg|script|style)\b.*?</\1>", " ", text, flags=re.S)
    if indexkit.LINES.fullmatch(rel):  # result lines of the search index
        return "\n".join(f"{title} {text}" for location, title, text in json.loads(text)
                         if not location.startswith(DOCUMENTATION))
    return text


def test_no_personal_data_pattern_in_any_output(site):
    files = _outputs(site)
    assert any(indexkit.LINES.search(p.as_posix()) for p in files) \
        and any(p.name == "sitemap.xml" for p in files)
    hits = []
    for path in files:
        text = _data_text(site, path)
        for start, end, form in find_personal_data(text):
            hits.append((path.relative_to(site.site).as_posix(), form.id, text[start:end]))
    print(f"PII scan: {len(files)} files, {len(hits)} hits")
    assert hits == []


@pytest.fixture(scope="module")
def commune(tmp_path_factory):
    """The second commune: it has a person who withdrew and one shown by initials."""
    build = build_site(FIXTURE_DATA, tmp_path_factory.mktemp("withdrawn") / "site")
    assert build.returncode == 0, build.output
    return build


def test_a_withdrawn_person_is_nowhere(commune):
    site = commune
    traces = ["Khoa", "tran-van-khoa", "Trưởng thôn Tân Lập hoàn thành", "le-thi-thu-ha", "Thu Hà"]
    for path in _outputs(site):
        text = path.read_text(encoding="utf-8-sig")
        for trace in traces:
            assert trace not in text, (trace, path)
    # ...while their award is still counted: the statistics count every award of 2024 in the data.
    written = sum(text.count("  nam: 2024") for text in
                  (p.read_text(encoding="utf-8") for p in (FIXTURE_DATA / "khen-thuong").glob("*.yml")))
    assert "1 cá nhân (đã rút thông tin theo đề nghị)" in site.page("khen-thuong/")
    assert re.search(rf'<th scope="row">2024</th>\s*<td>{written}</td>', site.page("thong-ke/"))
