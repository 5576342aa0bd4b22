"""Exact prefilters for regular expressions: skip the alternatives a text cannot match.

Input: a compiled pattern. Output: its top-level alternatives, each compilable alone with the
pattern's group numbers, and the literal words each requires; `folding` checks the words in
a text and searches only the alternatives that may match it.

Why: the extractor's rules are long alternations of phrases ("met again", "the second
round", "talks on"), most of which start with `\\b` or a lookbehind; Python's `re` then
cannot skip ahead to a plausible first character and tries every alternative at every
position of every sentence. Almost every alternative needs some literal word ("again",
"round"), and a sentence holds the words of only a few: checking the words with `in` costs a
fraction of a scan, and the scan then runs over those few alternatives only.

Why exact: the words are read off the parsed pattern (`re._parser`), never written by hand.
A word is required only when every match contains it: literals in sequence, in every
branch of an alternation, in a repeat that runs at least once. Lookarounds, optional parts
and classes of more than a few letters require nothing. An alternative whose words are all
absent from the text cannot match anywhere in it, so dropping it changes no match; searched
alone, an alternative keeps the others' groups as empty groups that never match, so group
numbers and names stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import import_module
from typing import Any

# `re`'s own parser, opcodes, compiler and IGNORECASE's extra equivalences (Python 3.11+; private,
# untyped: what a pattern requires is read off the parse `re` itself makes)
_parser: Any = import_module("re._parser")
sre: Any = import_module("re._constants")
_compiler: Any = import_module("re._compiler")
_casefix: Any = import_module("re._casefix")

# Classes of at most this many literals are spelled out ("defen[cs]e" → defence, defense).
_MAX_SPELLINGS = 8
# A pattern whose words would cost more `in` checks than this per alternative is not worth
# filtering: a pattern of common words ("will", "to be held", …) that most sentences pass.
_MAX_WORDS_PER_ALTERNATIVE = 12
# Characters IGNORECASE matches with others that their lowering differs from ("s" and "ſ",
# "i" and "ı", Greek and Cyrillic variants), and "İ", whose lowering is two characters: a text
# holding one is never filtered, as lowering it could hide a match.
_CASE_TRAPS = re.compile(
    "[\u0130"
    + "".join(
        re.escape(chr(c)) for key, extra in _casefix._EXTRA_CASES.items() for c in (key, *extra) if c > 127
    )
    + "]"
)

Words = frozenset[str]


def required_words(source: str, flags: int) -> Words | None:
    """Return words one of which every match of the pattern contains (lowered under IGNORECASE).

    None when no such words exist (a match may hold no fixed literal: "\\d+", "[A-Z]\\w*").
    """
    tree = _parser.parse(source, flags)
    icase = bool(tree.state.flags & re.IGNORECASE)
    words = _sequence_words(list(tree.data), icase)
    if not words:
        return None
    # a word holding another is redundant: wherever it is, the shorter one is too
    return frozenset(w for w in words if not any(v != w and v in w for v in words))


def _literal(code: int, icase: bool) -> str | None:
    "The character a literal matches, as checked in the text (lowered under IGNORECASE; None: not checkable)."
    char = chr(code)
    if not icase or (char.lower() == char.upper() == char and not _CASE_TRAPS.match(char)):
        return char  # (a character without case, "’", matches only itself under IGNORECASE too)
    return char.lower() if char.isascii() else None


def _sequence_words(items: list[tuple[Any, Any]], icase: bool) -> Words | None:
    """Return the most selective word set among what a sequence of parsed items requires.

    Runs of literals make words; zero-width `\\b` or `^` inside a run keep it whole (the
    matched text stays contiguous). Each item that requires words on its own is a candidate.
    """
    candidates: list[Words] = []
    run = [""]  # the spellings of the current run of literals
    for op, av in items:
        spelled = _spellings(op, av, icase)
        if spelled is not None and len(spelled) * len(run) <= _MAX_SPELLINGS:
            run = [r + s for r in run for s in spelled]
            continue
        if op is sre.AT:
            continue
        if run != [""]:
            candidates.append(frozenset(run))
            run = [""]
        words = _item_words(op, av, icase)
        if words:
            candidates.append(words)
    if run != [""]:
        candidates.append(frozenset(run))
    if not candidates:
        return None
    # the longest shortest word is the rarest in text; fewer words cost fewer checks
    return max(candidates, key=lambda ws: (min(map(len, ws)), -len(ws)))


def _spellings(op: Any, av: Any, icase: bool) -> list[str] | None:
    "The characters a literal or a small class of literals matches, or None for any other item."
    if op is sre.LITERAL:
        char = _literal(av, icase)
        return None if char is None else [char]
    if op is sre.IN and all(o is sre.LITERAL for o, _ in av):
        chars = {_literal(a, icase) for _, a in av}
        return None if None in chars else sorted(c for c in chars if c is not None)
    return None


def _item_words(op: Any, av: Any, icase: bool) -> Words | None:
    "The words a group, an alternation or a repeat requires on its own (None for anything else)."
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE and not icase:
            return (
                None  # a case-insensitive part of a case-sensitive pattern: its words are checked as written
            )
        # (a case-sensitive part, "(?-i:Council)", is checked lowered like the rest: "Council" in the text
        # is "council" in the lowered text)
        return _sequence_words(list(sub.data), icase)
    if op is sre.BRANCH:
        words: set[str] = set()
        for branch in av[1]:
            found = _sequence_words(list(branch.data), icase)
            if not found:
                return None  # a branch that needs no word: the alternation needs none
            words |= found
        return frozenset(words)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _most, sub = av
        return _sequence_words(list(sub.data), icase) if least >= 1 else None
    if op is sre.ATOMIC_GROUP:
        return _sequence_words(list(av.data), icase)
    return None


def _scans_fast(tree: Any) -> bool:
    "True when a parsed pattern starts with a literal or a class, or alternatives that each start with a literal."
    if not tree.data:
        return False
    op, av = tree.data[0]
    if op is sre.BRANCH:
        return all(branch.data and branch.data[0][0] is sre.LITERAL for branch in av[1])
    return op in (sre.LITERAL, sre.IN)


def split_alternatives(source: str) -> list[str]:
    """Split a pattern's source at its top-level "|" (not inside a group, a class or after a backslash)."""
    pieces: list[str] = []
    depth = start = i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i += 2 if source.startswith("[^", i) else 1
            i += source[i] == "]"  # a "]" first in a class is a literal
            while i < len(source) and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            pieces.append(source[start:i])
            start = i + 1
        i += 1
    pieces.append(source[start:])
    return pieces


