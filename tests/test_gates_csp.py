"""Gate: a Content-Security-Policy in a <meta http-equiv> placed first in <head> of every page of both
sites (src/bangvang/csp.py, wired by on_post_page/on_post_template). Here the static half: place,
directives, hashes equal to the page's own inline scripts. The browser half (no violation while
searching and filtering, and the policy really enforced) is tests/browser/test_gates_browser.py.
"""

from __future__ import annotations

import re

import pytest

from bangvang.csp import add_policy, inline_scripts, read_policy, sha256_source

from gatekit import SITES, built, html_pages

# script-src, style-src and the rest fall back to default-src: a page with no inline script or style
# (every page today) needs no other directive.
EXPECTED = {"default-src": ["'self'"], "img-src": ["'self'", "data:"], "object-src": ["'none'"],
            "base-uri": ["'self'"], "form-action": ["'none'"]}


@pytest.mark.parametrize("name,site_url", [(n, None) for n in SITES] + [("bundled", "")],
                         ids=list(SITES) + ["bundled-without-address"])
def test_every_page_has_its_policy_first_in_head(name, site_url):
    site = built(name) if site_url is None else built(name, site_url=site_url)
    pages = html_pages(site)
    hashes: set[str] = set()
    for page in pages:
        html = (site / page).read_text(encoding="utf-8")
        head = re.search(r"<head>\s*(<[^>]+>)", html)
        assert head and head.group(1).startswith('<meta http-equiv="Content-Security-Policy"'), page
        assert html.count("Content-Security-Policy") == 1, page
        # the charset declaration must still be within the first 1024 bytes (HTML: encoding sniffing)
        assert html.encode("utf-8").find(b'<meta charset="utf-8">') + 22 <= 1024, page
        policy = read_policy(html)
        script_hashes = [h for h in policy.get("script-src", []) if h.startswith("'sha256-")]
        assert {k: [v for v in vs if not v.startswith("'sha256-")] for k, vs in policy.items()} == EXPECTED, page
        assert "style-src" not in policy, page  # no inline style anywhere: no style hash needed
        inline = [sha256_source(m.group(2)) for m in inline_scripts(html)]
        assert sorted(set(inline)) == sorted(script_hashes), page
        # Material's one inline script is a file now (overrides/partials/javascripts/base.html): a page
        # hashes nothing, and a script that appears inline is either hashed above or fails here.
        assert inline == [], page
        for word in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:"):
            assert word not in html[:html.find(">", html.find("Content-Security-Policy"))].split('content="', 1)[1].split(), page
        hashes.update(script_hashes)
    print(f"CSP ({name}{'' if site_url is None else ', built without address'}): {len(pages)} pages, "
          f"policy first in <head> on each; distinct inline-script hashes {len(hashes)}; no style-src (default-src 'self') "
          f"(no inline <style> or style attribute in the output)")


def test_a_script_in_the_page_content_is_never_hashed():
    content = '<p>x</p><script>alert(1)</script>'
    page = ("<!doctype html><html><head><meta charset=\"utf-8\"><script>var theme=1</script></head>"
            f"<body><article>{content}</article></body></html>")
    out, problems = add_policy(page, content)
    policy = read_policy(out)
    assert sha256_source("var theme=1") in policy["script-src"]
    assert sha256_source("alert(1)") not in policy["script-src"]
    assert problems and "inline <script> in the page content" in problems[0]


def test_data_blocks_are_not_hashed_and_styles_would_be():
    page = ('<html><head><script id="__config" type="application/json">{"a": 1}</script>'
            '<script type="module">m()</script><style>p{}</style></head><body><p style="color:red">x</p></body></html>')
    policy = read_policy(add_policy(page)[0])
    assert policy["script-src"] == ["'self'", sha256_source("m()")]
    assert policy["style-src"] == ["'self'", sha256_source("p{}"), "'unsafe-hashes'", sha256_source("color:red")]


def test_style_found_whatever_the_case_and_spacing():
    # the policy looks for the words first (cheap searches), then scans: same result
    page = ('<html><head><STYLE>b{}</STYLE></head><body><p class="style" data-style="x"\n\tstyle\n=\n"color:blue">x'
            '</p><p>style = text</p></body></html>')
    policy = read_policy(add_policy(page)[0])
    assert policy["style-src"] == ["'self'", sha256_source("b{}"), "'unsafe-hashes'", sha256_source("color:blue")]
    plain = read_policy(add_policy('<html><head><link rel="stylesheet" href="a.css"></head><body></body></html>')[0])
    assert "style-src" not in plain and plain["default-src"] == ["'self'"]  # falls back: 'self' only
