"""Writes the long input of this case into the temporary tree (write_report: tests/corpuskit.py)."""


def generate(root):
    body = "\n\n".join(f"Đoạn {n}: " + "[" * 10_000 + "(" * 2_000 for n in range(1, 6)) + "\n"
    write_report(root, "c-ngoac-bc", "20/BC-UBND", body)  # noqa: F821 (given by corpuskit)
