"""Writes the photo of this case into the temporary tree."""


def generate(root):
    from PIL import Image
    path = root / "data" / "anh" / "le-van-anh.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (400, 1), (200, 30, 30)).save(path, "PNG")
