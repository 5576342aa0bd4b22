"""Near-duplicate articles: the same wire story republished, lightly edited, on several sites.

Input: an article's cleaned text. Output: a `Fingerprint`: a MinHash signature of
its word shingles (128 32-bit values) and one bucket per LSH band, which the store
keeps in indexed tables, so "which stored articles may be copies of this one" is one
SQL query however many articles the store holds (no in-memory index to rebuild);
and `copy_candidate`, which picks the original's event that a copy's report describes.

Why MinHash over word 5-shingles: a syndicated copy changes the headline (not part of
the text), adds or drops a sentence or a paragraph, or appends boilerplate ("This
story was first published by …"); each such edit only touches the shingles inside it,
so the copy keeps most of the original's shingles (Jaccard 0.6–0.95). Two articles
about the same meeting written by different reporters share names and a few phrases,
but few runs of five words (Jaccard below 0.1). Longer shingles also keep apart
articles made from one template with different names (each changed name breaks five
shingles), which 2- or 3-shingles would link.

Why LSH bands: 32 bands of 4 rows make two articles of Jaccard 0.5 share a band with
probability 1 − (1 − 0.5⁴)³² = 0.87 and of Jaccard 0.6 with 0.99, while articles of
Jaccard 0.2 rarely do (0.05); the estimated Jaccard of the full signatures ranks them, and
an exact comparison of the best candidates' texts decides (`copy_similarity`).

What it does not do: link articles published more than MAX_PUBLISHED_GAP_DAYS apart
(a recycled text is a new report), detect translations, or copies shorter than MIN_WORDS words
(too short to tell a copy from two reports that say the same thing), or merge two
stored articles after the fact. The first article saved is the original; a copy is
linked to the original of the article it resembles most.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np

from diplograph.models import parse_partial_date

# Calibration (tests/test_dedupe.py and bench/bench_parallel.py: hand-written wire stories
# and their edited copies, other stories of the same meetings, and the template variants of
# bench/make_corpus.py, one sample article filled in with other states): 5-word shingles,
# link at a Jaccard of 0.5. Edited copies scored 0.55–0.97 and a shingle/word Jaccard ratio
# of 0.84–1.0; other stories of one meeting 0.00–0.06; template variants published the
# same day 0.5–1.0 but with a ratio of 0.54–0.85 (median 0.71). Re-run both after changing.
SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
LINK_THRESHOLD = 0.5
CANDIDATE_THRESHOLD = 0.4  # estimated from signatures (±0.04 at 128 values); the exact check decides
MIN_BLOCK_RATIO = 0.8
MIN_WORDS = 40
SEED = 1

# Syndicated copies appear within days of the original; the same wording published a
# year or more apart is a recycled template or an anniversary piece, not a copy (the
# generated benchmark corpus is full of those: one sample with other years and states).
MAX_PUBLISHED_GAP_DAYS = 31

# A copy re-resolves relative dates ("on Tuesday") against its own publication date,
# which can move a date by up to a week; beyond that a copy's event is a different one.
COPY_MAX_DAY_GAP = 7
COPY_MIN_PARTY_OVERLAP = 0.5

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The MinHash signature of a text (NUM_PERM little-endian uint32) and its LSH band buckets."""

    signature: bytes
    bands: tuple[int, ...]


