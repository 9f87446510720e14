"""Writes the long input of this case into the temporary tree."""


def generate(root):
    # Each `[` made Python-Markdown read the rest of the paragraph: 20,000 of them took 95 s to build.
    text = ("---\nid: c-ngoac\ntieu_de: Chuyện nhiều dấu ngoặc\ndoi_tuong: tran-thi-lan\n"
            "dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}\n---\nMở đầu " + "[" * 19_900 + " kết thúc.\n")
    path = root / "data" / "dien-hinh" / "c-ngoac.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
