"""Writes the two files of this case into the temporary tree (in the repository they would be one
file on Windows and macOS, and a clone there would break)."""


def generate(root):
    folder = root / "data" / "doi-tuong"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tinh.yml").write_text("- id: thon-7\n  loai: tap_the\n  ten: Thôn 7\n", encoding="utf-8")
    (folder / "Tinh.yml").write_text("- id: thon-8\n  loai: tap_the\n  ten: Thôn 8\n", encoding="utf-8")
