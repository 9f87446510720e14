"""Writes the large input of this case into the temporary tree."""


def generate(root):
    import io
    from PIL import Image
    out = io.BytesIO()
    Image.new("1", (8000, 6000)).save(out, "PNG", optimize=True)
    path = root / "data" / "anh" / "le-van-anh.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())
