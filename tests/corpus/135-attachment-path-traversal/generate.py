"""Writes the large input of this case into the temporary tree."""


def generate(base):
    # A checkout's .git/config beside data/ (git cannot store a .git folder inside the corpus).
    (base / ".git").mkdir(exist_ok=True)
    (base / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: basic dGVzdA==\n")
