"""tools/annotator_agreement.py: how far two annotators of the same articles agree.

The figure is the ceiling a blind-set score is read against, so the tool must count like
`diplograph evaluate`: one annotator's required items are predictions against the other's.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "annotator_agreement.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("annotator_agreement", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _event(
    kind: str, parties: list[str], status: str = "occurred", optional: bool = False
) -> dict[str, object]:
    return {
        "kind": kind,
        "parties": parties,
        "status": status,
        "date": "2026-04-21",
        "date_end": None,
        "location": {"city": "Phnom Penh", "country": "KHM"},
        "ordinal": 1,
        "people": [],
        "topics": [],
        "evidence": "the two sides held their first 2+2 dialogue",
        "optional": optional,
    }


def _write(root: Path, doc: str, events: list[dict[str, object]]) -> Path:
    (root / "gold").mkdir(parents=True, exist_ok=True)
    (root / "gold" / f"{doc}.json").write_text(
        json.dumps({"doc": f"{doc}.txt", "events": events, "mechanisms": []}), encoding="utf-8"
    )
    return root


def test_two_annotators_who_agree_score_one(tmp_path, capsys):
    first = _write(tmp_path / "a", "phnom-penh", [_event("2+2 dialogue", ["CHN", "KHM"])])
    second = _write(tmp_path / "b", "phnom-penh", [_event("2+2 dialogue", ["KHM", "CHN"])])
    assert _tool().main([str(first), str(second), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["documents"] == 1
    assert figures["second_against_first"]["events"]["f1"] == pytest.approx(1.0)


def test_an_event_only_one_annotator_saw_is_an_extra_one_way_and_a_miss_the_other(tmp_path, capsys):
    two_plus_two = _event("2+2 dialogue", ["CHN", "KHM"])
    talks = _event("bilateral talks", ["CHN", "IDN"], status="planned")
    first = _write(tmp_path / "a", "phnom-penh", [two_plus_two])
    second = _write(tmp_path / "b", "phnom-penh", [two_plus_two, talks])
    assert _tool().main([str(first), str(second), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    second_vs_first = figures["second_against_first"]["events"]
    first_vs_second = figures["first_against_second"]["events"]
    assert (second_vs_first["tp"], second_vs_first["fp"], second_vs_first["fn"]) == (1, 1, 0)
    assert (first_vs_second["tp"], first_vs_second["fp"], first_vs_second["fn"]) == (1, 0, 1)


def test_an_item_marked_optional_is_not_counted_as_a_prediction(tmp_path, capsys):
    first = _write(tmp_path / "a", "phnom-penh", [_event("2+2 dialogue", ["CHN", "KHM"])])
    second = _write(
        tmp_path / "b",
        "phnom-penh",
        [_event("2+2 dialogue", ["CHN", "KHM"]), _event("summit", ["CHN", "KHM"], optional=True)],
    )
    assert _tool().main([str(first), str(second), "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["second_against_first"]["events"]
    assert (events["tp"], events["fp"]) == (1, 0)


def test_corpora_with_no_document_in_common_are_refused(tmp_path, capsys):
    first = _write(tmp_path / "a", "phnom-penh", [_event("2+2 dialogue", ["CHN", "KHM"])])
    second = _write(tmp_path / "b", "jakarta", [_event("2+2 dialogue", ["CHN", "IDN"])])
    assert _tool().main([str(first), str(second)]) == 2
    assert "no document in common" in capsys.readouterr().err
