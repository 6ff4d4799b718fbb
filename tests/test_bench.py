"""Smoke test of the speed figures: the tiny run works and prints every figure (the figures
themselves are not asserted: they depend on the machine)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from service.bench import LABELS

ROOT = Path(__file__).resolve().parents[1]


def test_the_quick_bench_prints_every_figure() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "service.bench", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    missing = [
        label
        for label in LABELS.values()
        if not any(line.startswith(f"{label}: ") for line in lines)
    ]
    assert missing == [], run.stdout
    assert "KHÔNG" not in run.stdout  # both render paths gave the same text
