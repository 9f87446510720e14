"""Run real `mkdocs build --strict` of a data folder; used by the build tests."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The bundled ward as shipped, frozen for the tests: a commune that forks the repository and replaces
# data/ with its own (python -m bangvang.init) keeps every test green. REPO_DATA is whatever data/ holds.
SEED_DATA = REPO / "tests" / "fixtures" / "phuong-pho-minh" / "data"
REPO_DATA = REPO / "data"
FIXTURE_DATA = REPO / "tests" / "fixtures" / "xa-an-binh" / "data"
# A build that can be compared byte for byte with another: a fixed date, the Pages address.
FIXED_ENV = {"SOURCE_DATE_EPOCH": "1764288000", "BANGVANG_SITE_URL": "https://vidu.github.io/bang-vang/"}


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def page(self, url: str) -> str:
        """HTML of the page at site path `url` ('' for home, 'phong-trao/x/')."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def build_site(data: Path, site: Path, extra_env: dict | None = None, strict: bool = True) -> Build:
    """`mkdocs build --strict`; with strict=False, the same site built as if mkdocs.yml said `strict: false`
    (a build that goes on despite warnings: what must still hold then)."""
    env = {**os.environ, "BANGVANG_DATA": str(data), "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site)]
    command += ["--strict"] if strict else ["-f", str(_lax_config(site.parent))]
    proc = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


def digest(site: Path) -> dict[str, str]:
    """site path → sha256 of every file of a built site."""
    import hashlib

    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _lax_config(folder: Path) -> Path:
    """mkdocs.yml without `strict: true`, its relative paths made absolute (the copy lives in `folder`)."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    replacements = {"strict: true": "strict: false", "docs_dir: docs": f"docs_dir: {REPO / 'docs'}",
                    "custom_dir: overrides": f"custom_dir: {REPO / 'overrides'}",
                    "  - hooks/board.py": f"  - {REPO / 'hooks' / 'board.py'}"}
    for old, new in replacements.items():
        assert old in text, f"mkdocs.yml no longer has '{old}': update tests/sitebuild.py"
        text = text.replace(old, new)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs-lax.yml").write_text(text, encoding="utf-8")
    return folder / "mkdocs-lax.yml"


def visible_text(html: str) -> str:
    """The page's main content as plain text (tags dropped, entities decoded, spaces collapsed)."""
    import html as html_lib
    import re

    start = html.find('<article class="md-content__inner')
    body = html[start:] if start >= 0 else html
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    block = r"p|div|h[1-6]|li|td|th|tr|br|dt|dd|ul|ol|table|section|article|pre|details|summary|blockquote|nav"
    body = re.sub(rf"</?(?:{block})\b[^>]*>", " ", body)
    body = re.sub(r"<[^>]+>", "", body)
    return re.sub(r"\s+", " ", html_lib.unescape(body)).strip()
