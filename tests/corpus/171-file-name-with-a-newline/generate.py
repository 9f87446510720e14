def generate(root):
    """A newline in a file name could start a workflow command (::error) in the GitHub report."""
    (root / "data" / "doi-tuong" / "a\n::warning file=x::b.yml").write_text("- id: thon-9\n  loai: tap_the\n  ten: Thôn 9\n",
                                                                  encoding="utf-8")
