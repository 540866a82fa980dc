"""The exception vmkcheck raises for input it cannot read."""

from __future__ import annotations

from typing import Optional

__all__ = ["ParseError"]


class ParseError(ValueError):
    """Input vmkcheck cannot read: what went wrong, and where.

    Raised for bytes that are not UTF-8 (or a ``str`` holding a lone surrogate), a text
    holding a NUL byte, a text above ``vmkcheck.MAX_INPUT_BYTES``, a text with no
    ``esxcfg-vmknic -l`` table (``parse_vmknic``) or no ping output (``parse_vmkping``),
    and a facts document that is not valid (``check``). Text that is merely doubtful
    never raises: it becomes a ``Diagnostic``.

    Attributes:
        kind: A stable snake_case name: ``"invalid_utf8"``, ``"not_text"``,
            ``"too_large"``, ``"empty"``, ``"no_vmknic_table"``, ``"no_ping_output"``,
            ``"facts_syntax"``, ``"facts_type"``, ``"facts_unknown_field"``,
            ``"facts_value"`` or ``"facts_duplicate_field"``.
        line: 1-based line of the error in that input (0 when it has no position, as for
            ``"too_large"``).
        column: 1-based column, counted in characters.
        offset: 0-based byte offset into the input's UTF-8 text (for ``"too_large"``:
            the limit that was exceeded).
        source: Which argument it is about: None for the single text of a ``parse_*``
            function; for ``check()``, ``"hosts['esx01']"`` or ``"hosts[0]"`` for a
            host's text, ``"facts"`` for the facts, ``"hosts"`` for the whole input.
            Positions in facts given as a dict refer to its JSON text
            (``json.dumps(facts, ensure_ascii=False)``).
    """

    kind: str
    line: int
    column: int
    offset: int
    source: Optional[str]

    def __init__(
        self,
        message: str,
        *,
        kind: str = "",
        line: int = 0,
        column: int = 0,
        offset: int = 0,
        source: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.line = line
        self.column = column
        self.offset = offset
        self.source = source

    def __repr__(self) -> str:
        return (
            f"ParseError({self.args[0]!r}, kind={self.kind!r}, line={self.line}, "
            f"column={self.column}, offset={self.offset}, source={self.source!r})"
        )
