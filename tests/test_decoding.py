"""Bytes → text (kg.readers.decoding)."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from kg.readers import decoding
from kg.readers.decoding import (
    DEFAULT_MAX_BYTES,
    InputError,
    decode_bytes,
    read_file_bytes,
    read_stream_bytes,
)

RUSSIAN = "Министры обсудили торговлю.\n22 сентября 2017 г.\nСтороны подписали меморандум."
KAZAKH = "Министрлер сауда мәселелерін талқылады. Тараптар меморандумға қол қойды."


def test_utf8() -> None:
    decoded = decode_bytes(RUSSIAN.encode("utf-8"))
    assert decoded.text == RUSSIAN
    assert decoded.encoding == "utf-8"
    assert decoded.warning is None


def test_utf8_with_bom_drops_the_bom() -> None:
    decoded = decode_bytes(b"\xef\xbb\xbf" + KAZAKH.encode("utf-8"))
    assert decoded.text == KAZAKH
    assert decoded.warning is None


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    data = KAZAKH.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    decoded = decode_bytes(data)
    assert decoded.text == KAZAKH
    assert decoded.warning is None


def test_windows_1251_russian_is_decoded_with_a_warning() -> None:
    decoded = decode_bytes(RUSSIAN.encode("cp1251"))
    assert decoded.text == RUSSIAN
    assert decoded.encoding == "cp1251"
    assert decoded.warning is not None
    assert "cp1251" in decoded.warning


def test_short_windows_1251_text_is_not_taken_for_an_exotic_code_page() -> None:
    assert decode_bytes("Привет, мир".encode("cp1251")).text == "Привет, мир"


def test_kz1048_kazakh() -> None:
    decoded = decode_bytes(KAZAKH.encode("kz1048"))
    assert decoded.text == KAZAKH
    assert decoded.encoding == "kz1048"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf  \n", "\n".encode("utf-16")])
def test_empty_and_whitespace_only(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^empty file$"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        bytes(range(256)) * 4,
        b"abc" + b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20,
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary file, not text"):
        decode_bytes(data)


def test_default_limit_is_20_mb() -> None:
    assert DEFAULT_MAX_BYTES == 20_000_000


def test_a_50_mb_file_is_refused_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: costs no disk space

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("an oversized file must not be opened")

    monkeypatch.setattr(decoding, "open", no_open, raising=False)
    started = time.monotonic()
    with pytest.raises(InputError) as info:
        read_file_bytes(big)
    assert time.monotonic() - started < 1.0
    assert str(info.value) == (
        "file is 52.4 MB, larger than the 20 MB limit; split it or raise --max-bytes"
    )


def test_file_just_over_a_low_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(InputError, match=r"file is 1,001 bytes, larger than the 1,000 bytes limit"):
        read_file_bytes(path, max_bytes=1000)
    assert read_file_bytes(path, max_bytes=1001) == b"x" * 1001


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read file"):
        read_file_bytes(tmp_path / "missing.txt")


class _CountingStream(io.BytesIO):
    """Records how many bytes were asked for, to prove stdin is not read to the end."""

    requested: list[int]

    def read(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        self.requested = [*getattr(self, "requested", []), size if size is not None else -1]
        return super().read(size)


def test_stream_over_the_limit_reads_at_most_limit_plus_one() -> None:
    stream = _CountingStream(b"y" * 5000)
    with pytest.raises(InputError, match="larger than the 1,000 bytes limit"):
        read_stream_bytes(stream, max_bytes=1000)
    assert stream.requested == [1001]
    assert stream.tell() == 1001


def test_stream_within_the_limit() -> None:
    assert read_stream_bytes(io.BytesIO(b"hello"), max_bytes=5) == b"hello"
