"""Bytes → text, refusing what is not text and saying which encoding was assumed.

News archives from Kazakhstan still hold Windows-1251, KZ-1048 and KOI8-R files next to
UTF-8 ones, so a reader that only knows UTF-8 would silently lose articles, and one that
guesses without saying so would silently garble them.  Here UTF-8 (with or without BOM)
and BOM-marked UTF-16/32 are read exactly; anything else is guessed by charset-normalizer
among the legacy encodings plausible for Kazakh, Russian and English, and the guess is
reported as a warning.

Size is checked *before* reading, so a stray 5 GB dump is refused at once instead of
exhausting memory.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from typing import BinaryIO

from charset_normalizer import from_bytes

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Decoded",
    "InputError",
    "decode_bytes",
    "read_file_bytes",
    "read_stream_bytes",
]

DEFAULT_MAX_BYTES = 20_000_000
"""Default size limit (20 MB): far above any news article, far below a memory problem."""

# Legacy code pages that kk/ru/en news is actually found in.  Restricting the guess to
# these makes charset-normalizer reliable on short texts, where it otherwise picks exotic
# code pages (cp1125, shift_jis) that happen to decode the same bytes.
_LEGACY_ENCODINGS = ["cp1251", "kz1048", "koi8_r", "cp866", "cp1252"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


class InputError(Exception):
    """An input that cannot be read as an article; the message is shown to the user."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used, and a warning when that encoding was a guess."""

    text: str
    encoding: str
    warning: str | None = None


def _megabytes(n: int) -> str:
    """Sizes as people say them: ``52.4 MB``, ``20 MB``; exact bytes below 1 MB, where
    rounding would hide the difference from a low limit (``1,001 bytes``)."""
    if n < 1_000_000:
        return f"{n:,} bytes"
    return f"{n / 1_000_000:.1f}".removesuffix(".0") + " MB"


def _too_large(size: int, max_bytes: int, what: str) -> InputError:
    return InputError(
        f"{what} is {_megabytes(size)}, larger than the {_megabytes(max_bytes)} limit; "
        "split it or raise --max-bytes"
    )


def read_file_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, refusing files over ``max_bytes`` without reading them."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes, "file")
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes, "file")
    return data


def read_stream_bytes(stream: BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """At most ``max_bytes`` from a stream (stdin has no size to check up front)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"input is larger than the {_megabytes(max_bytes)} limit; split it or raise --max-bytes"
        )
    return data


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, mean the bytes are not text."""
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _decode_bom(data: bytes) -> Decoded | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"invalid {encoding} text after its byte-order mark: {exc.reason}"
                ) from exc
            return Decoded(text.lstrip("\ufeff"), encoding.removesuffix("-sig"))
    return None


def _guess_legacy(data: bytes) -> Decoded:
    """Decode non-UTF-8 bytes with the most plausible legacy encoding, saying so."""
    best = from_bytes(data, cp_isolation=_LEGACY_ENCODINGS).best() or from_bytes(data).best()
    if best is None:
        raise InputError("binary file, not text (no text encoding fits)")
    return Decoded(
        str(best),
        best.encoding,
        f"not valid UTF-8; assumed the {best.encoding} encoding (convert the file to UTF-8 "
        "if the text looks garbled)",
    )


def decode_bytes(data: bytes) -> Decoded:
    """Decode an input's bytes, raising :class:`InputError` for empty or binary data."""
    if not data.strip():
        raise InputError("empty file")
    decoded = _decode_bom(data)
    if decoded is None:
        if _looks_binary(data):
            raise InputError("binary file, not text")
        try:
            decoded = Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            decoded = _guess_legacy(data)
    if not decoded.text.strip():
        raise InputError("empty file")
    return decoded
