"""Writes the long input of this case into the temporary tree."""


def generate(root):
    head = ('---\n'
            'id: c-doan-dai\n'
            'loai: bao_cao\n'
            'so_ky_hieu: 21/BC-UBND\n'
            'ngay: 15/01/2024\n'
            'co_quan_ban_hanh: ubnd-xa\n'
            'trich_yeu: Báo cáo kiểm thử\n'
            'ky: {che_do: TM, thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn Hùng}\n'
            'noi_nhan: ["Lưu: VT."]\n'
            '---\n')
    body = "Mở đầu.\n\n" + "[" * 60_000 + "\n"  # legal for a report (300,000), but one paragraph
    path = root / "data" / "bao-cao" / "c-doan-dai.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + body, encoding="utf-8")
