"""The notebook-style example in examples/python runs from start to end."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_the_tour_runs_and_prints_its_findings(tmp_path):
    done = subprocess.run(
        [sys.executable, str(REPO / "examples" / "python" / "tour.py")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # Two reports of one day that differ on an evolving figure: an update.
    assert "update |" in done.stdout
    assert "herald 'Three crew members were hurt'" in done.stdout
    assert "conflicts, for example:" in done.stdout
