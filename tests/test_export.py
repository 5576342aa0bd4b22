"""Exports: CSV and Parquet tables, GraphML and GEXF networks, PLOVER records, and the `export` commands."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from diplograph.analysis import graph
from diplograph.cli import cli
from diplograph.errors import InvalidQuery
from diplograph.extract.clean import clean_document
from diplograph.extract.ingest import read_text
from diplograph.models import Event, Evidence, Extraction, Location, Person
from diplograph.outputs import export
from diplograph.store import Store

# ── a small store of hand-written reports, one per PLOVER case ──────────────


def save_article(store: Any, doc: str, text: str, events: list[dict[str, Any]], **meta: Any) -> None:
    """Save one hand-written article whose events all quote its whole text."""
    art = clean_document(read_text(text, id=doc, published=meta.pop("published", "2026-03-01"), **meta))
    evidence = (Evidence(document=art.id, quote=art.text, start=0, end=len(art.text)),)
    built = tuple(
        Event(
            id=f"{doc}#{i}", confidence=0.9, sources=evidence, **{**e, "parties": tuple(sorted(e["parties"]))}
        )
        for i, e in enumerate(events)
    )
    store.save_extraction(Extraction(article=art, events=built))


@pytest.fixture
def plover_store(memory_store: Any) -> Any:
    """One event per mapping rule: visit, third-party, multilateral, agreement, exercise, institution, signals."""
    save_article(
        memory_store,
        "visit",
        "China and Cambodia held their first 2+2 dialogue in Phnom Penh on Tuesday.",
        [
            dict(
                kind="2+2 dialogue",
                status="occurred",
                parties=("CHN", "KHM"),
                date="2026-02-24",
                location=Location(city="Phnom Penh", country="KHM"),
                people=(Person(name="Wang Yi", country="CHN", role="foreign minister"),),
                topics=("defence",),
            )
        ],
    )
    save_article(
        memory_store,
        "elsewhere",
        "The foreign ministers of India and Australia met in Geneva in May 2025.",
        [
            dict(
                kind="foreign ministers meeting",
                status="occurred",
                parties=("AUS", "IND"),
                date="2025-05",
                location=Location(city="Geneva", country="CHE"),
            )
        ],
    )
    save_article(
        memory_store,
        "summit",
        "Leaders of China, Kazakhstan and Uzbekistan met in Astana and signed a railway deal; "
        "their navies held a drill; they set up a permanent secretariat.",
        [
            dict(kind="summit", status="occurred", parties=("CHN", "KAZ", "UZB"), date="2025-06-17"),
            dict(kind="agreement signed", status="occurred", parties=("CHN", "UZB"), date="2025-06-17"),
            dict(kind="joint exercise", status="occurred", parties=("CHN", "KAZ"), date="2025-06-20"),
            dict(
                kind="institution established",
                status="occurred",
                parties=("CHN", "KAZ", "UZB"),
                date="2025-06",
            ),
        ],
    )
    save_article(
        memory_store,
        "future",
        "China and Indonesia will hold their next 2+2 in Jakarta in 2027; analysts expect China and "
        "Kyrgyzstan to follow; an expert said Japan and China could start a defence dialogue.",
        [
            dict(kind="2+2 dialogue", status="planned", parties=("CHN", "IDN"), date="2027"),
            dict(kind="2+2 dialogue", status="predicted", parties=("CHN", "KGZ")),
            dict(kind="defence ministers meeting", status="proposed", parties=("CHN", "JPN")),
        ],
        published="2026-04-02",
    )
    return memory_store


def _records(store: Any) -> dict[str, dict[str, Any]]:
    buffer = io.StringIO()
    export.export_plover(store, buffer, format="jsonl", coded_date="2026-11-23")
    records = [json.loads(line) for line in buffer.getvalue().splitlines()]
    return {(r["diplograph_kind"], r["diplograph_status"]): r for r in records}


# ── events and mechanisms as tables ──────────────────────────────────────────


def test_events_round_trip_through_parquet_with_list_columns(sample_store: Any, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    written = export.export_events(sample_store, path)
    table = pq.read_table(path)
    assert written == table.num_rows == sample_store.count_events()
    assert table.schema.field("parties").type == pa.list_(pa.string())
    assert pa.types.is_list(table.schema.field("people").type)
    rows = {r["id"]: r for r in table.to_pylist()}
    stored = {e.id: e for e in sample_store.events()}
    assert set(rows) == set(stored)
    some = next(e for e in stored.values() if len(e.sources) > 1 and e.people)
    assert rows[some.id]["parties"] == list(some.parties)
    assert rows[some.id]["source_count"] == len(some.sources) == len(rows[some.id]["sources"])
    assert rows[some.id]["people"][0]["name"] == some.people[0].name


def test_events_round_trip_through_csv_with_joined_lists(sample_store: Any, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    export.export_events(sample_store, path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    stored = sample_store.events()
    assert len(rows) == len(stored)
    for event in stored:
        row = rows[event.id]
        assert row["parties"].split("|") == list(event.parties)
        assert row["topics"] == "|".join(event.topics)
        assert [s["quote"] for s in json.loads(row["sources"])] == [s.quote for s in event.sources]


def test_event_filters_select_what_the_events_command_would(sample_store: Any) -> None:
    query = export.EventQuery(party=("CHN",), status=("occurred",), since="2020")
    buffer = io.StringIO()
    n = export.export_events(sample_store, buffer, query=query, format="csv")
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert n == len(rows) == sample_store.count_events(party="CHN", status="occurred", since="2020") > 0
    assert all("CHN" in r["parties"].split("|") and r["status"] == "occurred" for r in rows)


def test_batches_page_through_the_store_without_losing_or_repeating_an_event(sample_store: Any) -> None:
    ids = [e.id for batch in export.event_batches(sample_store, batch=7) for e in batch]
    assert ids == [e.id for e in sample_store.events()]


def test_reference_only_facts_can_be_left_out(memory_store: Any) -> None:
    save_article(
        memory_store,
        "reference:ausmin",
        "AUSMIN met in 1985.",
        [dict(kind="2+2 dialogue", status="occurred", parties=("AUS", "USA"), date="1985")],
    )
    save_article(
        memory_store,
        "news",
        "AUSMIN met in Sydney.",
        [dict(kind="summit", status="occurred", parties=("AUS", "USA"), date="2024-08-06")],
    )
    everything, articles = io.StringIO(), io.StringIO()
    assert export.export_events(memory_store, everything, format="csv") == 2
    assert (
        export.export_events(
            memory_store, articles, query=export.EventQuery(include_reference=False), format="csv"
        )
        == 1
    )


def test_mechanisms_export_counts_sessions_from_the_registry(sample_store: Any, tmp_path: Path) -> None:
    path = tmp_path / "mechanisms.parquet"
    n = export.export_mechanisms(sample_store, path)
    rows = pq.read_table(path).to_pylist()
    assert n == len(rows) == len(sample_store.mechanisms())
    assert any(r["sessions"] and r["sessions"] >= 2 and r["cadence"] for r in rows)
    assert all(r["source_count"] >= 1 and r["quote"] for r in rows)


def test_an_empty_selection_still_writes_a_readable_table(sample_store: Any, tmp_path: Path) -> None:
    path = tmp_path / "none.parquet"
    assert export.export_events(sample_store, path, query=export.EventQuery(party=("ISL",))) == 0
    assert pq.read_table(path).num_rows == 0


# ── formats ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("target", "fmt"),
    [("events.xlsx", None), ("events", None), ("events.csv", "xml")],
)
def test_an_unknown_format_is_a_clear_error(
    sample_store: Any, tmp_path: Path, target: str, fmt: str | None
) -> None:
    with pytest.raises(InvalidQuery, match="csv"):
        export.export_events(sample_store, tmp_path / target, format=fmt)


def test_a_file_object_needs_a_format(sample_store: Any) -> None:
    with pytest.raises(InvalidQuery, match="format="):
        export.export_plover(sample_store, io.StringIO())


def test_binary_formats_write_to_binary_file_objects(sample_store: Any) -> None:
    buffer = io.BytesIO()
    export.export_events(sample_store, buffer, format="parquet")
    assert pq.read_table(pa.BufferReader(buffer.getvalue())).num_rows == sample_store.count_events()
    with pytest.raises(InvalidQuery, match="binary"):
        export.export_events(sample_store, io.StringIO(), format="parquet")


# ── the network ──────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("suffix", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_reads_back_with_the_hubs_partners(
    sample_store: Any, tmp_path: Path, suffix: str, read: Any
) -> None:
    path = tmp_path / f"china.{suffix}"
    written = export.export_network(sample_store, path, hub="CHN")
    back = read(path)
    partners = set(graph.partnership_graph(sample_store, hub="CHN").neighbors("CHN"))
    assert {"KHM", "KAZ", "RUS"} <= partners
    assert set(back.neighbors("CHN")) == partners
    assert back.number_of_edges() == written.number_of_edges()
    edge = back.edges["CHN", "KHM"]
    assert edge["rung_label"] == graph.partnership_graph(sample_store).edges["CHN", "KHM"]["rung_label"]
    assert isinstance(edge["first"], str) and edge["first"][:4].isdigit()


def test_gexf_is_valid_xml_with_scalar_typed_attributes_and_labels(sample_store: Any, tmp_path: Path) -> None:
    path = tmp_path / "network.gexf"
    export.export_network(sample_store, path)
    root = ET.parse(path).getroot()
    ns = {"g": root.tag.split("}")[0].strip("{")}
    types = {a.get("title"): a.get("type") for a in root.iterfind(".//g:attributes/g:attribute", ns)}
    assert types["first"] == types["last"] == types["kinds"] == "string"
    assert types["rung"] in ("long", "integer")
    labels = {n.get("id"): n.get("label") for n in root.iterfind(".//g:node", ns)}
    assert labels["CHN"] == "China"


# ── PLOVER ───────────────────────────────────────────────────────────────────


def test_a_hosted_meeting_is_consult_visit_with_the_host_as_recipient(plover_store: Any) -> None:
    record = _records(plover_store)[("2+2 dialogue", "occurred")]
    assert record["event"] == ["CONSULT"] and record["mode"] == ["visit"] and record["quad_code"] == 1
    assert [a["code"] for a in record["recipient"]] == ["KHM"]
    assert record["source"] == [
        {"code": "CHN", "sector": "GOV", "actor_text": "Wang Yi", "office": "foreign minister"}
    ]
    assert record["context"] == ["diplomatic", "military"]
    assert record["date"] == "2026-02-24" and record["event_loc"]["cc3"] == "KHM"
    assert record["text"].startswith("China and Cambodia held") and record["cite_info"]["citation"] == "visit"


def test_meeting_modes_third_party_and_multilateral(plover_store: Any) -> None:
    records = _records(plover_store)
    abroad = records[("foreign ministers meeting", "occurred")]
    assert abroad["mode"] == ["third-party"] and abroad["recipient"] == []
    assert {a["code"] for a in abroad["source"]} == {"AUS", "IND"}
    assert abroad["date"] == "2025-05-01" and abroad["diplograph_date"] == "2025-05"
    assert records[("summit", "occurred")]["mode"] == ["multilateral"]


def test_agreements_exercises_and_institutions_map_to_support_and_cooperate(plover_store: Any) -> None:
    records = _records(plover_store)
    assert records[("agreement signed", "occurred")]["event"] == ["SUPPORT"]
    exercise = records[("joint exercise", "occurred")]
    assert (
        exercise["event"] == ["COOPERATE"]
        and "military" in exercise["context"]
        and exercise["quad_code"] == 2
    )
    assert {a["sector"] for a in exercise["source"]} == {"MIL"}
    assert records[("institution established", "occurred")]["event"] == ["COOPERATE"]
    assert all(r["mode"] == [] for k, r in records.items() if r["event"] != ["CONSULT"])


def test_what_has_not_happened_is_coded_as_an_intention_never_as_the_event(plover_store: Any) -> None:
    records = _records(plover_store)
    planned = records[("2+2 dialogue", "planned")]
    assert planned["event"] == ["AGREE"] and "future" in planned["context"] and planned["has_event"]
    assert (
        planned["date"] == "2026-04-02" and planned["diplograph_date"] == "2027"
    )  # reported, then planned for
    predicted = records[("2+2 dialogue", "predicted")]
    assert (
        predicted["event"] == ["AGREE"]
        and "hypothetical" in predicted["context"]
        and not predicted["has_event"]
    )
    proposed = records[("defence ministers meeting", "proposed")]
    assert proposed["event"] == ["AGREE"] and "hypothetical" in proposed["context"]


def test_no_sample_event_that_did_not_happen_is_coded_as_if_it_did(sample_store: Any) -> None:
    buffer = io.StringIO()
    written = export.export_plover(sample_store, buffer, format="json")
    records = json.loads(buffer.getvalue())
    assert written.records == len(records) == sample_store.count_events() - len(written.undated)
    signals = [r for r in records if r["diplograph_status"] != "occurred"]
    assert signals, "the sample corpus has planned, proposed and predicted events"
    for record in signals:
        assert record["event"] == ["AGREE"] and record["mode"] == []
        assert {"future", "hypothetical"} & set(record["context"])
        assert record["enddate"] is None
    happened = [r for r in records if r["diplograph_status"] == "occurred"]
    assert {t for r in happened for t in r["event"]} <= {"CONSULT", "SUPPORT", "COOPERATE"}
    assert not any({"future", "hypothetical"} & set(r["context"]) for r in happened)


def test_every_sample_plover_record_has_a_date(sample_store: Any) -> None:
    buffer = io.StringIO()
    written = export.export_plover(sample_store, buffer, format="jsonl")
    records = [json.loads(line) for line in buffer.getvalue().splitlines()]

    assert written.records == len(records) > 0
    assert [r["id"] for r in records if not r["date"]] == []
    assert all(len(r["date"]) == 10 for r in records)
    assert {r["diplograph_date_basis"] for r in records} <= {"event", "published"}
    assert {r["diplograph_date_precision"] for r in records} <= {"day", "month", "year"}


def test_a_year_or_month_is_filled_to_a_day_and_the_record_says_so(plover_store: Any) -> None:
    records = _records(plover_store)
    abroad = records[("foreign ministers meeting", "occurred")]  # "May 2025"
    assert abroad["date"] == "2025-05-01"
    assert abroad["diplograph_date_basis"] == "event" and abroad["diplograph_date_precision"] == "month"
    visit = records[("2+2 dialogue", "occurred")]
    assert visit["diplograph_date_basis"] == "event" and visit["diplograph_date_precision"] == "day"


def test_an_undated_event_takes_its_storys_publication_date_and_the_record_says_so(memory_store: Any) -> None:
    save_article(
        memory_store,
        "undated-meeting",
        "The defence ministers of Japan and the Philippines met, the ministry said.",
        [dict(kind="defence ministers meeting", status="occurred", parties=("JPN", "PHL"))],
        published="2025-11",
    )
    (record,) = _records(memory_store).values()

    assert record["date"] == "2025-11-01" and record["diplograph_date"] is None
    assert record["diplograph_date_basis"] == "published" and record["diplograph_date_precision"] == "month"


def test_an_event_with_no_date_and_no_publication_date_is_left_out_and_counted(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'plover.db'}"
    with Store(db) as store:
        save_article(
            store,
            "dated",
            "China and Laos held talks on 3 March 2025.",
            [dict(kind="bilateral talks", status="occurred", parties=("CHN", "LAO"), date="2025-03-03")],
        )
        save_article(
            store,
            "undated",
            "China and Laos have held talks, an undated leaflet says.",
            [dict(kind="summit", status="occurred", parties=("CHN", "LAO"))],
            published=None,
        )
        buffer = io.StringIO()
        written = export.export_plover(store, buffer, format="jsonl")

    (record,) = [json.loads(line) for line in buffer.getvalue().splitlines()]
    assert written.records == 1 and len(written.undated) == 1
    assert record["diplograph_kind"] == "bilateral talks" and record["id"] not in written.undated
    result = CliRunner().invoke(cli, ["export", "plover", "-o", str(tmp_path / "p.jsonl"), "--db", db])
    assert result.exit_code == 0, result.output
    assert "wrote 1 PLOVER record(s)" in result.output
    assert "left out 1 event(s) with neither an event date nor a publication date" in result.output


def test_polecat_table_uses_polecats_column_names(plover_store: Any) -> None:
    buffer = io.StringIO()
    export.export_plover(plover_store, buffer, format="tsv")
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue()), delimiter="\t"))
    visit = next(
        r for r in rows if r["diplograph_kind"] == "2+2 dialogue" and r["diplograph_status"] == "occurred"
    )
    assert (
        visit["Event Type"] == "CONSULT"
        and visit["Event Mode"] == "visit"
        and visit["Quad Code"] == "VERBAL COOPERATION"
    )
    assert (
        visit["Actor Country"] == "CHN"
        and visit["Recipient Country"] == "KHM"
        and visit["City"] == "Phnom Penh"
    )
    assert visit["Event Text"].startswith("China and Cambodia")


# ── the commands ─────────────────────────────────────────────────────────────


def test_export_commands_write_each_format(sample_store: Any, tmp_path: Path) -> None:
    runner = CliRunner()
    db = ["--db", sample_store.url]
    cases = [
        (
            ["export", "events", "--party", "CHN", "--no-reference", "-o", str(tmp_path / "e.parquet")],
            "event(s)",
        ),
        (["export", "mechanisms", "-o", str(tmp_path / "m.csv")], "mechanism(s)"),
        (["export", "network", "--hub", "CHN", "-o", str(tmp_path / "n.gexf")], "tie(s)"),
        (["export", "plover", "--status", "planned", "-o", str(tmp_path / "p.jsonl")], "PLOVER record(s)"),
    ]
    for args, said in cases:
        result = runner.invoke(cli, [*args, *db])
        assert result.exit_code == 0, result.output
        assert said in result.output
    assert pq.read_table(tmp_path / "e.parquet").num_rows == sample_store.count_events(party="CHN")
    planned = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert planned and all(r["event"] == ["AGREE"] for r in planned)


def test_export_command_rejects_an_unknown_extension(sample_store: Any, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["export", "events", "-o", str(tmp_path / "e.xlsx"), "--db", sample_store.url]
    )
    assert result.exit_code == 1
    assert "cannot tell the format" in result.output
