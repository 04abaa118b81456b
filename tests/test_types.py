"""The package type-checks clean under the repository's mypy configuration.

Type hints are only a contract when something checks them: this runs mypy on ``kg``
the way a developer would (``[tool.mypy]`` in pyproject.toml), in a subprocess so that
its module cache and settings do not leak into the test process.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None,
    reason="mypy is not installed (pip install '.[dev]')",
)
def test_package_has_no_type_errors(tmp_path: Path) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(REPO / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            "--no-error-summary",
            str(REPO / "kg"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = (completed.stdout + completed.stderr).strip()
    assert completed.returncode == 0, f"mypy found type errors in kg:\n{report}"
