"""Running and timing one process of the benchmark harness (benchmarks/bench.py).

Every figure is a whole-process figure (Python start-up included): wall seconds, CPU = user +
system, and peak RSS of the process as `wait4()` reports it (what GNU `time -v` prints). The host
is shared, so before each timed run the harness can wait for the other processes to calm down.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

# py-spy (a sampling profiler, optional: --sample PATH) attached to the first counted build of ours
# and the first check run of each size.
SAMPLER = {"py_spy": None, "rate": 20}

# Before each timed run, wait up to QUIET["wait"] s for the machine to be quiet (other processes using
# less than QUIET["busy"] cores): the host is shared, and a neighbour's test run skews a build by 20–50 %.
QUIET = {"busy": 0.5, "wait": 120.0}


def run_timed(cmd: list[str], cwd: Path, env: dict[str, str], log: Path | None = None,
              sample_to: Path | None = None) -> dict:
    """Run `cmd`; wall seconds, CPU seconds, peak RSS (MiB) of the process tree it waited for.

    With `sample_to` (and --sample PY_SPY), py-spy attaches to the process by pid, without pausing
    it (--nonblocking, 20 Hz), and writes collapsed stacks there; the figures stay the process's own.
    """
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err)
        sampler = start_sampler(proc.pid, sample_to)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        stop_sampler(sampler)
        proc.returncode = os.waitstatus_to_exitcode(status)
        stdout, stderr = _read_back(out), _read_back(err)
    if log is not None:
        log.write_text(f"$ {' '.join(cmd)}\n{stdout}\n{stderr}", encoding="utf-8")
    return {"wall": round(wall, 3), "cpu": round(usage.ru_utime + usage.ru_stime, 3),
            "rss_mib": round(usage.ru_maxrss / 1024, 1), "rc": proc.returncode,
            "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],  # 1-min load average before, after
            "stdout": stdout, "stderr": stderr}


def _read_back(fh) -> str:
    """The text a child process wrote to the temporary file `fh` (kept off pipes so it never blocks)."""
    fh.seek(0)
    return fh.read().decode("utf-8", "replace")


def start_sampler(pid: int, sample_to: Path | None) -> subprocess.Popen | None:
    """Attach py-spy to `pid` when sampling was asked for, so a profile costs the timed run nothing."""
    if sample_to is None or not SAMPLER["py_spy"]:
        return None
    return subprocess.Popen([SAMPLER["py_spy"], "record", "--pid", str(pid), "--nonblocking",
                             "--rate", str(SAMPLER["rate"]), "--format", "raw", "--output", str(sample_to)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop_sampler(sampler: subprocess.Popen | None) -> None:
    """Let py-spy write its stacks after the process ended, killing it if it hangs (a run must end)."""
    if sampler is None:
        return
    try:
        sampler.wait(timeout=60)
    except subprocess.TimeoutExpired:
        sampler.kill()


def busy_cores(seconds: float = 1.0) -> float:
    """CPU cores in use by anything on the machine over the next `seconds` (from /proc/stat)."""
    def sample():
        """Total and idle jiffies of all CPUs so far."""
        with open("/proc/stat") as fh:
            values = [int(v) for v in fh.readline().split()[1:]]
        return sum(values), values[3] + values[4]  # total, idle + iowait
    try:
        t0, i0 = sample()
        time.sleep(seconds)
        t1, i1 = sample()
    except OSError:
        return 0.0
    return (os.cpu_count() or 1) * (1 - (i1 - i0) / max(t1 - t0, 1))


def wait_quiet(max_busy: float, max_wait: float) -> float:
    """Wait (at most `max_wait` s) until other processes use less than `max_busy` cores; return the last reading."""
    deadline = time.monotonic() + max_wait
    busy = busy_cores()
    while busy >= max_busy and time.monotonic() < deadline:
        busy = busy_cores(2.0)
    return round(busy, 2)


def summary(values: list[float]) -> dict:
    """Median, min and max of repeated runs: the host is noisy, so one figure alone would mislead."""
    if not values:
        return {"median": None, "min": None, "max": None}
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3), "max": round(max(values), 3)}
