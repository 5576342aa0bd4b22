"""The command line, used as an analyst would: extract, ingest, query, show, evaluate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.extract.ingest import content_id
from diplograph.store import Store

HERE = Path(__file__).resolve().parent

PHNOM_PENH_READOUT = """url: https://example.org/readout
title: China and Cambodia hold first 2+2 dialogue
published: 2026-04-22
---
PHNOM PENH, April 22 -- China and Cambodia held their first-ever "2+2" strategic dialogue of foreign and
defence ministers in Phnom Penh on Tuesday.

Chinese Foreign Minister Wang Yi and Defense Minister Dong Jun met their Cambodian counterparts, Foreign
Minister Prak Sokhonn and Defense Minister Tea Seiha.

The two sides agreed to hold the second round of the dialogue in China next year.
"""

FORECAST_OPINION = """url: https://example.org/opinion
title: Who is next for China's 2+2?
published: 2026-05-02
---
After Indonesia and Cambodia, analysts expect China to hold similar 2+2 dialogues with Kazakhstan and
Kyrgyzstan, the likely candidates for the next round of Beijing's ministerial diplomacy.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "readout.txt").write_text(PHNOM_PENH_READOUT, encoding="utf-8")
    (folder / "opinion.txt").write_text(FORECAST_OPINION, encoding="utf-8")
    return folder


def _json(output: str) -> dict:
    return json.loads(output)


