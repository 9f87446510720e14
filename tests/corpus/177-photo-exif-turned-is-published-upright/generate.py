"""Writes the photo of this case into the temporary tree."""


def generate(root):
    from PIL import Image
    path = root / "data" / "anh" / "c-anh-xoay.jpg"
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # stored lying down, shown turned a quarter: 300 wide, 600 high
    Image.new("RGB", (600, 300), (30, 90, 160)).save(path, "JPEG", exif=exif)
