import os


def generate(root):
    """A named pipe where a data file should be: reading it would wait forever."""
    os.mkfifo(root / "data" / "doi-tuong" / "treo.yml")
