"""Normalise a document's text and split it into sentences: stage 2 of the pipeline.

Input: a `RawDocument` (decoded text, as read by `ingest`).
Output: an `Article` whose `text` is the normalised text that every later
character offset refers to, with its sentences as `(start, end)` spans of it.

Normalisation keeps the text readable and offsets simple: Unicode NFC; `\\r\\n`,
`\\r` and other line separators become `\\n`; exotic spaces (no-break, thin,
ideographic...) become a plain space; zero-width, bidi and control characters
are removed (this also drops the zero-width joiners of emoji sequences, which
no later stage reads); runs of spaces and tabs collapse into one space; lines
are stripped; more than one blank line collapses into one; a quote escaped by a
backslash (`People\\'s`, left over from a page's JSON or SQL) loses the backslash.
Curly quotes and dashes are kept as they are, so a quote is a verbatim substring
of the text.

Why our own splitter rather than a model: it is pure Python + `re` (several
million characters per second, no optional dependency, deterministic), and the
rules below are tuned for news and readouts, where the hard cases are
abbreviations and initials in names and titles ("Gen. Lloyd J. Austin",
"S. Jaishankar", "the U.S. Navy") rather than unusual syntax.

Hard-wrapped paragraphs (every line but the last of wrap width and not ending
a sentence) are unwrapped first: their line breaks become spaces.

Sentence rules:
1. A line break always ends a sentence, so headlines, datelines and bylines
   without final punctuation are sentences of their own.
2. `.`, `!`, `?` or `…` (possibly repeated, possibly followed by closing quotes
   or brackets), then whitespace, then an uppercase letter, a digit, a letter
   of a script without case, an opening quote, or a bracket opening on an
   uppercase letter or digit, ends a sentence — except after a single `.`
   that ends:
   - a title (`Mr.`, `Gen.`, `Amb.`...), `e.g.`, `i.e.`, `vs.`, `cf.`: never;
   - `No.`, `Vol.`, `p.` or an abbreviated month (`Jan.`, `Sept.`...) when a
     digit follows ("No. 10", "Dec. 5");
   - a dotted abbreviation (`U.S.`, `U.K.`, `U.N.`, `E.U.`, `P.R.C.`, `a.m.`,
     `Ph.D.`), a single-letter initial (`W.`, `S.`) or a company/name suffix
     (`Inc.`, `Ltd.`, `Jr.`), also as the last part of a compound
     ("Japan-U.S."): only when the next word is a typical sentence starter
     (`SENTENCE_STARTERS`: The, A, It, He, They, But, However...).
     "talks in the U.S. The ministers" splits; "the U.S. Secretary of State",
     "the Japan-U.S. Security Consultative Committee" and "George W. Bush" do not;
   - a list number or letter opening the sentence ("1. ", "IV. ", "b. ").
"""

from __future__ import annotations

import re
import unicodedata

from diplograph.extract.folding import comparable
from diplograph.models import Article, RawDocument, Sentence

# ── normalisation tables ─────────────────────────────────────────────────────

_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028"
_EXOTIC_SPACES = (
    "\t\x1f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_INVISIBLE = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_CONTROLS = "".join(
    chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x1C), *range(0x7F, 0x85), *range(0x86, 0xA0))
)
_TRANSLATION: dict[int, str | None] = {
    **{ord(c): "\n" for c in _LINE_BREAKS},
    ord("\u2029"): "\n\n",  # paragraph separator
    **{ord(c): " " for c in _EXOTIC_SPACES},
    **{ord(c): None for c in _INVISIBLE + _CONTROLS},
    **{c: "\ufffd" for c in range(0xD800, 0xE000)},  # lone surrogates cannot be stored as UTF-8
}
_NEEDS_TRANSLATION = re.compile(
    "[" + re.escape(_LINE_BREAKS + "\u2029" + _EXOTIC_SPACES + _INVISIBLE + _CONTROLS) + "\ud800-\udfff]"
)
_SPACES = re.compile(r" {2,}")
_LINE_EDGES = re.compile(r" *\n *")
_BLANK_LINES = re.compile(r"\n{3,}")

# ── sentence tables ─────────────────────────────────────────────────────────
# Tuned on tests/test_clean.py's tables and checked by hand on the sentences of
# the dev corpus (wire copy, press releases, readouts); re-run
# `pytest tests/test_clean.py` after a change.

