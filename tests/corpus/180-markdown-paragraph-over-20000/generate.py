"""Writes the long input of this case into the temporary tree (write_report: tests/corpuskit.py)."""


def generate(root):
    body = "Mở đầu.\n\n" + "[" * 60_000 + "\n"  # legal for a report (300,000), but one paragraph
    write_report(root, "c-doan-dai", "21/BC-UBND", body)  # noqa: F821 (given by corpuskit)
