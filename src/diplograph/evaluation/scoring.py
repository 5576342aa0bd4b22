"""Score extracted events and mechanisms against gold annotations.

Input: a gold corpus, either `CORPUS/gold/NAME.json` beside `CORPUS/articles/NAME.txt`
(the shared dev corpus) or `NAME.json` beside `NAME.txt` in one folder (our
`tests/articles/`), and, per document id, the events and mechanisms a system extracted.
Output: a `Scores` object: micro precision / recall / F1 for events and mechanisms,
per event kind and per document, attribute accuracy on matched events, the list of
modality errors, and every match, false positive and false negative with its
evidence, so a drop in a figure can be traced to the items behind it. Each false
positive and negative is also given a class of error (`classify_errors`: wrong
status, wrong kind, wrong parties, duplicate, spurious, missed...), an extra and a
miss of the same thing being one near-miss pair; and `Scores.reliability()` says how
often extracted events are right per confidence bin, so a confidence cut-off can be
chosen from evidence.

Why this shape: the rules are the ones of `shared/corpus/README.md`, reproduced
exactly, so that `diplograph evaluate` and the quality gate report the figures the
corpus is meant to be read with:

- an extracted event matches a gold event of the same document when `kind` is
  equal, the statuses fall in the same `vocab.status_group` (occurred | planned |
  proposed-or-predicted) and the parties are equal; when either side has three or
  more states, a Jaccard overlap of at least 0.6 is enough;
- matching is one-to-one and optimal, not greedy: an assignment (Hungarian
  algorithm on each document's small matrix) first maximises the number of
  required gold items matched, then the number of optional ones absorbed, then the
  agreement of the pairs (exact parties, then Jaccard, then date, then the other
  attributes). An optional item therefore never takes a prediction a required one
  could have, and a prediction matched to an optional item is neither hit nor miss;
- mechanisms are matched the same way on kind, status group (existing |
  proposed-or-predicted) and parties;
- attributes are scored on matched required events only (`event_attributes`), and a
  modality error is an extracted `occurred` event of a format the document's gold
  has only as proposed or predicted (`_modality_errors`).

The module never reads article text and imports no pipeline stage: it works on
`Event`/`Mechanism` objects, however they were produced.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from diplograph.errors import InputError

# Gold loading lives in `gold`; re-exported here so `evaluate` is the one import for scoring.
from diplograph.evaluation.gold import GoldDocument as GoldDocument
from diplograph.evaluation.gold import GoldEvent as GoldEvent
from diplograph.evaluation.gold import GoldMechanism as GoldMechanism
from diplograph.evaluation.gold import gold_layout as gold_layout
from diplograph.evaluation.gold import load_gold as load_gold
from diplograph.evaluation.gold import read_gold_file as read_gold_file
from diplograph.models import Event, Extraction, Location, Mechanism, Person
from diplograph.vocab import (
    EVENT_KINDS,
    EventStatus,
    MechanismStatus,
    status_group,
)

logger = logging.getLogger(__name__)

# The corpus README's party rule: exact party sets, or a Jaccard overlap of at least
# 0.6 when either side has three or more states. Fixed by the corpus, not tuned.
MULTILATERAL_MIN_PARTIES = 3
MIN_PARTY_JACCARD = Fraction(3, 5)

# Attribute names in `Scores.attributes`, in report order. `date` is the headline
# (exact string equality); `date_lenient` also gives 0.5 to a correct prefix.
ATTRIBUTES: tuple[str, ...] = ("date", "date_lenient", "date_end", "location", "ordinal", "people", "topics")

# The bins of the reliability table and the threshold of its summary line: round figures
# an analyst can pass to `events --min-confidence`, not cut points fitted to one corpus.
CONFIDENCE_EDGES: tuple[float, ...] = (0.5, 0.6, 0.7, 0.8, 0.9)
HIGH_CONFIDENCE = 0.8
# Confidences are sums of float weights (0.7 + 0.1 = 0.7999999999999999): an event shown
# as 0.8 must count as 0.8, so bin edges are compared with this much slack (as the store's
# `--min-confidence` filter does, so a bin's figures are what that filter would give).
CONFIDENCE_SLACK = 1e-9

# Tokens ignored when comparing people's names ("Teodoro Locsin Jr." = "Teodoro Locsin").
_NAME_NOISE = frozenset({"jr", "sr", "ii", "iii", "iv", "mr", "mrs", "ms", "dr"})
_APOSTROPHES = re.compile(r"['’ʼ‘`]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


# ── results ───────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives, with P/R/F1.

    With nothing predicted and nothing expected, P = R = F1 = 1.0 (nothing was
    wrong); with nothing predicted but something expected, P = R = F1 = 0.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        rates = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        return {**asdict(self), **{name: round(value, 4) for name, value in rates.items()}}


@dataclass(frozen=True, slots=True)
class Accuracy:
    """The mean of a per-event attribute score (1 = right, 0 = wrong) over `total` matched events."""

    total: int = 0
    correct: float = 0.0

    @property
    def value(self) -> float | None:
        """The accuracy, or None when no event was matched."""
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.total, "accuracy": None if self.value is None else round(self.value, 4)}


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemRef:
    """An extracted or gold item (`item` is "event" or "mechanism") as it appears in a report.

    `id` is the extracted object's id, or `DOC#events[i]` / `DOC#mechanisms[i]` for gold.
    `confidence` is the extracted item's (None for gold): the reliability table bins by it.
    """

    doc: str
    item: str
    id: str
    kind: str
    status: str
    parties: tuple[str, ...]
    date: str | None = None
    evidence: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "parties": list(self.parties)}

    def describe(self) -> str:
        """Return a one-line description for text reports."""
        quote = f'  "{self.evidence}"' if self.evidence else ""
        return f"{self.doc}  {self.kind} [{self.status}] {'-'.join(self.parties)} {self.date or '-'}{quote}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Match:
    """An extracted item paired with a gold item.

    `attributes` holds the attribute scores of a required gold event (see
    `event_attributes`); it is empty for mechanisms and optional items, which are not scored.
    """

    predicted: ItemRef
    gold: ItemRef
    optional: bool = False
    attributes: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "predicted": self.predicted.to_dict(), "gold": self.gold.to_dict()}


@dataclass(frozen=True, slots=True, kw_only=True)
class ModalityError:
    """An extracted `occurred` event for a format the gold has only as proposed or predicted."""

    doc: str
    event: ItemRef
    mechanism: ItemRef

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "event": self.event.to_dict(), "mechanism": self.mechanism.to_dict()}


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentScores:
    """The scores of one gold document."""

    doc: str
    events: PRF
    mechanisms: PRF
    modality_errors: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "events": self.events.to_dict(), "mechanisms": self.mechanisms.to_dict()}


@dataclass
class Scores:
    """Everything `score_documents` measured, with the items behind every count.

    `matches` includes matches to optional gold items (`optional=True`), which count
    neither way; `false_negatives` lists required gold items only. `unscored` lists
    prediction keys that name no gold document (ignored). `errors` holds every false
    positive and false negative once, classified (`classify_errors`); `reliability()`
    is the precision of extracted events per confidence bin.
    """

    events: PRF
    mechanisms: PRF
    per_kind: dict[str, PRF]
    attributes: dict[str, Accuracy]
    modality_errors: list[ModalityError]
    per_document: dict[str, DocumentScores]
    matches: list[Match] = field(default_factory=list)
    false_positives: list[ItemRef] = field(default_factory=list)
    false_negatives: list[ItemRef] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)
    errors: list[ErrorCase] = field(default_factory=list, repr=False)

    def reliability(
        self, edges: Sequence[float] = CONFIDENCE_EDGES, threshold: float = HIGH_CONFIDENCE
    ) -> Reliability:
        """Return how often extracted events are right per confidence bin (see `confidence_reliability`).

        An event matched to a required gold event is right, an unmatched one wrong; one
        matched to an optional gold event is neither and is left out, as in `events`.
        """
        outcomes = [(m.predicted, True) for m in self.matches if not m.optional]
        outcomes += [(ref, False) for ref in self.false_positives]
        return confidence_reliability(
            (
                (ref.confidence, right)
                for ref, right in outcomes
                if ref.item == "event" and ref.confidence is not None
            ),
            edges,
            threshold,
        )

    def error_counts(self) -> dict[str, int]:
        """Return how many error cases fall in each class, in `ERROR_CLASSES` order (zeros left out)."""
        found = [case.error for case in self.errors]
        return {name: found.count(name) for name in ERROR_CLASSES if name in found}

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """Return the scores as a JSON-serialisable dict; `errors` adds the classified error cases."""
        data = self._base_dict()
        if errors:
            data["errors"] = [case.to_dict() for case in self.errors]
            data["error_counts"] = self.error_counts()
        return data

    def _base_dict(self) -> dict[str, Any]:
        """Return every figure and item of the scores, without the error cases."""
        return {
            "events": self.events.to_dict(),
            "mechanisms": self.mechanisms.to_dict(),
            "modality_errors": [e.to_dict() for e in self.modality_errors],
            "attributes": {name: acc.to_dict() for name, acc in self.attributes.items()},
            "per_kind": {kind: prf.to_dict() for kind, prf in self.per_kind.items()},
            "per_document": {doc: s.to_dict() for doc, s in self.per_document.items()},
            "matches": [m.to_dict() for m in self.matches],
            "false_positives": [r.to_dict() for r in self.false_positives],
            "false_negatives": [r.to_dict() for r in self.false_negatives],
            "reliability": self.reliability().to_dict(),
            "unscored": list(self.unscored),
        }


# ── scoring ───────────────────────────────────────────────────────────────────

# What the matcher pairs: an extracted item with a gold one, of the same type.
_Extracted = Event | Mechanism
_Gold = GoldEvent | GoldMechanism


def predictions_from_extractions(
    extractions: Iterable[Extraction],
) -> dict[str, tuple[list[Event], list[Mechanism]]]:
    """Return the `predicted` mapping of `score_documents`, keyed by `article.label` (else `article.id`).

    The label, because gold files are named after the article's file (`talks.txt`),
    while a document's id names its content.
    """
    predicted: dict[str, tuple[list[Event], list[Mechanism]]] = {}
    for extraction in extractions:
        events, mechanisms = predicted.setdefault(extraction.article.label or extraction.article.id, ([], []))
        events.extend(extraction.events)
        mechanisms.extend(extraction.mechanisms)
    return predicted


def score_documents(
    predicted: Mapping[str, tuple[Sequence[Event], Sequence[Mechanism]]],
    gold: Mapping[str, GoldDocument],
) -> Scores:
    """Return the scores of extracted events and mechanisms against gold documents.

    Args:
        predicted: per document id, the extracted events and mechanisms. An id is
            matched to a gold `doc` as is, by its file name (`dir/name.txt`), or with
            `.txt` added (`name`).
        gold: the gold documents, as returned by `load_gold`. A gold document with no
            predictions counts each of its required items as a false negative.

    Returns:
        Micro-averaged scores over all gold documents (see `Scores`).

    Raises:
        InputError: two prediction keys name the same gold document.
    """
    by_doc: dict[str, tuple[Sequence[Event], Sequence[Mechanism]]] = {}
    unscored: list[str] = []
    for key, prediction in predicted.items():
        doc = _gold_key(key, gold)
        if doc is None:
            unscored.append(key)
        elif doc in by_doc:
            raise InputError(f'two prediction keys name gold document "{doc}"', source=key)
        else:
            by_doc[doc] = prediction
    if unscored:
        logger.warning(
            "no gold document for %d predicted document(s): %s", len(unscored), ", ".join(unscored)
        )

    matches: list[Match] = []
    false_positives: list[ItemRef] = []
    false_negatives: list[ItemRef] = []
    modality_errors: list[ModalityError] = []
    errors: list[ErrorCase] = []
    for doc in sorted(gold):
        events, mechanisms = by_doc.get(doc, ((), ()))
        modal = _modality_errors(doc, events, gold[doc])
        for item, extracted, annotated in (
            ("event", events, gold[doc].events),
            ("mechanism", mechanisms, gold[doc].mechanisms),
        ):
            paired, unmatched, missed = _match(doc, item, extracted, annotated)
            matches += paired
            false_positives += unmatched
            false_negatives += missed
            errors += classify_errors(paired, unmatched, missed, _gold_refs(doc, item, annotated), modal)
        modality_errors += modal

    found = (matches, false_positives, false_negatives)
    required = [m.gold for m in matches if not m.optional]
    seen = {r.kind for r in (*false_positives, *false_negatives, *required) if r.item == "event"}
    kinds = [k for k in EVENT_KINDS if k in seen] + sorted(seen - set(EVENT_KINDS))
    scored = [m.attributes for m in matches if m.gold.item == "event" and not m.optional]
    return Scores(
        events=_count(found, "event"),
        mechanisms=_count(found, "mechanism"),
        per_kind={kind: _count(found, "event", kind=kind) for kind in kinds},
        attributes={name: Accuracy(len(scored), sum(a[name] for a in scored)) for name in ATTRIBUTES},
        modality_errors=modality_errors,
        per_document={
            doc: DocumentScores(
                doc=doc,
                events=_count(found, "event", doc=doc),
                mechanisms=_count(found, "mechanism", doc=doc),
                modality_errors=sum(1 for e in modality_errors if e.doc == doc),
            )
            for doc in sorted(gold)
        },
        matches=matches,
        false_positives=false_positives,
        false_negatives=false_negatives,
        unscored=unscored,
        errors=errors,
    )


def _count(
    found: tuple[list[Match], list[ItemRef], list[ItemRef]], item: str, *, kind: str = "", doc: str = ""
) -> PRF:
    """Count required matches, false positives and false negatives of one item type (and kind or document)."""
    matches, false_positives, false_negatives = found

    def keep(ref: ItemRef) -> bool:
        return ref.item == item and kind in ("", ref.kind) and doc in ("", ref.doc)

    return PRF(
        tp=sum(1 for m in matches if not m.optional and keep(m.gold)),
        fp=sum(1 for r in false_positives if keep(r)),
        fn=sum(1 for r in false_negatives if keep(r)),
    )


def _gold_key(key: str, gold: Mapping[str, GoldDocument]) -> str | None:
    """Return the gold `doc` a prediction key names, if any."""
    name = Path(key).name
    return next((c for c in (key, name, f"{name}.txt") if c in gold), None)


def _ref(doc: str, item: str, id: str, obj: _Extracted | _Gold) -> ItemRef:
    """Describe an extracted or gold event or mechanism for reports."""
    confidence = None
    if isinstance(obj, Event | Mechanism):
        evidence = obj.sources[0].quote if obj.sources else None
        confidence = obj.confidence
    else:
        evidence = obj.evidence
    date = obj.date if isinstance(obj, Event | GoldEvent) else None
    parties = tuple(sorted(obj.parties))
    return ItemRef(
        doc=doc,
        item=item,
        id=id,
        kind=obj.kind,
        status=obj.status,
        parties=parties,
        date=date,
        evidence=evidence,
        confidence=confidence,
    )


def _gold_refs(doc: str, item: str, gold: Sequence[_Gold]) -> list[ItemRef]:
    """Describe a document's gold events or mechanisms, with ids `DOC#events[i]` / `DOC#mechanisms[i]`."""
    return [_ref(doc, item, f"{doc}#{item}s[{i}]", g) for i, g in enumerate(gold)]