# Never end a sentence after these (compared capitalised: "MR." and "Mr." alike).
TITLES = frozenset(
    {
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Adm",
        "Brig", "Sgt", "Cpl", "Pvt", "Sen", "Rep", "Gov", "Pres", "Amb", "Hon", "Rev", "Fr", "St", "Mt",
        "Ft", "Messrs", "Mme", "Mlle", "Supt", "Insp", "Det", "Rt", "Gov't", "Govt", "Dept", "Univ",
    }
)  # fmt: skip
# Never end a sentence after these (compared as written).
NEVER_SPLIT = frozenset({"e.g", "i.e", "E.g", "I.e", "vs", "v", "cf", "viz", "approx", "ca", "incl", "esp"})
# Do not end a sentence after these when a digit follows ("No. 10", "Sept. 21").
BEFORE_NUMBER = frozenset(
    {
        "No", "Nos", "no", "Vol", "vol", "Art", "art", "Fig", "fig", "p", "pp", "para", "Para", "Ch", "ch",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    }
)  # fmt: skip
# End a sentence after these only before a sentence starter ("Acme Inc. The board...").
SUFFIXES = frozenset({"Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Bros", "Plc", "al", "Esq"})
# After a dotted abbreviation, an initial or a suffix, only these words start a
# new sentence: "in the U.S. The talks" splits, "the U.S. Navy" does not.
SENTENCE_STARTERS = frozenset(
    {
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "This", "That", "These", "Those", "In",
        "On", "At", "But", "However", "Both", "There", "Its", "His", "Her", "Their", "Our", "Meanwhile",
        "Earlier", "Later", "If", "Yet", "Such", "Some", "Many", "Most",
    }
)  # fmt: skip
# A "sentence" longer than this is cut at a space: the event rules compare every trigger
# with every actor of a sentence, so their cost grows with the cube of its length (a
# 12,000-character run-on took 3 minutes; issue 5, hostile input). Real sentences stay far
# below: the longest of the sample corpus and tests/articles has 468 characters. Re-run
# tests/test_hostile_input.py and tests/test_quality_gate.py after changing it.
MAX_SENTENCE_CHARS = 1_000
_ROMAN_ENUMERATORS = frozenset(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])

_SENTENCE_END = "[.!?\u2026]+"
_CLOSERS = "[\"'\u201d\u2019\u00bb)\\]]*"
_OPENERS = frozenset("\"'\u201c\u2018\u00ab\u201e")
_BRACKETS = frozenset("([")
_BREAK_CHARS = "\n" + _LINE_BREAKS + "\u2029"
# Either a run of line breaks, or a sentence-ending candidate: end marks,
# closing quotes/brackets, then horizontal whitespace.
# Or a full stop glued to the next sentence, as scraped pages lose the space between
# paragraphs ("…troops to Russia.According to the ministry…"): a lower-case word before it
# ("Mr.", "U.S." and "St." are not) and a capitalised word after it.
_CANDIDATE = re.compile(
    f"(?P<brk>[{_BREAK_CHARS}]+)|(?P<end>{_SENTENCE_END})(?P<close>{_CLOSERS})[^\\S{_BREAK_CHARS}]+(?=\\S)"
    # (and after a day or a closing quote: "… in Luang Prabang on March 4.The meetings took place")
    # (and after a space a page put before the stop: "… at the Elysee Palace .France is the first …")
    '|(?<=[a-z]{2}|[a-z\\d\\s]\\d|[a-z]["\u201d\u2019)]|[a-z] )(?P<glued>[.!?]["\u201d\u2019]?)'
    # (a short opening word too: "… the inter-Korean summit talks last week.He requested …"; and a quotation
    # opening the next sentence: "… into the nuclear mainstream.\u201cWe expect …")
    r"(?=[\u201c\u2018\"]?(?:[A-Z][a-z]{2}|(?:He|It|We|In|On|At|As|By|If|An|To|A)\s))"
)
_DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
_WORD = re.compile(r"\w+")
_COMPOUND_PARTS = re.compile("[-/\u2010\u2011\u2013\u2014]")
_LOOKBACK = 40  # longest abbreviation we look at, in characters
_LONGEST_ENUMERATOR = 8  # "  VIII" and the like, with some leading space


