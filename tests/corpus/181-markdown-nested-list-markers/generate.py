"""Writes the long input of this case into the temporary tree."""


def generate(root):
    # 1,000 nested list markers: Python-Markdown parses each level by recursion (RecursionError).
    text = ("- id: c-long\n  ten: Phong trào lồng nhau\n  mo_ta: |\n    Mở đầu.\n\n    " + "- " * 1000 + "mục\n")
    path = root / "data" / "phong-trao" / "long.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