def _match(
    doc: str, item: str, extracted: Sequence[_Extracted], gold: Sequence[_Gold]
) -> tuple[list[Match], list[ItemRef], list[ItemRef]]:
    """Return the matches, false positives and false negatives of one document's events or mechanisms.

    Required gold items are tier 2 and optional ones tier 1 of `best_assignment`, so
    the number of required items matched is maximised first.
    """
    pairs = best_assignment(
        len(extracted),
        len(gold),
        lambda p, g: (
            (1 if gold[g].optional else 2, _quality(extracted[p], gold[g]))
            if _is_match(extracted[p], gold[g])
            else None
        ),
    )
    extracted_refs = [_ref(doc, item, x.id, x) for x in extracted]
    gold_refs = _gold_refs(doc, item, gold)
    matches = [
        Match(
            predicted=extracted_refs[p],
            gold=gold_refs[g],
            optional=gold[g].optional,
            attributes=_attributes(extracted[p], gold[g]),
        )
        for p, g in pairs
    ]
    paired_p, paired_g = {p for p, _ in pairs}, {g for _, g in pairs}
    false_positives = [ref for p, ref in enumerate(extracted_refs) if p not in paired_p]
    false_negatives = [ref for g, ref in enumerate(gold_refs) if g not in paired_g and not gold[g].optional]
    return matches, false_positives, false_negatives


