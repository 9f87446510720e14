"""Writes the large input of this case into the temporary tree."""


def generate(root):
    # 2 MB + 1 byte of valid-looking records: the size cap, not the parser, must stop it.
    record = "- id: to-{n}\n  loai: tap_the\n  ten: Tổ dân phố số {n}\n"
    parts, size, n = [], 0, 0
    while size <= 2 * 1024 * 1024:
        chunk = record.format(n=n).encode()
        parts.append(chunk); size += len(chunk); n += 1
    (root / "data" / "doi-tuong" / "lon.yml").write_bytes(b"".join(parts))
