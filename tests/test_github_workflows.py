"""The GitHub workflows (.github/workflows/): triggers, permissions, pinned actions, ci.yml, pages.yml.

Structural rules are read from the parsed YAML (helpers in githubkit.py), then the workflows are audited
by zizmor --offline (pinned in requirements-dev.txt). zizmor is also shown a known-bad workflow, so a
tool that silently accepts everything fails here. The other files of .github/ are checked in
test_github_repository.py.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from githubkit import (GITHUB, ROOT, WORKFLOWS, is_write, jobs_using, load, run_tool, step_using, steps,
                       steps_running, trigger_config, triggers, workflow)

SHA_PIN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+\.\d+\.\d+\b")
FORBIDDEN_TRIGGERS = {"pull_request_target", "workflow_run"}
DEPLOY_PERMISSIONS = {"pages": "write", "id-token": "write"}


# --- every workflow -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_dangerous_triggers(path):
    found = triggers(load(path)) & FORBIDDEN_TRIGGERS
    assert not found, f"{path.name}: {found} runs fork code with a write token and secrets"
    code = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.lstrip().startswith("#")]
    assert not re.search(r"\b(pull_request_target|workflow_run)\b", "\n".join(code))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_top_level_permissions_empty_or_read_only(path):
    wf = load(path)
    assert "permissions" in wf, f"{path.name}: no top-level permissions (the repository default applies)"
    perms = wf["permissions"]
    if isinstance(perms, str):
        assert perms == "read-all", perms
    else:
        assert all(v in ("read", "none") for v in (perms or {}).values()), perms


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_only_the_pages_deploy_job_can_write(path):
    wf = load(path)
    for name, job in wf["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} does not say its permissions"
        if step_using(job, "actions/deploy-pages"):
            assert job["permissions"] == DEPLOY_PERMISSIONS, (name, job["permissions"])
        else:
            assert not is_write(job["permissions"]), (path.name, name, job["permissions"])
            assert job["permissions"].get("contents") in (None, "read"), (name, job["permissions"])


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha(path):
    wf = load(path)
    refs = [job["uses"] for job in wf["jobs"].values() if "uses" in job]
    refs += [s["uses"] for job in wf["jobs"].values() for s in steps(job) if "uses" in s]
    assert refs, f"{path.name} uses no action at all?"
    for ref in refs:
        if ref.startswith("./"):
            continue  # an action of this repository: same commit as the workflow
        assert SHA_PIN.match(ref), f"{path.name}: `{ref}` is not pinned to a 40-hex commit SHA"
    # The human-readable version sits next to every SHA (Dependabot updates both).
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^\s*(-\s+)?uses:", line):
            assert VERSION_COMMENT.search(line), f"{path.name}: no `# vX.Y.Z` comment on: {line.strip()}"


def test_same_action_same_sha_everywhere():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for s in steps(job):
                if "uses" in s and "@" in s["uses"]:
                    name, sha = s["uses"].split("@", 1)
                    pins.setdefault(name, set()).add(sha)
    assert "actions/checkout" in pins
    mixed = {name: shas for name, shas in pins.items() if len(shas) > 1}
    assert not mixed, mixed


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_keeps_no_credentials(path):
    wf = load(path)
    checkouts = [s for job in wf["jobs"].values() for _, s in step_using(job, "actions/checkout")]
    for s in checkouts:
        assert (s.get("with") or {}).get("persist-credentials") is False, f"{path.name}: {s}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_has_a_timeout_and_no_setup_cache(path):
    for name, job in load(path)["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int) and job["timeout-minutes"] <= 60, name
        for _, s in step_using(job, "actions/setup-python"):
            # No dependency cache: a poisoned cache could reach the published site.
            assert "cache" not in (s.get("with") or {}), s
            assert str((s.get("with") or {}).get("python-version")) == "3.11", s


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_mkdocs_builds_are_strict_into_a_fresh_folder(path):
    wf = load(path)
    builds = [s for job in wf["jobs"].values() for _, s in steps_running(job, r"\bmkdocs build\b")]
    assert builds, f"{path.name} builds nothing"
    for s in builds:
        run = s["run"]
        assert "--strict" in run and re.search(r"\s-d\s", run), run
        assert not re.search(r"mkdocs build[^\n]*\s(-v|--verbose)\b", run), run
        folder = re.search(r"\s-d\s+(\S+)", run).group(1)
        assert f"rm -rf {folder}" in run, f"the build folder {folder} is not emptied first"
        assert s.get("env", {}).get("NO_MKDOCS_2_WARNING") == "1", s


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_setup_installs_with_hashes_and_runs_the_tests(path):
    wf = load(path)
    for name, job in wf["jobs"].items():
        if not step_using(job, "actions/checkout"):
            continue
        runs = "\n".join(str(s.get("run", "")) for s in steps(job))
        assert "--require-hashes -r requirements-dev.txt" in runs, name
        assert "--no-deps --no-build-isolation -e ." in runs, name
        tests = steps_running(job, r"python -m pytest")
        assert tests and tests[0][1].get("env", {}).get("NO_MKDOCS_2_WARNING") == "1", name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_jobs_that_run_the_tests_install_the_second_engine(path):
    """tests/test_engines_agree.py fails under CI without .venv-properdocs: every job that runs the tests
    makes it, from the pinned, hashed requirements-properdocs.txt, before the tests."""
    testing = [(name, job) for name, job in load(path)["jobs"].items() if steps_running(job, r"python -m pytest")]
    assert testing, f"{path.name} runs no tests?"
    for name, job in testing:
        tests = steps_running(job, r"python -m pytest")
        made = steps_running(job, r"python -m venv \.venv-properdocs\n")
        assert made and made[0][0] < tests[0][0], name
        run = made[0][1]["run"]
        assert ".venv-properdocs/bin/pip install -q --require-hashes -r requirements-properdocs.txt" in run, run
        assert ".venv-properdocs/bin/pip install -q --no-deps --no-build-isolation -e ." in run, run


# --- ci.yml -------------------------------------------------------------------------------------

def test_ci_runs_on_pull_requests_and_cancels_superseded_runs():
    wf = workflow("ci.yml")
    assert "pull_request" in triggers(wf)
    assert wf["concurrency"]["cancel-in-progress"] is True
    assert "github.event.pull_request.number" in wf["concurrency"]["group"]


def test_ci_annotates_the_pull_request_and_runs_the_full_checker():
    wf = workflow("ci.yml")
    (name, job), = [(n, j) for n, j in wf["jobs"].items() if steps_running(j, r"bangvang\.check")]
    checkout = step_using(job, "actions/checkout")[0][1]
    assert checkout["with"].get("fetch-depth") == 0, "--changed-since needs the base branch fetched"
    checks = [s for _, s in steps_running(job, r"bangvang\.check")]
    annotated = [s for s in checks if "--format github" in s["run"] and "--changed-since" in s["run"]]
    assert annotated, checks
    step = annotated[0]
    assert re.search(r'--changed-since "?origin/', step["run"]), step["run"]
    # The base branch's name reaches the script through env, never spliced into it.
    assert "${{" not in step["run"]
    assert step["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert "pull_request" in step.get("if", "")
    full = [s for s in checks if "--changed-since" not in s["run"]]
    assert full, "no full checker run"
    assert "!cancelled()" in str(full[0].get("if", "")), "the full report must run even after the annotated one failed"


def test_ci_checks_removals_against_the_base_branchs_list():
    """Both checker runs of a pull request compare removals with da-cong-bo.yml as published on the base branch
    (a record deleted together with its line, or with the whole list, fails); the full run is the gate."""
    wf = workflow("ci.yml")
    (_, job), = [(n, j) for n, j in wf["jobs"].items() if steps_running(j, r"bangvang\.check")]
    checks = [s for _, s in steps_running(job, r"bangvang\.check")]
    assert len(checks) == 2, checks
    for step in checks:
        assert re.search(r'--base "origin/\$\{BASE_REF\}"', step["run"]), step["run"]
        assert "${{" not in step["run"], "the base branch's name reaches the script through env only"
        assert step["env"]["BASE_REF"] == "${{ github.base_ref }}"
    full = next(s for s in checks if "--changed-since" not in s["run"])
    assert re.search(r'if \[ -n "\$BASE_REF" \]; then\s+\.venv/bin/python -m bangvang\.check data --base ', full["run"])
    assert "--format" not in full["run"], "the gate's log is the full text report"


def test_ci_uploads_the_built_site_for_reviewers():
    wf = workflow("ci.yml")
    job = next(j for j in wf["jobs"].values() if step_using(j, "actions/upload-artifact"))
    (upload_at, upload), = step_using(job, "actions/upload-artifact")
    (build_at, build), = steps_running(job, r"\bmkdocs build\b")
    assert build_at < upload_at
    assert 1 <= int(upload["with"]["retention-days"]) <= 14
    assert upload["with"].get("if-no-files-found") == "error"
    folder = re.search(r"\s-d\s+\"?\$RUNNER_TEMP/(\S+?)\"?$", build["run"], re.M).group(1)
    assert upload["with"]["path"] == "${{ runner.temp }}/" + folder
    assert build.get("id") and f"steps.{build['id']}.outcome == 'success'" in upload.get("if", "")
    assert wf["permissions"] == {}


# --- pages.yml ----------------------------------------------------------------------------------

def _pages_jobs():
    wf = workflow("pages.yml")
    (build_name, build), = jobs_using(wf, "actions/upload-pages-artifact")
    (deploy_name, deploy), = jobs_using(wf, "actions/deploy-pages")
    return wf, build_name, build, deploy_name, deploy


def test_pages_runs_on_main_one_at_a_time():
    wf, *_ = _pages_jobs()
    assert triggers(wf) <= {"push", "workflow_dispatch"} and "push" in triggers(wf)
    assert trigger_config(wf, "push")["branches"] == ["main"]
    assert wf["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert wf["permissions"] == {}


def test_pages_deploy_needs_the_build_and_runs_only_on_main():
    wf, build_name, build, deploy_name, deploy = _pages_jobs()
    needs = deploy["needs"] if isinstance(deploy["needs"], list) else [deploy["needs"]]
    assert build_name in needs
    assert "github.ref == 'refs/heads/main'" in deploy["if"] and "||" not in deploy["if"], deploy["if"]
    assert deploy["environment"]["name"] == "github-pages"
    (_, step), = step_using(deploy, "actions/deploy-pages")
    assert deploy["environment"]["url"] == "${{ steps.%s.outputs.page_url }}" % step["id"]
    assert deploy["permissions"] == DEPLOY_PERMISSIONS
    assert not is_write(build["permissions"])
    assert len(steps(deploy)) == 1, "the deploy job runs no code from the repository"


def test_pages_uploads_only_after_checker_build_and_tests_passed():
    _, _, build, _, _ = _pages_jobs()
    (upload_at, upload), = step_using(build, "actions/upload-pages-artifact")
    checker = steps_running(build, r"bangvang\.check data")
    site = steps_running(build, r"\bmkdocs build --strict\b")
    tests = steps_running(build, r"python -m pytest")
    assert checker and site and tests
    assert max(i for i, _ in checker + site + tests) < upload_at
    assert upload_at == len(steps(build)) - 1, "uploading is the last step of the build job"
    # A failed step must stop the job before the upload: nothing may override that.
    assert "if" not in upload, upload
    for s in steps(build)[:upload_at]:
        assert not s.get("continue-on-error"), s
        assert not re.search(r"always\(\)|failure\(\)|cancelled\(\)", str(s.get("if", ""))), s
    folder = re.search(r"\s-d\s+\"?\$RUNNER_TEMP/(\S+?)\"?$", site[0][1]["run"], re.M).group(1)
    assert upload["with"]["path"] == "${{ runner.temp }}/" + folder


def test_pages_build_gets_the_site_and_repository_urls():
    _, _, build, _, _ = _pages_jobs()
    (configure_at, configure), = step_using(build, "actions/configure-pages")
    (site_at, site), = steps_running(build, r"\bmkdocs build --strict\b")
    assert configure_at < site_at
    env = site["env"]
    assert env["BANGVANG_SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % configure["id"]
    assert env["BANGVANG_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert build["permissions"] == {"contents": "read", "pages": "read"}


def test_pages_comment_says_a_failed_build_keeps_the_previous_site():
    text = (GITHUB / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert re.search(r"previous site stays online", text)


# --- zizmor (static analysis of the workflows, --offline) ---------------------------------------

def _zizmor(*paths: str, cwd: Path = ROOT) -> tuple[subprocess.CompletedProcess, list[dict]]:
    done = run_tool("zizmor", "--offline", "--no-progress", "--format", "json", *paths, cwd=cwd)
    return done, json.loads(done.stdout or "[]")


def test_zizmor_finds_nothing():
    files = [str(p.relative_to(ROOT)) for p in WORKFLOWS] + [".github/dependabot.yml"]
    done, findings = _zizmor(*files)
    assert findings == [], json.dumps(findings, ensure_ascii=False, indent=1)[:4000]
    assert done.returncode == 0, done.stderr


def test_zizmor_catches_a_dangerous_workflow(tmp_path):
    wf = tmp_path / ".github" / "workflows" / "bad.yml"
    wf.parent.mkdir(parents=True)
    wf.write_text(
        "on: pull_request_target\n"
        "jobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n", encoding="utf-8")
    done, findings = _zizmor(str(wf), cwd=tmp_path)
    found = {f["ident"] for f in findings}
    assert {"dangerous-triggers", "unpinned-uses", "template-injection"} <= found, found
    assert done.returncode != 0
