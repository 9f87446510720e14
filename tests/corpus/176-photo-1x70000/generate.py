"""Writes the photo of this case into the temporary tree."""


def generate(root):
    from PIL import Image
    path = root / "data" / "anh" / "le-van-anh.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("L", (1, 70000), 128).save(path, "PNG")  # a thumbnail would be 70000 × 160 times taller than JPEG allows