def _never_matching(source: str, flags: int) -> str:
    """Return a stand-in for an alternative that never matches and holds the same groups, in order.

    Groups are numbered in the order they open, so the stand-in's empty groups keep the numbers
    and names the alternative's have.
    """
    state = _parser.parse(source, flags).state
    if state.groups == 1:
        return ""  # none: the alternative is dropped
    names = {number: name for name, number in state.groupdict.items()}
    return "(?!)" + "".join(f"(?P<{names[n]}>)" if n in names else "()" for n in range(1, state.groups))


@dataclass
class Alternatives:
    """The top-level alternatives of a pattern, the words each requires, and each alone.

    `words` pairs a word with the bits of the alternatives that require it; `free` has the
    bits of those that require none (always kept). `sources[i]` is alternative i alone, the
    others standing in for their groups, so that its matches number their groups as the
    pattern's do.
    """

    pattern: re.Pattern[str]
    sources: tuple[str, ...]
    words: tuple[tuple[str, int], ...]
    free: int
    ignore_case: bool

    @property
    def every(self) -> int:
        "The bits of all the alternatives."
        return (1 << len(self.sources)) - 1

    def mask(self, text: str) -> int:
        """Return the bits of the alternatives that may match `text` (lowered when the pattern ignores case).

        The caller makes sure that a case-insensitive pattern's text holds no case trap
        (`has_case_traps`): lowering would hide a match.
        """
        mask = self.free
        for word, bits in self.words:
            if word in text:
                mask |= bits
        return mask


def has_case_traps(text: str) -> bool:
    "True when `text` holds a character that IGNORECASE matches with another its lowering differs from ('ſ', 'ı')."
    return not text.isascii() and _CASE_TRAPS.search(text) is not None


