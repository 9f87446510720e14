"""Writes the large input of this case into the temporary tree."""


def generate(root):
    path = root / "data" / "anh" / "le-van-anh.jpg"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        f.write(b"\xff\xd8\xff\xe0")
        f.truncate(8 * 1024 * 1024 + 1)
