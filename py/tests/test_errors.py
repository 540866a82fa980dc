"""Errors: ParseError with its position for unreadable input, TypeError for wrong
argument types, RuntimeError (never PanicException) for a bug."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import vmkcheck
from conftest import CORPUS, read

ESX01 = read(CORPUS / "s01-clean-ready-pair" / "esx01.txt")
PARSERS = [vmkcheck.parse_vmknic, vmkcheck.parse_vmkping, vmkcheck.parse_transcript]


@pytest.mark.parametrize("parse", PARSERS, ids=lambda f: f.__name__)
def test_bytes_that_are_not_utf8(parse: object) -> None:
    text = "vmk0  Management Network  IPv4  192.0.2.1\néé\xff".encode("latin-1")
    bad = "vmk0  Management Network  IPv4  192.0.2.1\n".encode() + "éé".encode() + b"\xff"
    with pytest.raises(vmkcheck.ParseError) as e:
        parse(bad)  # type: ignore[operator]
    assert (e.value.kind, e.value.line, e.value.column) == ("invalid_utf8", 2, 3)
    assert e.value.offset == bad.index(b"\xff")
    assert e.value.source is None
    assert str(e.value) == "line 2, column 3: the input is not valid UTF-8"
    with pytest.raises(ValueError):
        parse(text)  # type: ignore[operator]


def test_a_str_with_a_lone_surrogate_is_not_utf8() -> None:
    text = "abc\nd" + b"\xff".decode("utf-8", "surrogateescape") + "e"
    with pytest.raises(vmkcheck.ParseError) as e:
        vmkcheck.parse_transcript(text)
    assert (e.value.kind, e.value.line, e.value.column, e.value.offset) == (
        "invalid_utf8", 2, 2, 5
    )


@pytest.mark.parametrize("text", ["a\nb\0c", b"a\nb\0c"], ids=["str", "bytes"])
def test_a_nul_byte_is_not_text(text: object) -> None:
    with pytest.raises(vmkcheck.ParseError) as e:
        vmkcheck.parse_transcript(text)  # type: ignore[arg-type]
    assert (e.value.kind, e.value.line, e.value.column, e.value.offset) == ("not_text", 2, 2, 3)


def test_no_table_and_no_ping_output() -> None:
    with pytest.raises(vmkcheck.ParseError) as e:
        vmkcheck.parse_vmknic("hello\nworld\n")
    assert e.value.kind == "no_vmknic_table" and e.value.line >= 1
    with pytest.raises(vmkcheck.ParseError) as e:
        vmkcheck.parse_vmkping("hello\nworld\n")
    assert e.value.kind == "no_ping_output"
    for parse in (vmkcheck.parse_vmknic, vmkcheck.parse_vmkping):
        with pytest.raises(vmkcheck.ParseError):
            parse("")


def test_a_transcript_never_fails_on_content() -> None:
    for text in ["", "hello", "vmk0 garbage ☃", "vmkping\n" * 3, "\n\n\n"]:
        t = vmkcheck.parse_transcript(text)
        assert isinstance(t, vmkcheck.Transcript)


def test_parse_error_is_a_value_error_that_pickles() -> None:
    with pytest.raises(ValueError) as e:
        vmkcheck.parse_vmknic(b"\xff")
    err = e.value
    assert isinstance(err, vmkcheck.ParseError)
    again = pickle.loads(pickle.dumps(err))
    assert (again.kind, again.line, again.column, again.offset, str(again)) == (
        err.kind, err.line, err.column, err.offset, str(err)
    )
    assert repr(err).startswith("ParseError('line 1, column 1: the input is not valid UTF-8', kind='invalid_utf8'")
    mine = vmkcheck.ParseError("custom", kind="empty", line=3)
    assert (mine.kind, mine.line, mine.column, mine.offset, mine.source) == ("empty", 3, 0, 0, None)


@pytest.mark.parametrize(
    "bad, message",
    [
        (None, "text must be str or bytes, not NoneType"),
        (42, "text must be str or bytes, not int"),
        (["vmk0"], "text must be str or bytes, not list"),
        (bytearray(b"vmk0"), "text must be str or bytes, not bytearray (convert it with bytes(...))"),
        (Path("x.txt"), "pass its contents, e.g. Path(...).read_text()"),
    ],
)
@pytest.mark.parametrize("parse", PARSERS, ids=lambda f: f.__name__)
def test_wrong_text_types(parse: object, bad: object, message: str) -> None:
    with pytest.raises(TypeError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        parse(bad)  # type: ignore[operator]


def test_missing_argument() -> None:
    with pytest.raises(TypeError):
        vmkcheck.parse_transcript()  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "hosts, message",
    [
        ("text", "not a single str; to check one transcript pass \\[text\\]"),
        (b"text", "not a single bytes"),
        (42, "hosts must be a mapping \\{name: text\\} or a sequence of texts, not int"),
        ({1: "x"}, "host names must be str, not int \\(1\\)"),
        ({"esx01": 42}, "hosts\\['esx01'\\] must be str or bytes, not int"),
        (["ok", None], "hosts\\[1\\] must be str or bytes, not NoneType"),
        ([("esx01", "text")], "hosts\\[0\\] must be str or bytes, not tuple"),
    ],
)
def test_check_argument_types(hosts: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        vmkcheck.check(hosts)  # type: ignore[arg-type]


@pytest.mark.parametrize("hosts", [[], {}, (), iter([])], ids=["list", "dict", "tuple", "iterator"])
def test_check_needs_a_host(hosts: object) -> None:
    with pytest.raises(ValueError, match="hosts is empty"):
        vmkcheck.check(hosts)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "facts, message",
    [
        (42, "facts must be a mapping \\{host name: \\{field: value\\}\\}, JSON text or None, not int"),
        (["esx01"], "not list"),
        ({"esx01": {"esxi_version": object()}}, "facts must be JSON-serializable: Object of type object"),
        ({"esx01": {"line_rate_mbps": float("nan")}}, "facts must be JSON-serializable"),
        ({"esx01": {"tags": {"vmk1": {"VMotion"}}}}, "Object of type set is not JSON serializable"),
    ],
)
def test_check_facts_types(facts: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        vmkcheck.check({"esx01": ESX01}, facts=facts)  # type: ignore[arg-type]


def test_a_circular_facts_dict_is_a_type_error() -> None:
    facts: dict = {"esx01": {}}
    facts["esx01"]["tags"] = facts
    with pytest.raises(TypeError, match="Circular reference"):
        vmkcheck.check({"esx01": ESX01}, facts=facts)


@pytest.mark.parametrize(
    "facts, kind, near",
    [
        ({"esx01": {"esxi_verison": "7.0"}}, "facts_unknown_field", '"esxi_verison"'),
        ({"esx01": {"aes_ni": "yes"}}, "facts_type", '"yes"'),
        ({"esx01": {"cpu_vendor": "via"}}, "facts_value", '"via"'),
        ({"esx01": ["esxi_version"]}, "facts_type", "["),
        ('{"esx01": {"esxi_version": "7.0",}}', "facts_syntax", "}"),
        ('{"esx01": {"license": "standard", "license": "standard"}}', "facts_duplicate_field", '"license"'),
    ],
)
def test_invalid_facts_are_parse_errors_that_say_where(facts: object, kind: str, near: str) -> None:
    with pytest.raises(vmkcheck.ParseError) as e:
        vmkcheck.check({"esx01": ESX01}, facts=facts)  # type: ignore[arg-type]
    err = e.value
    assert (err.source, err.kind) == ("facts", kind)
    assert str(err).startswith(f"facts: line {err.line}, column {err.column}: ")
    assert str(err).endswith(f", at {near}")
    text = facts if isinstance(facts, str) else __import__("json").dumps(facts, ensure_ascii=False)
    assert text.encode()[err.offset:].decode().startswith(near)


def test_facts_errors_point_into_a_facts_file() -> None:
    text = '{\n  "esx01": {\n    "aes_ni": "yes"\n  }\n}\n'
    with pytest.raises(vmkcheck.ParseError) as e:
        vmkcheck.check({"esx01": ESX01}, facts=text)
    assert (e.value.line, e.value.column) == (3, 15)


def test_a_host_text_error_names_the_host() -> None:
    with pytest.raises(vmkcheck.ParseError) as e:
        vmkcheck.check({"esx01": ESX01, "esx02": b"ok\n\xc3("})
    assert (e.value.source, e.value.kind, e.value.line, e.value.column) == (
        "hosts['esx02']", "invalid_utf8", 2, 1
    )
    assert str(e.value).startswith("hosts['esx02']: line 2, column 1: ")
    with pytest.raises(vmkcheck.ParseError) as e:
        vmkcheck.check([ESX01, "a\0"])
    assert (e.value.source, e.value.kind) == ("hosts[1]", "not_text")


def test_inputs_above_the_limit() -> None:
    big = b"x" * (vmkcheck.MAX_INPUT_BYTES + 1)
    with pytest.raises(vmkcheck.ParseError) as e:
        vmkcheck.parse_transcript(big)
    assert (e.value.kind, e.value.line, e.value.offset) == ("too_large", 0, vmkcheck.MAX_INPUT_BYTES)
    assert "larger than the accepted maximum (67108864 bytes)" in str(e.value)
    with pytest.raises(vmkcheck.ParseError) as e:
        vmkcheck.parse_vmknic(big.decode())
    assert e.value.kind == "too_large"
    half = b"x" * (vmkcheck.MAX_INPUT_BYTES // 2 + 1)
    with pytest.raises(vmkcheck.ParseError) as e:
        vmkcheck.check([half, half])
    assert (e.value.kind, e.value.source) == ("too_large", "hosts")
    with pytest.raises(vmkcheck.ParseError) as e:
        vmkcheck.check([""] * (vmkcheck.MAX_SOURCES + 1))
    assert (e.value.kind, e.value.source) == ("too_large", "hosts")
    # exactly at the limit is accepted
    assert vmkcheck.parse_transcript(b"x" * 1000).sections == ()


def test_a_panic_becomes_a_runtime_error_not_a_panic_exception() -> None:
    with pytest.raises(RuntimeError, match="vmkcheck internal error") as e:
        vmkcheck._vmkcheck._panic_for_tests()
    assert type(e.value) is RuntimeError
    assert isinstance(e.value, Exception)  # PanicException is a BaseException only
