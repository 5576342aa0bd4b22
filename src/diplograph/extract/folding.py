"""Case-insensitive patterns run on lowered text: the same matches, two to four times faster.

Input: a compiled pattern with IGNORECASE and a text. Output: the pattern's matches (their
positions and group names) or whether it matches.

Why: Python's `re` folds the case of every character it compares under IGNORECASE, and the
extractor's rules are long alternations scanned over every sentence; scanning the lowered
sentence with a twin whose literal letters are lowered gives the same positions for a
fraction of the time. Every stage that scans sentences with such rules uses these.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# id(pattern) → (pattern, its twin): the pattern is kept alive so its id is never reused, and
# looking up an id is cheaper than hashing a pattern (which hashes its whole compiled code).
_TWINS: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def folded_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    "Return the twin of `pattern` for lowered text (see `twin_of`), made once per pattern."
    known = _TWINS.get(id(pattern))
    if known is None:
        known = _TWINS[id(pattern)] = (pattern, twin_of(pattern))
    return known[1]


def twin_of(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """Return a case-sensitive twin of a case-insensitive pattern, for matching lowered text.

    Why: Python's `re` folds the case of every character it compares under IGNORECASE,
    which makes the rules' long alternations two to four times slower than the same
    pattern run on lowered text. The twin is the pattern with its literal letters lowered
    (escapes and group names kept). None when the pattern is case-sensitive, or has a
    case-sensitive part ("(?-i:[A-Z])") that lowered text would defeat.
    """
    source = pattern.pattern
    if not pattern.flags & re.I or "(?-i" in source:
        return None
    out: list[str] = []
    i = 0
    while i < len(source):
        if source[i] == "\\":
            out.append(source[i : i + 2])  # "\S" is not "\s"
            i += 2
        elif source.startswith(("(?P<", "(?P="), i):
            end = source.index(">" if source[i + 3] == "<" else ")", i) + 1
            out.append(source[i:end])  # group names are kept as written
            i = end
        else:
            out.append(source[i].lower())
            i += 1
    return re.compile("".join(out), pattern.flags & ~re.I)


def folded_finditer(
    pattern: re.Pattern[str], text: str, lowered: str | None = None
) -> Iterator[re.Match[str]]:
    """Iterate over the matches of `pattern` in `text`, faster when the pattern ignores case.

    The matches may be over `lowered` (`text.lower()`), so callers use their positions and
    group names, never their text. Lowering that changes the length ("İ") falls back to the
    pattern itself, so positions always refer to `text`.
    """
    twin = folded_twin(pattern)
    if twin is not None:
        lowered = text.lower() if lowered is None else lowered
        if len(lowered) == len(text):
            return twin.finditer(lowered)
    return pattern.finditer(text)


def folded_search(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None, lowered: str | None = None
) -> bool:
    "True when `pattern` matches in `text[pos:endpos]`; faster, like `folded_finditer`, when it ignores case."
    end = len(text) if endpos is None else endpos
    twin = folded_twin(pattern)
    if twin is not None:
        lowered = text.lower() if lowered is None else lowered
        if len(lowered) == len(text):
            return twin.search(lowered, pos, end) is not None
    return pattern.search(text, pos, end) is not None
