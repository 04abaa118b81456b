"""What every command shares: exit codes, messages on stderr, format options."""

from __future__ import annotations

import argparse
import sys
import time

from kg.rdf.dataset import FORMATS

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def err(message: str) -> None:
    """Print a message for the user on standard error (results go to stdout)."""
    print(message, file=sys.stderr, flush=True)


def add_data_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-format", choices=list(FORMATS), help="format of DATA if its extension does not tell"
    )


class Progress:
    """A one-line counter per stage (``read``, then ``built``) on stderr when it is a
    terminal; silent otherwise."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.count = 0
        self.stage = ""
        self.started = time.monotonic()

    def __call__(self, stage: str, source: str) -> None:
        if stage != self.stage:
            self.stage, self.count, self.started = stage, 0, time.monotonic()
        self.count += 1
        if self.enabled:
            rate = self.count / max(time.monotonic() - self.started, 1e-6)
            print(
                f"\r\033[K{stage} [{self.count}] {rate:.1f} articles/s  {source[-60:]}",
                end="",
                file=sys.stderr,
                flush=True,
            )

    def close(self) -> None:
        if self.enabled and self.count:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
