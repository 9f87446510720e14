"""A minimal, valid data/ tree that tests copy and then break one file at a time.

`write_tree(tmp_path, {"van-ban/2021.yml": "...", "khen-thuong/2023.yml": None})`
writes the tree under `tmp_path / "data"`; a value replaces (or adds) a file,
`None` removes it. Keys may carry the `data/` prefix of issue paths. Values may be `str` (written as UTF-8) or `bytes` (as is).

Every issue path is relative to the parent of the data folder, e.g.
`data/van-ban/2021.yml`, exactly as `bangvang.load` reports it.
"""

from __future__ import annotations

from pathlib import Path

# The day the tests pretend it is; dates after it are "in the future".
TODAY_ISO = (2026, 11, 28)

DON_VI = """\
ten: phường Phổ Minh
ten_trang: Bảng vàng phường Phổ Minh
co_quan: ubnd-phuong
dia_danh: Phổ Minh
thoi_ky:
  - ten: xã Phổ Minh
    loai: xa
    den_ngay: 31/01/2020
  - ten: phường Phổ Minh
    loai: phuong
    tu_ngay: 01/02/2020
"""

CO_QUAN = """\
- id: ubnd-phuong
  ten: Ủy ban nhân dân phường Phổ Minh
  ten_viet_tat: UBND phường Phổ Minh
  cap: xa
  tu_ngay: 01/02/2020
- id: ubnd-tinh
  ten: Ủy ban nhân dân tỉnh Quảng Ngãi
  cap: tinh
"""

VAN_BAN = """\
- id: 62-kh-ubnd-2021
  loai: ke_hoach
  so_ky_hieu: 62/KH-UBND
  ngay: 20/12/2021
  co_quan_ban_hanh: ubnd-phuong
  trich_yeu: Thực hiện phong trào thi đua năm 2022
"""

PHONG_TRAO = """\
- id: cai-cach-hanh-chinh
  ten: Thi đua cải cách hành chính
  ke_hoach:
    - 62-kh-ubnd-2021
"""

DOI_TUONG = """\
- id: nguyen-van-an
  loai: ca_nhan
  ho: Nguyễn
  ten_dem: Văn
  ten: An
- id: to-dan-pho-2
  loai: tap_the
  ten: Tổ dân phố 2
"""

KHEN_THUONG = """\
- id: giay-khen-an-2023
  doi_tuong: nguyen-van-an
  hinh_thuc: giay_khen
  co_quan_khen: ubnd-phuong
  nam: 2023
  trang_thai: da_tang
  phong_trao:
    - cai-cach-hanh-chinh
"""

BAO_CAO = """\
---
id: 31-bc-ubnd-2024
loai: bao_cao
so_ky_hieu: 31/BC-UBND
ngay: 15/02/2024
co_quan_ban_hanh: ubnd-phuong
trich_yeu: Tổng kết công tác thi đua năm 2023
ky:
  che_do: TM
  thay_mat: ỦY BAN NHÂN DÂN
  chuc_vu: CHỦ TỊCH
  ho_ten: Nguyễn Văn Bình
noi_nhan:
  - UBND thị xã Đức Phổ;
  - Lưu VT.
---
Năm 2023, phong trào thi đua được triển khai rộng khắp.
"""

BASE_FILES: dict[str, str] = {
    "don-vi.yml": DON_VI,
    "co-quan.yml": CO_QUAN,
    "van-ban/2021.yml": VAN_BAN,
    "phong-trao/phong-trao.yml": PHONG_TRAO,
    "doi-tuong/doi-tuong.yml": DOI_TUONG,
    "khen-thuong/2023.yml": KHEN_THUONG,
    "bao-cao/31-bc-ubnd-2024.md": BAO_CAO,
}


def write_tree(base: Path, changes: dict[str, str | bytes | None] | None = None) -> Path:
    """Write the minimal valid tree into `base/data`, apply `changes`, return the data folder."""
    root = base / "data"
    files: dict[str, str | bytes | None] = dict(BASE_FILES)
    for rel, content in (changes or {}).items():
        files[rel.removeprefix("data/")] = content
    write_files(root, {rel.removeprefix("data/"): content for rel, content in files.items() if content is not None})
    return root


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write each file under `root` (text as UTF-8 with LF line ends); return `root`."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
    return root