def words(text: str) -> list[str]:
    """Return the words of a text, case-folded and NFKC-normalised (punctuation and quotes dropped)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str) -> set[bytes]:
    """Return the set of SHINGLE_WORDS-word runs of a text, as UTF-8 bytes (empty when too short)."""
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return set()
    return {
        " ".join(tokens[i : i + SHINGLE_WORDS]).encode("utf-8", "surrogatepass")
        for i in range(len(tokens) - SHINGLE_WORDS + 1)
    }


def fingerprint(text: str) -> Fingerprint | None:
    """Return the MinHash fingerprint of a text, or None when it has fewer than MIN_WORDS words.

    Example:
        >>> fp = fingerprint(" ".join(f"word{i}" for i in range(60)))
        >>> len(fp.signature), len(fp.bands)
        (512, 32)
    """
    grams = shingles(text)
    if not grams:
        return None
    # Imported here, not at the top: datasketch imports scipy (~0.5 s), which only saving needs.
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32", permutations=_permutations())
    minhash.update_batch(sorted(grams))
    values = np.asarray(minhash.hashvalues, dtype="<u4")
    return Fingerprint(signature=values.tobytes(), bands=_bands(values))


def similarity(a: bytes, b: bytes) -> float:
    """Return the Jaccard similarity of two texts estimated from their signatures (share of equal values)."""
    left, right = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    if left.shape != right.shape:
        return 0.0
    return float(np.count_nonzero(left == right)) / len(left)


def published_close(a: str | None, b: str | None) -> bool:
    """True when two publication dates allow one article to be a copy of the other.

    Unknown dates allow it; two days must be at most MAX_PUBLISHED_GAP_DAYS apart; a
    year or month must contain the other date ("2026-03" and "2026-03-11").
    """
    if not a or not b:
        return True
    if len(a) == len(b) == 10:
        day_a, day_b = parse_partial_date(a), parse_partial_date(b)
        return day_a is not None and day_b is not None and abs((day_a - day_b).days) <= MAX_PUBLISHED_GAP_DAYS
    return a.startswith(b) or b.startswith(a)


def ranked_candidates(signature: bytes, stored: Iterable[tuple[str, bytes]]) -> list[tuple[str, float]]:
    """Return the stored documents whose estimated similarity reaches CANDIDATE_THRESHOLD, best first.

    Ties go to the smallest id, so the order does not depend on the order of `stored`.
    """
    scored = sorted((-similarity(signature, other), document) for document, other in stored)
    return [(document, -score) for score, document in scored if -score >= CANDIDATE_THRESHOLD]


def copy_similarity(text: str, other: str) -> float | None:
    """Return the Jaccard similarity of two texts' 5-shingles when one is a copy of the other, else None.

    A copy shares at least LINK_THRESHOLD of its shingles, and its edits come in blocks (a
    sentence or paragraph added or cut, boilerplate), so it loses about as many 5-word
    runs as single words: shingle Jaccard ≥ MIN_BLOCK_RATIO × word Jaccard. A text
    rewritten with other names throughout (a template filled in for another country)
    keeps its words but breaks many runs, and is not a copy.
    """
    (ours, our_words), (theirs, their_words) = _sets(text), _sets(other)
    if not ours or not theirs:
        return None
    shingle_jaccard = len(ours & theirs) / len(ours | theirs)
    word_jaccard = len(our_words & their_words) / len(our_words | their_words)
    if shingle_jaccard < LINK_THRESHOLD or shingle_jaccard < MIN_BLOCK_RATIO * word_jaccard:
        return None
    return shingle_jaccard


def copy_candidate(
    report_kind: str,
    report_status: str,
    report_family: Sequence[str],
    report_parties: Sequence[str],
    report_date: str | None,
    originals: Iterable[tuple[str, str, str, Sequence[str], str | None]],
) -> str | None:
    """Return the id of the original's event that a copy's report describes, when one fits best.

    Used when the usual matching found no event with a close date: the copy's extraction
    may differ slightly from the original's (a date resolved a week apart, one party more
    or less from an added sentence), and the article is still the same report of the same event.

    Args:
        report_kind: the copy's event kind.
        report_status: its status.
        report_family: the statuses its event may join (`reconcile.status_family`).
        report_parties: its parties.
        report_date: its date (partial ISO) or None.
        originals: (id, kind, status, parties, date) of the original's stored events.

    Returns:
        Among the stored events of the same kind and status group whose parties overlap by
        at least COPY_MIN_PARTY_OVERLAP (Jaccard) and whose date is within COPY_MAX_DAY_GAP
        days (or either is undated, or one is a prefix of the other): the one with the same
        status, then both dated, then the closest date, then the most shared parties;
        None when none fits or two fit equally well.
    """
    ours = set(report_parties)
    ranked: list[tuple[tuple[int, int, int, float], str]] = []
    for event_id, kind, status, parties, date in originals:
        overlap = _overlap(ours, set(parties))
        gap = _days_apart(report_date, date)
        if (
            kind != report_kind
            or status not in report_family
            or overlap < COPY_MIN_PARTY_OVERLAP
            or gap is None
        ):
            continue
        dated = bool(report_date and date)
        ranked.append(((status != report_status, not dated, gap, -overlap), event_id))
    ranked.sort()
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0] and ranked[0][1] != ranked[1][1]):
        return None
    return ranked[0][1]


@lru_cache(maxsize=8)
def _sets(text: str) -> tuple[frozenset[bytes], frozenset[str]]:
    "Return a text's shingles and words (cached: a new document is compared with up to 3 stored ones)."
    return frozenset(shingles(text)), frozenset(words(text))


def _overlap(a: set[str], b: set[str]) -> float:
    "Return the Jaccard overlap of two party sets (0 when both are empty)."
    return len(a & b) / len(a | b) if a | b else 0.0


def _days_apart(a: str | None, b: str | None) -> int | None:
    """Return how many days apart two dates are for copy matching, or None when too far apart.

    0 when either is missing or one is a prefix of the other; the gap in days for two
    day-precise dates at most COPY_MAX_DAY_GAP apart.
    """
    if not a or not b or a.startswith(b) or b.startswith(a):
        return 0
    if len(a) == len(b) == 10:
        day_a, day_b = parse_partial_date(a), parse_partial_date(b)
        if day_a is not None and day_b is not None and abs((day_a - day_b).days) <= COPY_MAX_DAY_GAP:
            return abs((day_a - day_b).days)
    return None


def _bands(values: np.ndarray) -> tuple[int, ...]:
    "Return one signed 63-bit bucket per band: a hash of the band's ROWS values (fits a BIGINT)."
    buckets = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        buckets.append(int.from_bytes(digest, "little") >> 1)
    return tuple(buckets)


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    "Return the MinHash permutations, drawn once per process (drawing them costs more than hashing a text)."
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32").permutations  # type: ignore[no-any-return]
