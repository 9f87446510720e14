import unicodedata


def generate(root):
    """Two names that are one on macOS and Windows: 'thôn-9' in NFC and in NFD (git keeps both)."""
    for form, n in (("NFC", 9), ("NFD", 10)):
        name = unicodedata.normalize(form, "thôn-9.yml")
        (root / "data" / "doi-tuong" / name).write_text(f"- id: thon-{n}\n  loai: tap_the\n  ten: Thôn {n}\n", encoding="utf-8")
