"""Writes the large input of this case into the temporary tree."""


def generate(root):
    lines = []
    for n in range(20000):
        lines.append(f"- id: to-{n}\n  loai: tap_the\n  ten: Tổ dân phố số {n} xã Tân Thành\n")
    text = "".join(lines).encode()
    assert 1_000_000 < len(text) < 2 * 1024 * 1024
    (root / "data" / "doi-tuong" / "nhieu.yml").write_bytes(text)