def clean_document(raw: RawDocument) -> Article:
    """Return the article of a raw document: normalised text and its sentences.

    Args:
        raw: a document as read by `ingest`.

    Returns:
        An Article with the raw document's id, label, source, url, title and
        published, `text` normalised (see the module docstring) and
        `sentences` whose offsets refer to that text. A headline the body does
        not open with is put before it as a paragraph of its own: extracted
        pages and feeds give the title apart, and it is often the one line
        that names the meeting the story then calls "the summit". Never
        raises: a text that is empty once normalised gives an article without
        sentences.
    """
    text = normalise_text(raw.text)
    title = normalise_text(raw.title or "").strip()
    # (typography aside: a page's title metadata writes "ministers' meeting" where its body writes "ministers’")
    if title and not comparable(text[: len(title) + 40]).startswith(comparable(title)[:40]):
        text = title + "\n\n" + text
    return Article(
        id=raw.id,
        source=raw.source,
        text=text,
        sentences=tuple(split_sentences(text)),
        title=raw.title,
        url=raw.url,
        published=raw.published,
        label=raw.label,
    )


def normalise_text(text: str) -> str:
    """Return `text` normalised for extraction: NFC, plain spaces and newlines, stripped lines.

    Args:
        text: any string.

    Returns:
        The normalised text (see the module docstring for each step). Curly
        quotes, dashes and all visible characters are kept as they are.
    """
    text = text.replace("\r\n", "\n")
    if _NEEDS_TRANSLATION.search(text):
        text = text.translate(_TRANSLATION)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\\" in text:
        text = _ESCAPED_QUOTE.sub(
            r"\1", text
        )  # ("the People\\'s Republic of China" is not the Republic of China)
    text = _SPACES.sub(" ", text)
    text = _LINE_EDGES.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    text = _CUT_AFTER_FUNCTION_WORD.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    return _unwrap_paragraphs(text.strip(" \n"))


_ESCAPED_QUOTE = re.compile(r"\\(['\"’])")


# A line that ends on a word no sentence or heading ends on ("The next", "the summit of the")
# was cut mid-sentence by a page's layout or an excerpt: the line after it continues it. (A blank
# line after it is left alone: that is a paragraph's end, however it ends.)
_CUT_AFTER_FUNCTION_WORD = re.compile(
    r"(\b(?:the|a|an|of|to|for|with|by|from|and|or|next|between|its|their|his|her))(\n)(?=[A-Za-z])"
)


# A paragraph is hard-wrapped (plain-text wire copy, e-mail) when it has
# several lines and every line but the last is of typical wrap width and does
# not end a sentence. Calibrated on 60–120 character wraps; headlines above a
# body line are shorter than the body line under them and stay on their own.
_WRAP_MIN, _WRAP_MAX = 40, 120
_LINE_END_PUNCT = (".", "!", "?", ":", '"', "”", "’", ")")


def _unwrap_paragraphs(text: str) -> str:
    "Join the lines of hard-wrapped paragraphs with a space (same length, so offsets are unchanged)."
    if "\n" not in text:
        return text
    paragraphs = text.split("\n\n")
    for index, paragraph in enumerate(paragraphs):
        lines = paragraph.split("\n")
        if len(lines) < 2:
            continue
        body = lines[:-1]
        if all(
            _WRAP_MIN <= len(line) <= _WRAP_MAX and not line.endswith(_LINE_END_PUNCT) for line in body
        ) and (len(lines[-1]) <= max(len(line) for line in body) + 2):
            paragraphs[index] = " ".join(lines)
        elif len(
            open_lines := [k for k, line in enumerate(body) if not line.endswith(_LINE_END_PUNCT)]
        ) >= 2 and sum(
            _WRAP_MIN <= len(lines[k]) <= _WRAP_MAX or _runs_on(lines[k], lines[k + 1]) for k in open_lines
        ) >= 0.8 * len(open_lines):
            # Wrapped copy whose sentences sometimes end at a line's end ("…held a\nmeeting in Kars in
            # February. The ministers\nnoted …"): a line that ends no sentence runs on when it is of
            # wrap width or the next line goes on in lower case
            paragraphs[index] = "".join(
                line + ("\n" if k == len(lines) - 1 or _ends_line(line, lines[k + 1]) else " ")
                for k, line in enumerate(lines)
            )[:-1]
    return "\n\n".join(paragraphs)