def test_extract_json_follows_the_documented_contract(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(cli, ["extract", str(corpus / "readout.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = _json(result.stdout)
    assert set(data) == {"documents", "events", "mechanisms"}
    document_id = content_id(PHNOM_PENH_READOUT.split("---\n", 1)[1], "https://example.org/readout")
    assert data["documents"] == [
        {
            "id": document_id,
            "label": "readout.txt",
            "source": str(corpus / "readout.txt"),
            "url": "https://example.org/readout",
            "title": "China and Cambodia hold first 2+2 dialogue",
            "published": "2026-04-22",
        }
    ]
    event = next(e for e in data["events"] if e["kind"] == "2+2 dialogue")
    assert set(event) >= {
        "id", "kind", "status", "parties", "date", "date_end", "location", "ordinal",
        "people", "topics", "mechanism", "confidence", "sources",
    }  # fmt: skip
    assert event["parties"] == ["CHN", "KHM"]
    assert event["status"] == "occurred"
    assert event["date"] == "2026-04-21"
    assert event["ordinal"] == 1
    assert event["location"] == {"city": "Phnom Penh", "country": "KHM"}
    assert {p["name"] for p in event["people"]} >= {"Wang Yi", "Dong Jun", "Prak Sokhonn", "Tea Seiha"}
    # Quotes are verbatim up to whitespace: the cleaner unwraps hard-wrapped lines. A headline the
    # body does not repeat is read as the article's first line, so a quote may come from it.
    header, body = (corpus / "readout.txt").read_text(encoding="utf-8").split("---\n", 1)
    title = next(line[len("title:") :] for line in header.splitlines() if line.startswith("title:"))
    text = " ".join(title.split()) + " " + " ".join(body.split())
    for source in event["sources"]:
        assert source["document"] == document_id
        assert source["end"] - source["start"] == len(source["quote"])
        assert " ".join(source["quote"].split()) in text
    mechanism = next(m for m in data["mechanisms"] if m["kind"] == "2+2 dialogue")
    assert mechanism["status"] == "existing"
    assert mechanism["parties"] == ["CHN", "KHM"]


def test_extract_never_codes_a_forecast_as_an_event_that_happened(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(cli, ["extract", str(corpus / "opinion.txt"), "--json"])
    data = _json(result.stdout)
    kazakh = [e for e in data["events"] if "KAZ" in e["parties"]]
    assert kazakh, data["events"]
    assert all(e["status"] == "predicted" for e in kazakh)


def test_extract_reports_a_broken_file_and_goes_on(runner: CliRunner, corpus: Path) -> None:
    (corpus / "broken.jsonl").write_text('{"id": "a", "text": "no closing brace"\n', encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(corpus), "--json"])
    assert result.exit_code == 1
    data = _json(result.stdout)
    assert {d["label"] for d in data["documents"]} == {"readout.txt", "opinion.txt"}
    assert "broken.jsonl:1" in result.stderr
    assert "empty.txt" in result.stderr


def test_extract_exits_3_when_nothing_could_be_read(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   ", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(tmp_path / "empty.txt"), "--json"])
    assert result.exit_code == 3
    assert _json(result.stdout) == {"documents": [], "events": [], "mechanisms": []}


def test_extract_without_json_prints_a_table(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(cli, ["extract", str(corpus / "readout.txt")])
    assert result.exit_code == 0
    assert "2+2 dialogue" in result.stdout
    assert "CHN-KHM" in result.stdout


def test_extract_uses_published_for_plain_text(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("China and Indonesia held talks in Beijing on Monday.", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path), "--json", "--published", "2025-04-22"])
    data = _json(result.stdout)
    assert data["documents"][0]["published"] == "2025-04-22"
    assert data["events"][0]["date"] == "2025-04-21"


def test_extract_rejects_a_malformed_published_date(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(cli, ["extract", str(corpus), "--published", "April 2025"])
    assert result.exit_code == 1
    assert "publication date 'April 2025'" in result.output


def test_ingest_then_query_show_and_reingest(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    first = runner.invoke(cli, ["ingest", str(corpus), "--db", db])
    assert first.exit_code == 0, first.output
    listed = runner.invoke(cli, ["events", "--db", db, "--party", "CHN", "--json"])
    events = _json(listed.stdout)
    assert events and all("CHN" in e["parties"] for e in events)
    two_plus_two = [e for e in events if e["kind"] == "2+2 dialogue" and e["status"] == "occurred"]
    assert len(two_plus_two) == 1

    shown = runner.invoke(cli, ["show", two_plus_two[0]["id"], "--db", db, "--json"])
    assert shown.exit_code == 0
    assert _json(shown.stdout)["id"] == two_plus_two[0]["id"]

    again = runner.invoke(cli, ["ingest", str(corpus), "--db", db])
    assert again.exit_code == 0
    assert "2 unchanged" in again.stderr
    assert _json(runner.invoke(cli, ["events", "--db", db, "--party", "CHN", "--json"]).stdout) == events


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--kind", "2+2 dialogue", "--status", "predicted"], {"predicted"}),
        (["--status", "occurred"], {"occurred"}),
        (["--since", "2026-05"], {"planned"}),  # the second round, next year
    ],
)
def test_events_filters(
    runner: CliRunner, corpus: Path, tmp_path: Path, options: list[str], expected: set[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    runner.invoke(cli, ["ingest", str(corpus), "--db", db])
    result = runner.invoke(cli, ["events", "--db", db, "--json", *options])
    assert result.exit_code == 0
    assert {e["status"] for e in _json(result.stdout)} == expected


def test_mechanisms_lists_the_standing_formats(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    runner.invoke(cli, ["ingest", str(corpus), "--db", db])
    result = runner.invoke(cli, ["mechanisms", "--db", db, "--party", "KHM", "--json"])
    assert [(m["kind"], m["status"], m["parties"]) for m in _json(result.stdout)] == [
        ("2+2 dialogue", "existing", ["CHN", "KHM"])
    ]


def test_show_an_unknown_id_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    Store(db).close()  # an empty store
    result = runner.invoke(cli, ["show", "ev_nope", "--db", db])
    assert result.exit_code == 1
    assert "ev_nope" in result.output


def test_evaluate_prints_scores_for_a_gold_corpus(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["evaluate", str(HERE / "articles"), "--by-doc"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("events")
    assert "mechanisms" in result.stdout
    assert "modality errors" in result.stdout


def test_demo_ingests_the_shipped_sample(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["demo", "--db", f"sqlite:///{tmp_path / 'demo.db'}"])
    assert result.exit_code == 0, result.output
    assert "events by kind and status" in result.stdout


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_extraction_is_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Re-running must change nothing, so no set order may leak into the output (it once picked a hub)."""
    import os
    import subprocess
    import sys

    sample = HERE.parent / "src" / "diplograph" / "sample"
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-m", "diplograph", "extract", str(sample), "--json"],
            capture_output=True, text=True, env=env, check=True, cwd=tmp_path,
        )  # fmt: skip
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]


# ── evaluate: errors and reliability ─────────────────────────────────────────

# The readout's gold, annotated on purpose with two things the extractor does not say:
# the second round as only proposed (it extracts "planned": a near-miss pair), and a
# foreign ministers' meeting beside the 2+2 (nothing extracted: a miss).
READOUT_GOLD = {
    "doc": "readout.txt",
    "events": [
        {
            "kind": "2+2 dialogue",
            "status": "occurred",
            "parties": ["CHN", "KHM"],
            "evidence": 'China and Cambodia held their first-ever "2+2" strategic dialogue',
        },
        {
            "kind": "2+2 dialogue",
            "status": "proposed",
            "parties": ["CHN", "KHM"],
            "evidence": "agreed to hold the second round of the dialogue in China next year",
        },
        {
            "kind": "foreign ministers meeting",
            "status": "occurred",
            "parties": ["CHN", "KHM"],
            "evidence": "Chinese Foreign Minister Wang Yi and Defense Minister Dong Jun met their Cambodian counterparts",
        },
    ],
    "mechanisms": [{"kind": "2+2 dialogue", "status": "existing", "parties": ["CHN", "KHM"]}],
}


@pytest.fixture
def gold_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "readout.txt").write_text(PHNOM_PENH_READOUT, encoding="utf-8")
    (folder / "readout.json").write_text(json.dumps(READOUT_GOLD), encoding="utf-8")
    return folder


def test_evaluate_errors_lists_each_miss_and_extra_with_its_class(
    runner: CliRunner, gold_corpus: Path
) -> None:
    result = runner.invoke(cli, ["evaluate", str(gold_corpus), "--errors"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("events      P=")  # the usual report comes first
    errors = lines[
        lines.index("errors: 2 case(s) (events: 1 extra, 2 missed; mechanisms: 0 extra, 0 missed)") :
    ]
    assert errors[2:4] == ["readout.txt", "  events"]
    # The near-miss pair: the gold line, then the extracted line, under one class.
    miss, extra = errors[4], errors[5]
    assert miss.split()[:4] == ["wrong", "status", "-", "missed"]
    assert "2+2 dialogue [proposed] CHN-KHM" in miss
    assert '"agreed to hold the second round of the dialogue in China next year"' in miss
    assert extra.lstrip().startswith("+ extra")
    assert "2+2 dialogue [planned] CHN-KHM 2027  conf " in extra
    assert '"The two sides agreed to hold the second round' in extra
    # The lone miss, with the extraction nearest to it for context.
    assert errors[6].split()[:3] == ["missed", "-", "missed"]
    assert "foreign ministers meeting [occurred] CHN-KHM" in errors[6]
    assert errors[7].lstrip().startswith("~ found   2+2 dialogue [occurred] CHN-KHM")
    assert errors[-1] == "errors by class: wrong status 1, missed 1"


def test_evaluate_errors_json_has_the_cases_and_the_reliability(runner: CliRunner, gold_corpus: Path) -> None:
    result = runner.invoke(cli, ["evaluate", str(gold_corpus), "--errors", "--json"])
    assert result.exit_code == 0, result.output
    data = _json(result.stdout)
    assert data["error_counts"] == {"wrong status": 1, "missed": 1}
    pair = data["errors"][0]
    assert (pair["error"], pair["miss"]["status"], pair["extra"]["status"]) == (
        "wrong status",
        "proposed",
        "planned",
    )
    assert 0 <= pair["extra"]["confidence"] <= 1
    bins = data["reliability"]["bins"]
    assert [b["range"] for b in bins] == ["< 0.5", "0.5–0.6", "0.6–0.7", "0.7–0.8", "0.8–0.9", "≥ 0.9"]
    assert (sum(b["n"] for b in bins), sum(b["correct"] for b in bins)) == (2, 1)  # two extracted, one right
    assert data["reliability"]["threshold"] == 0.8
    assert "errors" not in _json(runner.invoke(cli, ["evaluate", str(gold_corpus), "--json"]).stdout)


def test_evaluate_ends_with_the_reliability_table(runner: CliRunner, gold_corpus: Path) -> None:
    result = runner.invoke(cli, ["evaluate", str(gold_corpus)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    table = lines[lines.index("reliability of event confidence (optional-gold matches left out)") :]
    assert [row.split()[0] for row in table[2:8]] == ["<", "0.5–0.6", "0.6–0.7", "0.7–0.8", "0.8–0.9", "≥"]
    assert table[8].startswith("events with confidence ≥ 0.8: precision ")
    assert table[-1] == table[8]  # without --errors, nothing follows it


# ── events / mechanisms --min-confidence ─────────────────────────────────────


@pytest.fixture
def store_url(runner: CliRunner, corpus: Path, tmp_path: Path) -> str:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(cli, ["ingest", str(corpus), "--db", db]).exit_code == 0
    return db


@pytest.mark.parametrize("command", ["events", "mechanisms"])
def test_min_confidence_keeps_only_what_reaches_it(runner: CliRunner, store_url: str, command: str) -> None:
    everything = _json(runner.invoke(cli, [command, "--db", store_url, "--json"]).stdout)
    confidences = sorted({item["confidence"] for item in everything})
    assert len(confidences) >= 2, everything  # the readout and the opinion piece differ
    cut = confidences[-1]  # the highest confidence: kept, since the bound is inclusive
    result = runner.invoke(cli, [command, "--db", store_url, "--json", "--min-confidence", str(cut)])
    assert result.exit_code == 0, result.output
    kept = _json(result.stdout)
    assert kept == [item for item in everything if item["confidence"] >= cut]
    assert 0 < len(kept) < len(everything)
    zero = runner.invoke(cli, [command, "--db", store_url, "--json", "--min-confidence", "0"])
    assert _json(zero.stdout) == everything


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1.5", "1.5 is not from 0 to 1"),
        ("-0.1", "-0.1 is not from 0 to 1"),
        ("nan", "nan is not from 0 to 1"),
        ("high", "'high' is not a number"),
    ],
)
@pytest.mark.parametrize("command", ["events", "mechanisms"])
def test_min_confidence_outside_0_to_1_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, command: str, value: str, message: str
) -> None:
    result = runner.invoke(
        cli, [command, "--db", f"sqlite:///{tmp_path / 's.db'}", "--min-confidence", value]
    )
    assert result.exit_code == 2
    assert "Invalid value for '--min-confidence'" in result.stderr
    assert message in result.stderr


def test_the_store_refuses_a_min_confidence_outside_0_to_1(tmp_path: Path) -> None:
    from diplograph.errors import InvalidQuery
    from diplograph.store import Store

    with Store(f"sqlite:///{tmp_path / 's.db'}") as store:
        assert store.events(min_confidence=0.5) == []
        for bad in (1.01, float("nan")):
            with pytest.raises(InvalidQuery, match="min_confidence"):
                store.events(min_confidence=bad)
            with pytest.raises(InvalidQuery, match="min_confidence"):
                store.mechanisms(min_confidence=bad)


# ── states by name, dates checked, readable quotes (issue 13) ────────────────


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("KHM", "KHM"),
        ("khm", "KHM"),
        ("Cambodia", "KHM"),
        ("cambodia", "KHM"),
        ("Kingdom of Cambodia", "KHM"),
        ("Cambodian", "KHM"),
        ("  China ", "CHN"),
        ("U.S.", "USA"),
        ("United States", "USA"),
    ],
)
def test_a_state_may_be_given_by_code_name_or_demonym(typed: str, code: str) -> None:
    from diplograph.cli.core import resolve_state

    assert resolve_state(typed) == code


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Cambodja", "unknown state 'Cambodja'; did you mean Cambodia (KHM)?"),
        ("Phnom Penh", "unknown state 'Phnom Penh': it is the capital of Cambodia; give KHM"),
        ("ASEAN", "unknown state 'ASEAN': it is a grouping; give its member states one by one"),
        ("XYZ", "unknown state 'XYZ'. Give an ISO 3166-1 alpha-3 code"),
    ],
)
def test_an_unknown_state_is_refused_with_a_suggestion(
    runner: CliRunner, store_url: str, typed: str, message: str
) -> None:
    result = runner.invoke(cli, ["events", "--db", store_url, "--party", typed])
    assert result.exit_code == 1
    assert f"--party: {message}" in result.stderr


def test_events_party_by_name_gives_the_same_rows_as_by_code(runner: CliRunner, store_url: str) -> None:
    by_code = runner.invoke(cli, ["events", "--db", store_url, "--party", "KHM", "--json"])
    by_name = runner.invoke(cli, ["events", "--db", store_url, "--party", "Cambodia", "--json"])
    assert by_name.exit_code == 0, by_name.output
    assert _json(by_name.stdout) == _json(by_code.stdout) != []


@pytest.mark.parametrize(
    "args",
    [
        ["partners", "Cambodia"],
        ["dyad", "China", "Cambodia"],
        ["compare", "China", "Cambodian"],
        ["mechanisms", "--party", "Cambodia"],
        ["registry", "--party", "Cambodia"],
    ],
)
def test_analysis_commands_take_states_by_name(runner: CliRunner, store_url: str, args: list[str]) -> None:
    result = runner.invoke(cli, [*args, "--db", store_url])
    assert result.exit_code == 0, result.output
    assert "unknown state" not in result.output


@pytest.mark.parametrize(
    ("args", "value"),
    [
        (["events", "--since"], "2025-13"),
        (["events", "--until"], "2025-02-30"),
        (["events", "--since"], "last week"),
        (["partners", "CHN", "--since"], "2025-13"),
        (["export", "events", "-o", "x.csv", "--until"], "20250"),
    ],
)
def test_a_date_that_does_not_exist_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, args: list[str], value: str
) -> None:
    result = runner.invoke(cli, [*args, value, "--db", f"sqlite:///{tmp_path / 'absent.db'}"])
    assert result.exit_code == 2, result.output
    assert f"'{value}'" in result.stderr
    assert "give YYYY, YYYY-MM or YYYY-MM-DD" in result.stderr


def test_partners_shows_a_readable_quote_of_the_first_session(runner: CliRunner, store_url: str) -> None:
    result = runner.invoke(cli, ["partners", "KHM", "--db", store_url, "--kind", "2+2 dialogue"])
    assert result.exit_code == 0, result.output
    flowed = " ".join(cell.strip() for line in result.stdout.splitlines() for cell in line.split("│")[-2:-1])
    # the quote wraps in its column; read back, it keeps its first hundred characters
    quote = "“Chinese Foreign Minister Wang Yi and Defense Minister Dong Jun met their Cambodian counterparts, Fo…”"
    assert quote in flowed
