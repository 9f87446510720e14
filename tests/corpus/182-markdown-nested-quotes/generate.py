"""Writes the long input of this case into the temporary tree (write_report: tests/corpuskit.py)."""


def generate(root):
    body = "Mở đầu.\n\n" + "> " * 1000 + "trích dẫn\n"
    write_report(root, "c-trich-dan", "22/BC-UBND", body)  # noqa: F821 (given by corpuskit)
