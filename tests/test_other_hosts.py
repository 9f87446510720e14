"""Publishing the same tested site to another host (pages.yml, NOI_DANG = s3 or cloudflare).

The jobs are read from the workflow, and their shell steps are run here as written, on an artifact
made as actions/upload-pages-artifact makes it (a tar of the site), with `aws` and `npx` replaced by
recorders: what would be sent where, with which options.
"""

from __future__ import annotations

import os
import subprocess
import tarfile
from pathlib import Path

import pytest

from githubkit import step_using, steps, workflow

JOBS = {"s3": "deploy-s3", "cloudflare": "deploy-cloudflare"}


def _job(name: str) -> dict:
    return workflow("pages.yml")["jobs"][name]


@pytest.mark.parametrize("host, name", JOBS.items())
def test_each_host_deploys_the_build_jobs_artifact_only_from_main(host, name):
    job = _job(name)
    assert job["needs"] == "build" and job["permissions"] == {}
    assert job["if"] == f"github.ref == 'refs/heads/main' && vars.NOI_DANG == '{host}'"
    (_, download), = step_using(job, "actions/download-artifact")
    assert download["with"]["name"] == "github-pages"  # what upload-pages-artifact made, after every test
    for step in steps(job):
        assert "${{" not in step.get("run", ""), "values reach the script through env, never spliced in"
    pages = _job("deploy")
    assert "vars.NOI_DANG != 's3'" in pages["if"] and "vars.NOI_DANG != 'cloudflare'" in pages["if"]


def _run_steps(name: str, tmp_path: Path, env: dict) -> list[list[str]]:
    """Run the job's shell steps after its download, with recorders for aws and npx; their calls."""
    site = tmp_path / "built"
    (site / "ca-nhan" / "a").mkdir(parents=True)
    (site / "index.html").write_text("<p>Trang chủ</p>", encoding="utf-8")
    (site / "ca-nhan" / "a" / "index.html").write_text("<p>Chị A</p>", encoding="utf-8")
    (tmp_path / "goi").mkdir()
    with tarfile.open(tmp_path / "goi" / "artifact.tar", "w") as tar:  # as upload-pages-artifact: the folder's content
        for path in sorted(site.rglob("*")):
            tar.add(path, arcname=path.relative_to(site).as_posix(), recursive=False)
    bin_dir, calls = tmp_path / "bin", tmp_path / "calls"
    bin_dir.mkdir()
    for tool in ("aws", "npx"):
        recorder = bin_dir / tool
        recorder.write_text(f'#!/bin/bash\nprintf "%s\\0" {tool} "$@" >> "{calls}"\nprintf "\\n" >> "{calls}"\n'
                            'ls -R "$RUNNER_TEMP/site" > "$RUNNER_TEMP/seen"\n', encoding="utf-8")
        recorder.chmod(0o755)
    full_env = {**os.environ, **env, "RUNNER_TEMP": str(tmp_path), "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    for step in steps(_job(name)):
        if "run" in step:
            step_env = {k: str(v) for k, v in (step.get("env") or {}).items() if "${{" not in str(v)}
            subprocess.run(["bash", "-e", "-c", step["run"]], env={**full_env, **step_env}, check=True)
    assert "index.html" in (tmp_path / "seen").read_text() and "ca-nhan" in (tmp_path / "seen").read_text()
    return [line.split("\0")[:-1] for line in calls.read_text().splitlines() if line]


def test_s3_syncs_the_whole_site_and_removes_what_it_no_longer_has(tmp_path):
    calls = _run_steps("deploy-s3", tmp_path, {"S3_BUCKET": "bang-vang", "S3_ENDPOINT": "https://r2.example"})
    assert calls == [["aws", "s3", "sync", str(tmp_path / "site"), "s3://bang-vang", "--delete", "--no-progress",
                      "--endpoint-url", "https://r2.example"]]
    calls = _run_steps("deploy-s3", tmp_path / "aws", {"S3_BUCKET": "bang-vang", "S3_ENDPOINT": ""})
    assert calls[0][-1] == "--no-progress"  # AWS itself: no endpoint option


def test_cloudflare_deploys_the_site_folder_with_a_pinned_wrangler(tmp_path):
    calls = _run_steps("deploy-cloudflare", tmp_path, {"CF_PROJECT": "bang-vang"})
    assert calls == [["npx", "--yes", "wrangler@4.164.0", "pages", "deploy", str(tmp_path / "site"),
                      "--project-name", "bang-vang", "--branch", "main"]]