def alternatives_of(pattern: re.Pattern[str]) -> Alternatives | None:
    """Return a pattern's alternatives and the words they require, or None when no prefilter applies.

    None for verbose patterns (a "|" may hide in a comment), patterns with global inline flags
    (they must stay first), patterns an alternative of which may match the empty string
    (`folding` searches alternatives one by one, which only empty matches would tell apart),
    and patterns where every alternative needs no word, or whose words are too many to be
    worth checking.
    """
    source, flags = pattern.pattern, pattern.flags
    if flags & re.VERBOSE or re.match(r"\(\?[aiLmsux]+\)", source):
        return None
    try:
        alternatives = split_alternatives(source)
        trees = [_parser.parse(a, flags) for a in alternatives]
        if any(tree.getwidth()[0] == 0 for tree in trees):
            return None
        if all(tree.data and tree.data[0] == (sre.AT, sre.AT_BEGINNING) for tree in trees):
            return None  # anchored at the start: `re` tries each position once, quickly
        if _scans_fast(_parser.parse(source, flags)):
            return None  # "Jan|Feb|…": `re` finds the places to try by itself, faster than the words
        words: dict[str, int] = {}
        free = 0
        for i, alternative in enumerate(alternatives):
            found = required_words(alternative, flags)
            if found is None:
                free |= 1 << i
            for word in found or ():
                words[word] = words.get(word, 0) | 1 << i
        stand_ins = (
            [_never_matching(a, flags) for a in alternatives] if pattern.groups else [""] * len(alternatives)
        )
    except re.error:
        return None  # a split inside some construct the splitter does not know: no prefilter
    if free == (1 << len(alternatives)) - 1 or len(words) > _MAX_WORDS_PER_ALTERNATIVE * len(alternatives):
        return None
    sources = tuple(
        "|".join(a for a in (*stand_ins[:i], alternative, *stand_ins[i + 1 :]) if a)
        for i, alternative in enumerate(alternatives)
    )
    return Alternatives(pattern, sources, tuple(words.items()), free, bool(flags & re.IGNORECASE))