def _ends_line(line: str, following: str) -> bool:
    "True when a line of wrapped copy ends where its words do: a sentence's end, or a short line before a capital."
    if line.endswith(_LINE_END_PUNCT):
        return True
    return not (_WRAP_MIN <= len(line) <= _WRAP_MAX or _runs_on(line, following))


def _runs_on(line: str, following: str) -> bool:
    """True when a line of some length is followed by one that goes on in lower case ('…arrived in Nicosia' / 'yesterday.').

    So is a lone word before a line of wrap width, in copy that breaks each paragraph's first word
    onto a line of its own ('Foreign' / 'Secretary Paudyal held bilateral meeting with his …').
    """
    if _LONE_WORD.fullmatch(line) and _WRAP_MIN <= len(following) <= _WRAP_MAX:
        return True
    return len(line) >= _WRAP_MIN // 2 and following[:1].islower()


_LONE_WORD = re.compile(r"[\"“]?[A-Z][a-z]+")


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of `text`, with character offsets into it.

    Args:
        text: any string; normally `Article.text`, already normalised.

    Returns:
        Sentences in text order, non-overlapping, each stripped of surrounding
        whitespace, with `text[s.start:s.end] == s.text` (see the module
        docstring for where sentences end).
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        if match.lastgroup == "brk":
            end, next_start = match.start(), match.end()
        elif match.lastgroup == "glued":
            end = next_start = match.end()
        elif _ends_sentence(text, start, match.start("end"), match.end("end"), match.end()):
            end, next_start = match.end("close"), match.end()
        else:
            continue
        _append_stripped(sentences, text, start, end)
        start = next_start
    _append_stripped(sentences, text, start, len(text))
    return sentences


def _append_stripped(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    "Append text[start:end], stripped of whitespace, as the next sentence(s) (nothing if blank)."
    while end - start > MAX_SENTENCE_CHARS:  # cut at the last space before the limit, else at it
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _append_stripped(sentences, text, start, cut)
        start = cut
    segment = text[start:end]
    stripped = segment.strip()
    if stripped:
        first = start + len(segment) - len(segment.lstrip())
        sentences.append(
            Sentence(index=len(sentences), start=first, end=first + len(stripped), text=stripped)
        )


def _ends_sentence(text: str, sentence_start: int, mark_start: int, mark_end: int, next_start: int) -> bool:
    "True when the end marks at text[mark_start:mark_end] end the sentence begun at `sentence_start`."
    if not _is_sentence_opening(text, next_start):
        return False
    if mark_end - mark_start > 1 or text[mark_start] != ".":
        return True
    word = _word_before(text, max(sentence_start, mark_start - _LOOKBACK), mark_start)
    if not word:
        return True
    if word.capitalize() in TITLES or word in NEVER_SPLIT:
        return False
    if word in BEFORE_NUMBER and text[next_start].isdigit():
        return False
    if mark_start - sentence_start <= _LONGEST_ENUMERATOR and _is_enumerator(text[sentence_start:mark_start]):
        return False
    if word in SUFFIXES or (len(word) == 1 and word.isalpha()) or _DOTTED.fullmatch(word):
        following = _WORD.match(text, next_start)
        return following is not None and following.group() in SENTENCE_STARTERS
    return True


def _is_sentence_opening(text: str, position: int) -> bool:
    "True when the character at `position` can begin a sentence (never a lowercase letter)."
    char = text[position]
    if char.isalnum():
        return not char.islower()
    if char in _OPENERS:
        return True
    if char in _BRACKETS and position + 1 < len(text):
        following = text[position + 1]
        return following.isalnum() and not following.islower()
    return False


def _word_before(text: str, window_start: int, position: int) -> str:
    "Return the word before `position`: its part after any hyphen, without opening quotes ('' after a space)."
    window = text[window_start:position]
    if not window or window[-1].isspace():
        return ""
    token = window.rsplit(None, 1)[-1]
    if len(token) == _LOOKBACK:  # a longer token is no abbreviation
        return ""
    return _COMPOUND_PARTS.split(token)[-1].lstrip("\"'\u201c\u2018\u00ab\u201e([")  # "Japan-U.S" → "U.S"


def _is_enumerator(prefix: str) -> bool:
    "True when a sentence so far is only a list number or letter ('1', 'IV', 'b')."
    prefix = prefix.strip()
    return (
        (prefix.isdigit() and len(prefix) <= 3)
        or prefix in _ROMAN_ENUMERATORS
        or (len(prefix) == 1 and prefix.isalpha())
    )
