"""Writes the large input of this case into the temporary tree."""


def generate(root):
    body = "Chị Lan cùng bà con làm đường thôn. " * 30000
    text = ("---\nid: dai\ntieu_de: Câu chuyện rất dài\ndoi_tuong: tran-thi-lan\n"
            "dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}\n---\n" + body + "\n")
    path = root / "data" / "dien-hinh" / "dai.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