def _modality_errors(doc: str, events: Sequence[Event], gold: GoldDocument) -> list[ModalityError]:
    """Return the extracted `occurred` events of formats the gold has only as proposed or predicted.

    A gold mechanism is "only" proposed or predicted when the same document's gold has
    no `existing` mechanism and no `occurred` event of that kind and those parties.
    """
    attested: list[_Gold] = [m for m in gold.mechanisms if m.status == MechanismStatus.EXISTING]
    attested += [e for e in gold.events if e.status == EventStatus.OCCURRED]
    undecided = [
        (_ref(doc, "mechanism", f"{doc}#mechanisms[{i}]", m), m)
        for i, m in enumerate(gold.mechanisms)
        if m.status != MechanismStatus.EXISTING and not any(_is_same_format(m, a) for a in attested)
    ]
    errors = []
    for event in events:
        ref = next((ref for ref, m in undecided if _is_same_format(event, m)), None)
        if event.status == EventStatus.OCCURRED and ref is not None:
            errors.append(ModalityError(doc=doc, event=_ref(doc, "event", event.id, event), mechanism=ref))
    return errors


# ── error classes ─────────────────────────────────────────────────────────────

# The classes of `ErrorCase.error`, in report order. Each is decided from what the scorer
# knows (kind, status group, parties, evidence, the modality rule), never from article text.
MODALITY_ERROR = "modality error"
WRONG_STATUS = "wrong status"
WRONG_KIND = "wrong kind"
WRONG_PARTIES = "wrong parties"
WRONG_KIND_AND_STATUS = "wrong kind and status"
WRONG_STATUS_AND_PARTIES = "wrong status and parties"
DUPLICATE = "duplicate"
MERGED = "merged"
SPURIOUS = "spurious"
MISSED = "missed"
ERROR_CLASSES: tuple[str, ...] = (
    MODALITY_ERROR,
    WRONG_STATUS,
    WRONG_KIND,
    WRONG_PARTIES,
    WRONG_KIND_AND_STATUS,
    WRONG_STATUS_AND_PARTIES,
    DUPLICATE,
    MERGED,
    SPURIOUS,
    MISSED,
)
# The class named by what differs between an extracted and a gold item (see `_differences`).
_CLASS_OF_DIFFERENCES = {
    (): DUPLICATE,
    ("status",): WRONG_STATUS,
    ("kind",): WRONG_KIND,
    ("parties",): WRONG_PARTIES,
    ("kind", "status"): WRONG_KIND_AND_STATUS,
    ("status", "parties"): WRONG_STATUS_AND_PARTIES,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorCase:
    """One extra (false positive), one miss (false negative), or a near-miss pair of both, with its class.

    Why pairs: when the extractor finds a gold event but gets its status, kind or some of
    its parties wrong, the scorer counts one extra and one miss; shown together they read
    as the one mistake they are.

    `extra` is an extracted item that matched nothing and `miss` a required gold item
    nothing matched; a near-miss pair has both. A lone extra or miss has as `near` the
    closest related item on the other side (matched, optional, or itself an error), for
    context; a lone extra's class is named after it (see `_extra_case`, `_miss_case`).
    `detail` says what the lines do not: the states that differ, and what `near` is
    matched with.
    """

    doc: str
    item: str
    error: str
    extra: ItemRef | None = None
    miss: ItemRef | None = None
    near: ItemRef | None = None
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        refs = {"extra": self.extra, "miss": self.miss, "near": self.near}
        return {
            "doc": self.doc,
            "item": self.item,
            "error": self.error,
            **{name: ref.to_dict() if ref else None for name, ref in refs.items()},
            "detail": self.detail,
        }


def classify_errors(
    matches: Sequence[Match],
    extras: Sequence[ItemRef],
    misses: Sequence[ItemRef],
    gold: Sequence[ItemRef],
    modality_errors: Sequence[ModalityError] = (),
) -> list[ErrorCase]:
    """Return the error cases of one document's events or mechanisms, in `ERROR_CLASSES` order.

    Args:
        matches: the document's matches of this item type (optional ones included).
        extras: its false positives.
        misses: its false negatives.
        gold: every gold item of the document of this type (matched, missed, optional).
        modality_errors: the document's modality errors; an extra among them is one.

    Related extras and misses are first paired, by an optimal assignment that prefers
    pairs with one difference, then the same evidence, party overlap and date; each
    other extra or miss is named after the closest related item on the other side.
    """
    modal = {error.event: error.mechanism for error in modality_errors}
    pairs = best_assignment(len(extras), len(misses), lambda e, m: _pair_weight(extras[e], misses[m]))
    cases = [_pair_case(extras[e], misses[m], modal) for e, m in pairs]
    paired_extras, paired_misses = {e for e, _ in pairs}, {m for _, m in pairs}
    extracted = [m.predicted for m in matches] + list(extras)
    cases += [
        _extra_case(x, gold, matches, misses, modal) for i, x in enumerate(extras) if i not in paired_extras
    ]
    cases += [_miss_case(g, extracted, matches) for i, g in enumerate(misses) if i not in paired_misses]
    return sorted(cases, key=lambda case: ERROR_CLASSES.index(case.error))


def _differences(extracted: ItemRef, gold: ItemRef) -> tuple[str, ...] | None:
    """Return what differs between two items ("kind", "status", "parties"), or None when unrelated.

    Two items are related when they share a state and either their kind or their parties
    (by the matching rule): an item that shares only a state, or only a kind with other
    states, is about something else. "parties" differ when they overlap without matching.
    Nothing differing means the two would match.
    """
    same_kind = extracted.kind == gold.kind
    same_parties = is_party_match(extracted.parties, gold.parties)
    overlap = bool(set(extracted.parties) & set(gold.parties))
    if not overlap or not (same_kind or same_parties):
        return None
    differing = (
        ("kind", not same_kind),
        ("status", status_group(extracted.status) != status_group(gold.status)),
        ("parties", not same_parties),
    )
    return tuple(name for name, differs in differing if differs)


def _closeness(extracted: ItemRef, gold: ItemRef) -> tuple[int, int, int, int] | None:
    """Rank how close two related items are: fewer differences, same evidence, party overlap, same date."""
    differing = _differences(extracted, gold)
    if differing is None:
        return None
    overlap = round(1000 * jaccard(extracted.parties, gold.parties))
    return -len(differing), int(_same_evidence(extracted, gold)), overlap, int(extracted.date == gold.date)


def _same_evidence(a: ItemRef, b: ItemRef) -> bool:
    """True when one item's evidence contains the other's (case and spacing aside): the same sentence."""
    left, right = (" ".join((ref.evidence or "").lower().split()) for ref in (a, b))
    return bool(left and right) and (left in right or right in left)


def _pair_weight(extra: ItemRef, miss: ItemRef) -> tuple[int, int] | None:
    """Weigh an extra and a miss as a near-miss pair (`best_assignment`): one difference before two."""
    closeness = _closeness(extra, miss)
    if closeness is None or closeness[0] == 0:  # 0 differences cannot happen: they would have matched
        return None
    fewer_differences, evidence, overlap, date = closeness  # fewer_differences is -1 or -2
    return 3 + fewer_differences, (evidence * 1001 + overlap) * 2 + date  # tier 2 beats tier 1


def _nearest(ref: ItemRef, others: Sequence[ItemRef]) -> ItemRef | None:
    """Return the item of `others` closest to `ref` (the first of equals), or None when none is related.

    `_closeness` is symmetric, so `ref` may be the extracted or the gold side.
    """
    ranked = [(rank, -i) for i, other in enumerate(others) if (rank := _closeness(ref, other)) is not None]
    return others[-max(ranked)[1]] if ranked else None


def _class_of(extracted: ItemRef, gold: ItemRef) -> str:
    """Return the error class named by what differs between two related items."""
    return _CLASS_OF_DIFFERENCES[_differences(extracted, gold) or ()]


def _pair_case(extra: ItemRef, miss: ItemRef, modal: Mapping[ItemRef, ItemRef]) -> ErrorCase:
    """Return the case of a near-miss pair; a wrong status that is a modality error is called so."""
    error = _class_of(extra, miss)
    if extra in modal and "status" in (_differences(extra, miss) or ()):
        error = MODALITY_ERROR
    detail = _parties_detail(extra, miss)
    return ErrorCase(doc=extra.doc, item=extra.item, error=error, extra=extra, miss=miss, detail=detail)


def _extra_case(
    extra: ItemRef,
    gold: Sequence[ItemRef],
    matches: Sequence[Match],
    misses: Sequence[ItemRef],
    modal: Mapping[ItemRef, ItemRef],
) -> ErrorCase:
    """Return the case of an extra that pairs with no miss, named after the nearest gold item.

    The nearest gold item may be matched by another extraction: the extra is then a
    second, partly wrong reading of something found, and its class says what is wrong.
    """
    if extra in modal:
        mechanism = modal[extra]
        detail = f"the gold has this format only as a {mechanism.status} mechanism"
        return ErrorCase(
            doc=extra.doc, item=extra.item, error=MODALITY_ERROR, extra=extra, near=mechanism, detail=detail
        )
    near = _nearest(extra, gold)
    if near is None:
        return ErrorCase(doc=extra.doc, item=extra.item, error=SPURIOUS, extra=extra)
    taken = next((m for m in matches if m.gold == near), None)
    if taken is not None:
        state = f"that {'optional ' if taken.optional else ''}gold item is matched by {taken.predicted.id}"
    else:
        state = "that gold item is missed" if near in misses else "that optional gold item is not matched"
    detail = "; ".join(part for part in (_parties_detail(extra, near), state) if part)
    error = _class_of(extra, near)
    return ErrorCase(doc=extra.doc, item=extra.item, error=error, extra=extra, near=near, detail=detail)


def _miss_case(miss: ItemRef, extracted: Sequence[ItemRef], matches: Sequence[Match]) -> ErrorCase:
    """Return the case of a miss that pairs with no extra: merged into another match, or missed.

    Unlike an extra, a lone miss is not named after a partial resemblance: its nearest
    extraction is a correct match (or a pair) of something else, so nothing got *it* wrong.
    That extraction is still shown, for context, when it differs in one thing only or
    quotes the same sentence; a looser resemblance would only distract.
    """
    near = _nearest(miss, extracted)
    if near is None or not _is_telling(near, miss):
        return ErrorCase(doc=miss.doc, item=miss.item, error=MISSED, miss=miss)
    taken = next((m for m in matches if m.predicted == near), None)
    state = f"that extraction matches {_local_id(taken.gold)}" if taken else "that extraction is an extra"
    detail = "; ".join(part for part in (_parties_detail(near, miss), state) if part)
    error = MERGED if _differences(near, miss) == () else MISSED
    return ErrorCase(doc=miss.doc, item=miss.item, error=error, miss=miss, near=near, detail=detail)


def _is_telling(extracted: ItemRef, gold: ItemRef) -> bool:
    """True when an extraction says something about a miss: one difference away, or the same sentence."""
    closeness = _closeness(extracted, gold)
    return closeness is not None and (closeness[0] >= -1 or bool(closeness[1]))


def _local_id(ref: ItemRef) -> str:
    """Return a gold item's id without its document (`events[2]`), which the report already names."""
    return ref.id.removeprefix(f"{ref.doc}#")


def _parties_detail(extracted: ItemRef, gold: ItemRef) -> str:
    """Say which states the extracted item has that the gold lacks, and which it misses."""
    extra = sorted(set(extracted.parties) - set(gold.parties))
    missing = sorted(set(gold.parties) - set(extracted.parties))
    parts = [f"extra states: {', '.join(extra)}"] if extra else []
    parts += [f"missing states: {', '.join(missing)}"] if missing else []
    return "; ".join(parts)


# ── reliability of confidence ─────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class ConfidenceBin:
    """The extracted events whose confidence is in [low, high): how many, and how many were right.

    `low` None is no lower bound, `high` None no upper bound. Right means matched to a
    required gold event. `precision` is None for an empty bin (nothing to measure).
    """

    low: float | None
    high: float | None
    n: int = 0
    correct: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.n if self.n else None

    @property
    def label(self) -> str:
        """The bin as printed: `< 0.5`, `0.5–0.6`, `≥ 0.9`."""
        if self.low is None:
            return f"< {self.high:g}"
        if self.high is None:
            return f"≥ {self.low:g}"
        return f"{self.low:g}–{self.high:g}"

    def contains(self, confidence: float) -> bool:
        """True when `confidence` falls in this bin (edges compared with `CONFIDENCE_SLACK`)."""
        above_low = self.low is None or confidence >= self.low - CONFIDENCE_SLACK
        return above_low and (self.high is None or confidence < self.high - CONFIDENCE_SLACK)

    def to_dict(self) -> dict[str, Any]:
        precision = None if self.precision is None else round(self.precision, 4)
        return {
            "range": self.label,
            "low": self.low,
            "high": self.high,
            "n": self.n,
            "correct": self.correct,
            "precision": precision,
        }


@dataclass(frozen=True, slots=True)
class Reliability:
    """Precision of extracted events per confidence bin, and of those at or above a threshold."""

    bins: tuple[ConfidenceBin, ...]
    above: ConfidenceBin

    def to_dict(self) -> dict[str, Any]:
        return {
            "bins": [b.to_dict() for b in self.bins],
            "threshold": self.above.low,
            "above_threshold": self.above.to_dict(),
        }


def confidence_reliability(
    outcomes: Iterable[tuple[float, bool]],
    edges: Sequence[float] = CONFIDENCE_EDGES,
    threshold: float = HIGH_CONFIDENCE,
) -> Reliability:
    """Return how often extracted events are right in each confidence bin.

    Why: a confidence is worth filtering on (`events --min-confidence`, the API's sort)
    only if higher means more often right; the table shows whether it does, and where a
    cut would keep precision high.

    Args:
        outcomes: (confidence, right) per extracted event, right meaning matched to a
            required gold event. Leave out events matched to optional gold items.
        edges: increasing bin edges; the bins are below the first, between each two,
            and at or above the last.
        threshold: the lower bound of the summary bin (`Reliability.above`).
    """
    known = list(outcomes)
    bounds = zip([None, *edges], [*edges, None], strict=True)
    return Reliability(
        bins=tuple(_filled(ConfidenceBin(low, high), known) for low, high in bounds),
        above=_filled(ConfidenceBin(threshold, None), known),
    )


def _filled(empty: ConfidenceBin, outcomes: Sequence[tuple[float, bool]]) -> ConfidenceBin:
    """Return the bin with the outcomes that fall in it counted."""
    inside = [right for confidence, right in outcomes if empty.contains(confidence)]
    return ConfidenceBin(empty.low, empty.high, n=len(inside), correct=sum(inside))


# ── matching rules ────────────────────────────────────────────────────────────


def jaccard(a: Iterable[str], b: Iterable[str]) -> Fraction:
    """Return the Jaccard overlap of two sets (1 when both are empty), as an exact fraction."""
    left, right = set(a), set(b)
    union = left | right
    return Fraction(len(left & right), len(union)) if union else Fraction(1)


def is_party_match(a: Iterable[str], b: Iterable[str]) -> bool:
    """True when two party lists are equal as sets, or overlap by Jaccard >= 0.6 when either has 3+ states."""
    left, right = set(a), set(b)
    if max(len(left), len(right)) >= MULTILATERAL_MIN_PARTIES:
        return jaccard(left, right) >= MIN_PARTY_JACCARD
    return left == right


def _is_same_format(a: _Extracted | _Gold, b: _Extracted | _Gold) -> bool:
    """True when two items have the same kind and matching parties."""
    return a.kind == b.kind and is_party_match(a.parties, b.parties)


def _is_match(extracted: _Extracted, gold: _Gold) -> bool:
    """True when an extracted item may be paired with a gold item: same kind, status group and parties."""
    return status_group(extracted.status) == status_group(gold.status) and _is_same_format(extracted, gold)


def _attributes(extracted: _Extracted, gold: _Gold) -> dict[str, float]:
    """Return the attribute scores of a pair with a required gold event, else nothing."""
    if isinstance(extracted, Event) and isinstance(gold, GoldEvent) and not gold.optional:
        return event_attributes(extracted, gold)
    return {}


def _quality(extracted: _Extracted, gold: _Gold) -> int:
    """Rank a compatible pair: exact parties, Jaccard, date, other attributes, exact status, in that order."""
    exact = set(extracted.parties) == set(gold.parties)
    rank = 1001 * int(exact) + round(1000 * jaccard(extracted.parties, gold.parties))
    if isinstance(extracted, Event) and isinstance(gold, GoldEvent):
        scores = event_attributes(extracted, gold)
        others = sum(scores[name] for name in ("date_end", "location", "ordinal", "people", "topics"))
        rank = (rank * 3 + round(2 * scores["date_lenient"])) * 101 + round(20 * others)
    return rank * 2 + int(extracted.status == gold.status)


def best_assignment(
    rows: int, cols: int, weigh: Callable[[int, int], tuple[int, int] | None]
) -> list[tuple[int, int]]:
    """Return the best one-to-one set of (row, col) pairs.

    Args:
        rows: number of rows (e.g. extracted items).
        cols: number of columns (e.g. gold items).
        weigh: `(tier, quality)` for an allowed pair (tier >= 1, quality >= 0), None
            for a forbidden one.

    Returns:
        Pairs sorted by row. The set maximises the number of pairs of the highest
        tier, then of the next tier, and so on, then the sum of qualities: an
        optimal assignment, so no greedy choice can lose a match another would find.
    """
    allowed = {(r, c): w for r in range(rows) for c in range(cols) if (w := weigh(r, c)) is not None}
    if not allowed:
        return []
    # Each tier's base outweighs any number of pairs of the tiers below it, so one
    # Hungarian run optimises the tiers lexicographically.
    k = min(rows, cols) + 1
    q = max(quality for _, quality in allowed.values()) + 1
    base = [0]
    for _ in range(max(tier for tier, _ in allowed.values())):
        base.append(k * (base[-1] + q))
    size = max(rows, cols)
    weights = [[0] * size for _ in range(size)]
    for (r, c), (tier, quality) in allowed.items():
        weights[r][c] = base[tier] + quality
    return [(r, c) for r, c in enumerate(_hungarian_max(weights)) if (r, c) in allowed]


def _hungarian_max(weights: list[list[int]]) -> list[int]:
    """Return, for each row of a square matrix, its column in a maximum-weight assignment (O(n³))."""
    n = len(weights)
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)  # potentials of rows and columns
    owner = [0] * (n + 1)  # owner[j]: row (1-based) assigned to column j; column 0 is a sentinel
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        owner[0], j0 = i, 0
        minv, used = [math.inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], math.inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = -weights[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            owner[j0], j0 = owner[way[j0]], way[j0]
    assignment = [0] * n
    for j in range(1, n + 1):
        assignment[owner[j] - 1] = j - 1
    return assignment


# ── attribute rules ───────────────────────────────────────────────────────────


def event_attributes(event: Event, gold: GoldEvent) -> dict[str, float]:
    """Return the score (0..1) of each attribute of an extracted event against its gold event.

    - `date`, `date_end`, `ordinal`: 1 when equal (both null included), else 0.
    - `date_lenient`: like `date`, but 0.5 when the extracted date is a shorter,
      correct prefix of the gold one ("2025-04" for "2025-04-21").
    - `location`: see `is_same_location`.
    - `people`: F1 of a one-to-one matching of people (see `is_same_person`); 1.0 when both are empty.
    - `topics`: Jaccard of the topic sets; 1.0 when both are empty.
    """
    exact_date = event.date == gold.date
    prefix = event.date is not None and gold.date is not None and gold.date.startswith(f"{event.date}-")
    return {
        "date": float(exact_date),
        "date_lenient": 1.0 if exact_date else 0.5 if prefix else 0.0,
        "date_end": float(event.date_end == gold.date_end),
        "location": float(is_same_location(event.location, gold.location)),
        "ordinal": float(event.ordinal == gold.ordinal),
        "people": people_f1(event.people, gold.people),
        "topics": float(jaccard(event.topics, gold.topics)),
    }


def fold(text: str) -> str:
    """Return `text` lower-cased, without diacritics or apostrophes, other punctuation as spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", _APOSTROPHES.sub("", bare.lower())).split())


def is_same_location(predicted: Location | None, gold: Location | None) -> bool:
    """True when two locations agree.

    Countries must be equal (case-insensitive; a missing location counts as no
    country and no city). Cities are compared after `fold` ("Xi'an" = "Xian",
    "Nur-Sultan" = "Nur Sultan"); when both are given, one city's words must be the
    final words of the other's ("Delhi" = "New Delhi"), or its first words before a word that only says it
    is a city ("Washington" = "Washington D.C.", "Kuwait" = "Kuwait City"). Both cities null is right; one
    null is wrong.
    """
    p_country, p_city = _location_key(predicted)
    g_country, g_city = _location_key(gold)
    if p_country != g_country:
        return False
    if not p_city or not g_city:
        return p_city == g_city
    short, long = sorted((p_city.split(), g_city.split()), key=len)
    return long[len(long) - len(short) :] == short or (
        long[: len(short)] == short and set(long[len(short) :]) <= _CITY_SUFFIXES
    )


# The words a city's name may take after it and stay the same city: "Kuwait City", "Washington D.C.".
_CITY_SUFFIXES = frozenset({"city", "d", "c", "dc"})


def _location_key(location: Location | None) -> tuple[str | None, str | None]:
    """Return (upper-case country, folded city) of a location, None for what is missing."""
    if location is None:
        return None, None
    country = location.country.strip().upper() if location.country else None
    return country or None, fold(location.city) if location.city else None


def is_same_person(a: Person, b: Person) -> bool:
    """True when two people are the same: equal folded full names, or same country and surname.

    Names are folded and titles/suffixes (Mr, Dr, Jr., III...) dropped. The surname
    is the last word ("S. Jaishankar" = "Subrahmanyam Jaishankar"); a one-word name
    also matches the first word of the other, for family-name-first names
    ("Wang" = "Wang Yi"). Countries are compared as given (null = null).
    """
    left, right = _name_words(a.name), _name_words(b.name)
    if not left or not right:
        return False
    if left == right:
        return True
    if (a.country or "").upper() != (b.country or "").upper():
        return False
    if left[-1] == right[-1]:
        return True
    short, long = sorted((left, right), key=len)
    return len(short) == 1 and short[0] == long[0]


def _name_words(name: str) -> list[str]:
    """Return the folded words of a name without titles and suffixes."""
    return [word for word in fold(name).split() if word not in _NAME_NOISE]


def people_f1(predicted: Sequence[Person], gold: Sequence[Person]) -> float:
    """Return the F1 between two lists of people (1.0 when both are empty)."""
    if not predicted and not gold:
        return 1.0
    pairs = best_assignment(
        len(predicted),
        len(gold),
        lambda p, g: (
            (1, int(fold(predicted[p].name) == fold(gold[g].name)))
            if is_same_person(predicted[p], gold[g])
            else None
        ),
    )
    return 2 * len(pairs) / (len(predicted) + len(gold))


# ── text report ───────────────────────────────────────────────────────────────


def format_scores(scores: Scores, by_doc: bool = False, *, details: bool = False) -> str:
    """Return a plain-text report of `scores` with aligned columns.

    The first three lines are stable (tools may parse them):

        events      P=0.900 R=0.850 F1=0.874  (tp=17 fp=2 fn=3)
        mechanisms  P=...
        modality errors: 0

    Args:
        scores: the result of `score_documents`.
        by_doc: add a table of per-document scores.
        details: list every false positive, false negative and modality error.
    """
    matched = scores.attributes["date"].total
    lines = [
        _prf_line("events", scores.events),
        _prf_line("mechanisms", scores.mechanisms),
        f"modality errors: {len(scores.modality_errors)}",
        "",
        f"attribute accuracy on {matched} matched events",
    ]
    for name, accuracy in scores.attributes.items():
        lines.append(f"  {name:<14}{_fmt(accuracy.value)}")
    lines += ["", f"{'kind':<27}{_COLUMNS}"]
    lines += [f"{kind:<27}{_prf_columns(prf)}" for kind, prf in scores.per_kind.items()]
    if by_doc:
        width = max([len("document"), *(len(doc) for doc in scores.per_document)]) + 2
        lines += ["", f"{'document':<{width}}{_COLUMNS}{'mechF1':>8}{'modal':>7}"]
        for doc, ds in scores.per_document.items():
            lines.append(
                f"{doc:<{width}}{_prf_columns(ds.events)}{ds.mechanisms.f1:>8.3f}{ds.modality_errors:>7}"
            )
    lines += ["", *format_reliability(scores.reliability())]
    if details:
        for title, refs in (
            ("false positives", scores.false_positives),
            ("false negatives", scores.false_negatives),
        ):
            lines += ["", f"{title}: {len(refs)}"] + [f"  {r.item:<10} {r.describe()}" for r in refs]
        lines += ["", f"modality errors: {len(scores.modality_errors)}"]
        lines += [
            f"  {e.event.describe()}  <- gold {e.mechanism.status} mechanism" for e in scores.modality_errors
        ]
    if scores.unscored:
        lines += ["", f"predictions without gold (ignored): {', '.join(scores.unscored)}"]
    return "\n".join(lines)


def _prf_line(label: str, prf: PRF) -> str:
    """Render one headline P/R/F1 line."""
    return (
        f"{label:<12}P={prf.precision:.3f} R={prf.recall:.3f} F1={prf.f1:.3f}  "
        f"(tp={prf.tp} fp={prf.fp} fn={prf.fn})"
    )


_COLUMNS = f"{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"


def _prf_columns(prf: PRF) -> str:
    """Render P, R, F1, tp, fp, fn as table columns."""
    return f"{prf.precision:>7.3f}{prf.recall:>7.3f}{prf.f1:>7.3f}{prf.tp:>5}{prf.fp:>5}{prf.fn:>5}"


def _fmt(value: float | None) -> str:
    """Render an accuracy, or n/a when nothing was measured."""
    return "  n/a" if value is None else f"{value:.3f}"


def format_reliability(reliability: Reliability) -> list[str]:
    """Return the lines of the reliability table and its summary line.

    The last line reads `events with confidence ≥ 0.8: precision 0.950 (n=40)`.
    """
    lines = [
        "reliability of event confidence (optional-gold matches left out)",
        f"{'confidence':<12}{'n':>6}{'correct':>9}{'precision':>11}",
    ]
    lines += [f"{b.label:<12}{b.n:>6}{b.correct:>9}{_fmt(b.precision):>11}" for b in reliability.bins]
    above = reliability.above
    lines.append(
        f"events with confidence ≥ {above.low:g}: precision {_fmt(above.precision).strip()} (n={above.n})"
    )
    return lines


# The error report's columns: class, then mark (- missed / + extra / ~ gold / ~ found), then
# the item. Quotes are cut so that a line stays readable in a terminal (JSON has them whole).
_CLASS_WIDTH = max(len(name) for name in ERROR_CLASSES) + 2
_MARK_WIDTH = 10
_QUOTE_CHARS = 80


def format_errors(scores: Scores) -> str:
    """Return every error case of `scores`, by document and item type, then a count per class.

    Each item is one line: `- missed` (a gold item, with its gold evidence), `+ extra`
    (an extracted item, with its confidence and quote) or `~ gold` / `~ found` (the
    nearest item on the other side, for context). A near-miss pair is a `- missed`
    line followed by its `+ extra` line under one class.
    """
    lines = [f"errors: {len(scores.errors)} case(s) ({_error_totals(scores)})"]
    for doc in sorted({case.doc for case in scores.errors}):
        lines += ["", doc]
        for item in ("event", "mechanism"):
            cases = [case for case in scores.errors if case.doc == doc and case.item == item]
            lines += [f"  {item}s"] if cases else []
            lines += [line for case in cases for line in _case_lines(case)]
    counts = ", ".join(f"{name} {n}" for name, n in scores.error_counts().items())
    lines += ["", f"errors by class: {counts or 'none'}"]
    return "\n".join(lines)


def _error_totals(scores: Scores) -> str:
    """Summarise the extras and misses behind the cases, per item type."""
    parts = []
    for item in ("event", "mechanism"):
        extras = sum(1 for r in scores.false_positives if r.item == item)
        misses = sum(1 for r in scores.false_negatives if r.item == item)
        parts.append(f"{item}s: {extras} extra, {misses} missed")
    return "; ".join(parts)


def _case_lines(case: ErrorCase) -> list[str]:
    """Render one error case: its class, one line per item, then what differs."""
    rows = [
        ("- missed", case.miss),
        ("+ extra", case.extra),
        ("~ gold" if case.extra else "~ found", case.near),
    ]
    shown = [(mark, ref) for mark, ref in rows if ref is not None]
    indent = " " * (4 + _CLASS_WIDTH)
    lines = [
        f"{f'    {case.error:<{_CLASS_WIDTH}}' if not i else indent}{mark:<{_MARK_WIDTH}}{_item_line(ref)}"
        for i, (mark, ref) in enumerate(shown)
    ]
    if case.detail:
        lines.append(f"{indent}{'':<{_MARK_WIDTH}}({case.detail})")
    return lines


def _item_line(ref: ItemRef) -> str:
    """Render an item without its document: kind, status, parties, date, confidence and quote."""
    confidence = f"  conf {ref.confidence:.2f}" if ref.confidence is not None else ""
    quote = " ".join((ref.evidence or "").split())
    if len(quote) > _QUOTE_CHARS:
        quote = quote[: _QUOTE_CHARS - 1].rstrip() + "…"
    quote = f'  "{quote}"' if quote else "  (no evidence)"
    return f"{ref.kind} [{ref.status}] {'-'.join(ref.parties)} {ref.date or '-'}{confidence}{quote}"
