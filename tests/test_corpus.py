"""The bad-input corpus (tests/corpus/): one folder per input, one exact outcome each.

Every case is a folder `tests/corpus/<NNN-short-name>/` holding the files that replace or add to the
minimal valid data folder `bangvang.codes.SAMPLE` (bytes as they would be committed), an optional
`generate.py` that writes large inputs at test time, and `expected.yml`: EITHER the exact errors and
warnings (code, path, line, column) OR, for a legal input, the pages of the built site and what they
must (not) show. tests/corpus/README.md describes that format and numbers the 46 kinds of bad input
that a case's `rows:` refer to; reading, loading and building the cases is in corpuskit.py.

Besides one test per case, the corpus as a whole must have no crash (any exception while loading
or building), no silent acceptance (an input expected to be refused that loads without an issue)
and must cover every row of the table in tests/corpus/README.md. Renders cases are built with the
real `mkdocs build --strict`, several cases per build when their files do not clash and their union
still loads cleanly.
"""

from __future__ import annotations

import re

import pytest

from corpuskit import CASES, ROWS, Case, Runner, check_load, check_renders


@pytest.fixture(scope="session")
def runner(tmp_path_factory) -> Runner:
    return Runner(tmp_path_factory.mktemp("corpus"))


def _param(case: Case):
    marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
    return pytest.param(case, id=case.name, marks=marks)


# ---------------------------------------------------------------------------
# Tests

@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(runner, case):
    problems = check_renders(runner, case) if case.renders is not None else check_load(runner, case)
    assert not problems, f"{case.name}: {case.about}\n" + "\n".join(problems)


def test_corpus_covers_every_row_of_the_table():
    covered = {row for case in CASES for row in case.rows}
    assert set(ROWS) - covered == set(), \
        f"rows of the table in tests/corpus/README.md without a case: {sorted(set(ROWS) - covered)}"
    assert len(CASES) >= 60


def test_corpus_folders_are_well_formed():
    names = [c.name for c in CASES]
    assert all(re.fullmatch(r"\d{3}-[a-z0-9]+(?:-[a-z0-9]+)*", n) for n in names), names
    assert len({n[:3] for n in names}) == len(names), "case numbers are unique"
    for case in CASES:
        assert case.files or case.generated or case.remove, f"{case.name}: no input"
        outside = [f for f in case.files if not f.startswith("data/")]
        assert not outside or case.symlinks, f"{case.name}: files outside data/ are only symlink targets: {outside}"
        if case.errors is not None:
            for _, path, line, column in case.errors + case.warnings:
                assert path.startswith("data/") and line >= 1 and column >= 1, f"{case.name}: {path}:{line}:{column}"


def test_corpus_summary(runner, capsys):
    """Over the whole corpus: nothing crashed, nothing expected to be refused was silently accepted."""
    tried = rejected = accepted = silent = crashed = wrong = 0
    known: list[str] = []
    for case in CASES:
        tried += 1
        loaded = runner.load(case)
        if case.renders is not None:
            problems = check_renders(runner, case)
        else:
            problems = check_load(runner, case)
        is_crash = loaded.crash is not None or (case.renders is not None and problems
                                                and problems[0].startswith("mkdocs build") and "Traceback" in problems[0])
        is_silent = case.expects_refusal and not loaded.crash and not loaded.errors and not loaded.warnings
        if case.xfail:
            known.append(f"{case.name}{' (silently accepted)' if is_silent else ''}{' (crash)' if is_crash else ''}")
            continue
        if is_crash:
            crashed += 1
        elif is_silent:
            silent += 1
        elif problems:
            wrong += 1
        elif case.expects_refusal:
            rejected += 1
        else:
            accepted += 1
    line = (f"corpus: tried {tried}, rejected with the exact expected error {rejected}, "
            f"accepted-as-expected {accepted}, silently accepted {silent}, crashed {crashed}")
    with capsys.disabled():
        print(f"\n{line}")
        print(f"corpus: other mismatches {wrong}; known src bugs and pending checks (strict xfail) {len(known)}: "
              + ", ".join(known))
    assert crashed == 0 and silent == 0 and wrong == 0, line