def literal_first(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Return a pattern matching exactly what `pattern` matches, rewritten so that `re` can scan fast.

    Why: `re` skips ahead to the places where a match can start only when the pattern starts
    with a literal (or alternatives that each do); "\\bago\\b" starts with `\\b`, so it is tried
    at every position. "ago(?<=\\bago)\\b" starts with "ago" and matches the same: the
    zero-width items in front of a literal run move into a lookbehind after it, which checks
    them at the same place. An alternation in front is spread over what follows it
    ("\\b(?:a|b)c" → "a(?<=\\ba)c|b(?<=\\bb)c", the same tries in the same order) when what
    follows holds no group. The pattern itself when nothing can be moved (or it is
    case-insensitive: `re` does not scan for cased literals then).
    """
    if pattern.flags & re.IGNORECASE:
        return pattern
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        alternatives = _lead_with_literal(list(tree.data), tree.state)
        if alternatives is None:
            return pattern
        if len(alternatives) == 1:
            items = alternatives[0]
        elif all(a[0][0] is sre.LITERAL for a in alternatives):
            items = [_branch(alternatives, tree.state)]
        else:
            items = _class_first(alternatives, tree.state)
        rewritten: re.Pattern[str] = _compiler.compile(_parser.SubPattern(tree.state, items), pattern.flags)
    except (re.error, RecursionError):
        return pattern
    return rewritten


def _branch(alternatives: list[list[Any]], state: Any) -> tuple[Any, Any]:
    return (sre.BRANCH, (None, [_parser.SubPattern(state, a) for a in alternatives]))


def _class_first(alternatives: list[list[Any]], state: Any) -> list[Any]:
    """Return alternatives that each start with one character as one class, then each checking its own.

    Why: `re` scans fast for alternatives that all start with a literal, but not when one
    starts with a class (";…|\\s—\\s|,\\s+but"): it then tries every alternative at every
    position. "[;\\s,](?:(?<=;)…|(?<=\\s)—\\s|(?<=,)\\s+but)" starts with a class, which `re`
    scans for; each alternative then checks, looking back, that the character taken was its own
    first one, and goes on from there as it did: the same tries, in the same order, at the same places.
    """
    union: list[Any] = []
    for alternative in alternatives:
        op, av = alternative[0]
        union += [(op, av)] if op is sre.LITERAL else av
    spread = [[(sre.ASSERT, (-1, _parser.SubPattern(state, a[:1]))), *a[1:]] for a in alternatives]
    return [(sre.IN, union), _branch(spread, state)]


def _lead_with_literal(items: list[Any], state: Any, depth: int = 0) -> list[list[Any]] | None:
    "Return alternatives equivalent to `items`, in order, each starting with a literal; None if some cannot."
    if depth > 3:
        return None
    while items and items[0][0] is sre.SUBPATTERN and items[0][1][0] is None and items[0][1][1:3] == (0, 0):
        items = list(items[0][1][3].data) + items[1:]  # a plain "(?:…)" in front: its items
    k = 0
    while k < len(items) and items[k][0] in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        k += 1
    zero, rest = items[:k], items[k:]
    if not rest or any(av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING) for op, av in zero if op is sre.AT):
        return None  # (an anchored pattern is tried once at the start already)
    if any(_holds_group([item]) for item in zero):
        return None
    op, av = rest[0]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1 and _one_character(list(av[2].data)):
        # "[a-z]{3,}ed" → "[a-z][a-z]{2,}ed": the same lengths tried in the same order, the first one apart
        least, most, sub = av
        tail = (op, (least - 1, most if most is sre.MAXREPEAT else most - 1, sub))
        return _lead_with_literal(
            zero + list(sub.data) + ([tail] if most != 1 else []) + rest[1:], state, depth
        )
    if _one_character([rest[0]]) and op is not sre.LITERAL:
        # a class: one character, which `_class_first` scans for with the other alternatives' first ones
        return (
            [rest]
            if not zero
            else [[rest[0], (sre.ASSERT, (-1, _parser.SubPattern(state, zero + rest[:1]))), *rest[1:]]]
        )
    if op is sre.LITERAL:
        n = 1
        while n < len(rest) and rest[n][0] is sre.LITERAL:
            n += 1
        run = rest[:n]
        if not zero:
            return [rest]
        return [[*run, (sre.ASSERT, (-1, _parser.SubPattern(state, zero + run))), *rest[n:]]]
    if op is sre.SUBPATTERN and av[0] is None and av[1:3] == (0, 0):
        return _lead_with_literal(zero + list(av[3].data) + rest[1:], state, depth)
    if op is sre.BRANCH and not _holds_group(rest[1:]):
        spread: list[list[Any]] = []
        for branch in av[1]:
            found = _lead_with_literal(zero + list(branch.data) + rest[1:], state, depth + 1)
            if found is None:
                return None
            spread += found
        return spread
    return None


def _one_character(items: list[Any]) -> bool:
    """True for one literal, or one class of literals and spaces (a class `_class_first` can join with others).

    (Not a class of letters, "[a-z]" or "\\w": most characters are in it, and a pattern starting
    with `\\b` fails faster where it cannot match than a scan stopping at every letter.)
    """
    if len(items) != 1:
        return False
    op, av = items[0]
    return op is sre.LITERAL or (
        op is sre.IN
        and all(o is sre.LITERAL or (o is sre.CATEGORY and a is sre.CATEGORY_SPACE) for o, a in av)
    )


def _holds_group(items: list[Any]) -> bool:
    "True when parsed items hold a capturing group or a reference to one (they may not be copied)."
    for op, av in items:
        if op in (sre.GROUPREF, sre.GROUPREF_EXISTS) or (op is sre.SUBPATTERN and av[0] is not None):
            return True
        if any(_holds_group(list(sub.data)) for sub in _subpatterns(av)):
            return True
    return False


def _subpatterns(av: Any) -> list[Any]:
    "The parsed sub-patterns inside an item's argument, at any depth of tuples and lists."
    if isinstance(av, _parser.SubPattern):
        return [av]
    if isinstance(av, tuple | list):
        return [s for a in av for s in _subpatterns(a)]
    return []
