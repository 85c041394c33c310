"""Shared fixtures: where the repository, its example corpus and the crosscheck binary are."""

from __future__ import annotations

import os
import pathlib
import subprocess
from typing import List, Optional

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"


def binary_path() -> Optional[pathlib.Path]:
    """The binary to compare with: $CROSSCHECK_BIN, else one built in target/."""
    given = os.environ.get("CROSSCHECK_BIN")
    if given:
        return pathlib.Path(given)
    for profile in ("release", "debug"):
        candidate = REPO / "target" / profile / "crosscheck"
        if candidate.is_file():
            return candidate
    return None


@pytest.fixture(scope="session")
def binary() -> pathlib.Path:
    path = binary_path()
    if path is None:
        pytest.skip("no crosscheck binary (build it with cargo, or set CROSSCHECK_BIN)")
    assert path.is_file(), f"CROSSCHECK_BIN={path} does not exist"
    return path


def run_binary(binary: pathlib.Path, args: List[str], cwd: pathlib.Path) -> str:
    """The binary's stdout; exit 0 (no conflict) and 1 (conflicts) are both a report."""
    done = subprocess.run(
        [str(binary), *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout
