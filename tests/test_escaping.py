"""Names and stories containing HTML or script appear as text, never as markup."""

from __future__ import annotations

import shutil
from datetime import date

from bangvang.public import load_view
from bangvang.pages import Site

from sitebuild import FIXTURE_DATA, build_site

PAYLOADS = [
    "<script>alert('bv1')</script>",
    "<img src=x onerror=alert('bv2')>",
    "[bấm vào đây](javascript:alert('bv3'))",
    "![ảnh](https://example.com/theo-doi.png)",
    '"><svg onload=alert(\'bv4\')>',
]


def _hostile_tree(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    story = next((data / "dien-hinh").glob("*.md"))
    story.write_text(story.read_text(encoding="utf-8") + "\n\n" + "\n\n".join(PAYLOADS) + "\n", encoding="utf-8")
    movements = next((data / "phong-trao").glob("*.yml"))
    text = movements.read_text(encoding="utf-8")
    block = "\n".join("    " + p for p in PAYLOADS)
    movements.write_text(text.replace("- id:", f"- mo_ta: |\n{block}\n  id:", 1), encoding="utf-8")
    return data


def test_markdown_fields_render_payloads_as_text(tmp_path):
    build = build_site(_hostile_tree(tmp_path), tmp_path / "site")
    assert build.returncode == 0, build.output
    html = "\n".join(p.read_text(encoding="utf-8") for p in build.site.rglob("*.html"))
    assert "<script>alert(" not in html
    assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert", "")
    assert 'href="javascript:' not in html
    assert "<svg onload" not in html
    assert "https://example.com/theo-doi.png" not in html  # images never load from elsewhere
    assert "&lt;script&gt;alert(&#x27;bv1&#x27;)&lt;/script&gt;" in html or "&lt;script&gt;alert('bv1')&lt;/script&gt;" in html


def test_html_in_a_name_is_refused_with_position(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    people = next((data / "doi-tuong").glob("*.yml"))
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("ten: ", 'ten: "<b>Tên</b> "  # ', 1), encoding="utf-8")
    board, issues = load_view(data, today=date(2026, 11, 28))
    assert board is None
    codes = {(i.code, i.position.path) for i in issues.errors}
    assert ("chua-html", f"data/doi-tuong/{people.name}") in codes


def test_renderer_escapes_even_if_validation_were_bypassed():
    board, issues = load_view(FIXTURE_DATA, today=date(2026, 11, 28))
    assert board is not None, issues.report()
    person = next(r for r in board.of("doi_tuong") if r.visibility is None)
    person.name = "<b onclick=alert(1)>\"Tên\" & 'x'</b>"
    site = Site(board)
    html, _ = site.render_page(board.path(person)[:-1] + ".md")
    assert "<b onclick" not in html
    assert "&lt;b onclick=alert(1)&gt;&#34;Tên&#34; &amp; &#39;x&#39;&lt;/b&gt;" in html


def test_a_link_a_browser_would_take_off_site_is_text():
    # WHATWG URL parsing on an http(s) page: a backslash is a slash, so "/\host" is "//host".
    from bangvang.markdown_safe import SafeMarkdown

    md = SafeMarkdown()
    # (Markdown itself turns "\\\\" into one backslash: four in the source are two in the link.)
    for href in ("/\\evil.example/p", "\\\\\\\\evil.example/p", "\\/evil.example", "/\t/evil.example", "//evil.example"):
        html, _ = md.render(f"[x]({href})")
        assert "<a" not in html, (href, html)
    html, _ = md.render("[x](../van-ban/)")
    assert '<a href="../van-ban/">x</a>' in html, "a link within the site stays a link"
