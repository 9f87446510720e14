"""Writes the photo of this case into the temporary tree."""


def generate(root):
    import io
    from PIL import Image
    out = io.BytesIO()
    Image.radial_gradient("L").resize((800, 600)).convert("RGB").save(out, "JPEG", quality=90)
    data = out.getvalue()
    path = root / "data" / "anh" / "le-van-anh.jpg"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data[: len(data) // 2])  # an upload cut short: the header is whole, the picture is not
