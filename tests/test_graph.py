"""The partnership network and the reports built on it: hubs, dyads, comparisons, summaries."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from diplograph.analysis import graph, hubs
from diplograph.analysis.graph import Filters
from diplograph.analysis.ladder import Rung
from diplograph.errors import InvalidQuery
from diplograph.extract.pipeline import process_corpus
from diplograph.models import Article, Event, Evidence, Extraction, Location, Mechanism, Person

TWO_PLUS_TWO = Filters(kinds=("2+2 dialogue",))


# ── building small stores from hand-written reports ─────────────────────────


def _save(
    store: Any,
    article: Callable[..., Article],
    doc: str,
    text: str,
    events: list[dict[str, Any]],
    mechanisms: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> None:
    """Save one hand-written article whose events all quote its whole text."""
    from diplograph.extract.clean import clean_document
    from diplograph.extract.ingest import read_text

    art = clean_document(read_text(text, id=doc, published="2026-01-01"))
    evidence = (Evidence(document=art.id, quote=art.text, start=0, end=len(art.text)),)
    built = tuple(
        Event(
            id=f"{doc}#{i}",
            confidence=0.9,
            sources=evidence,
            **{"parties": tuple(sorted(e.pop("parties"))), **e},
        )
        for i, e in enumerate(events)
    )
    mechs = tuple(
        Mechanism(
            id=f"{doc}#m{i}",
            confidence=0.9,
            sources=evidence,
            **{**m, "parties": tuple(sorted(m["parties"]))},
        )
        for i, m in enumerate(mechanisms)
    )
    store.save_extraction(Extraction(article=art, events=built, mechanisms=mechs))


@pytest.fixture
def small_store(memory_store: Any, article: Callable[..., Article]) -> Any:
    """Two clusters (China with Central Asia; the US with its allies), tied by one China-US meeting."""
    _save(
        memory_store,
        article,
        "news-1",
        "China and Kazakhstan held talks; China, Kyrgyzstan and Uzbekistan met.",
        [
            dict(
                kind="bilateral talks",
                status="occurred",
                parties=("CHN", "KAZ"),
                date="2019-05-10",
                topics=("trade",),
            ),
            dict(
                kind="summit",
                status="occurred",
                parties=("CHN", "KGZ", "UZB"),
                date="2021-06-01",
                topics=("transport",),
            ),
            dict(
                kind="foreign ministers meeting", status="occurred", parties=("KAZ", "KGZ"), date="2021-07-01"
            ),
            dict(kind="2+2 dialogue", status="predicted", parties=("CHN", "KAZ")),
        ],
    )
    _save(
        memory_store,
        article,
        "news-2",
        "The United States held 2+2 talks with Japan and Australia in Tokyo.",
        [
            dict(
                kind="2+2 dialogue",
                status="occurred",
                parties=("JPN", "USA"),
                date="2020-03-02",
                location=Location(city="Tokyo", country="JPN"),
                people=(Person(name="Antony Blinken", country="USA", role="foreign minister"),),
                topics=("defence",),
            ),
            dict(
                kind="2+2 dialogue",
                status="occurred",
                parties=("JPN", "USA"),
                date="2022-03-02",
                topics=("maritime",),
            ),
            dict(kind="2+2 dialogue", status="occurred", parties=("AUS", "USA"), date="2021-07-28"),
            dict(kind="joint exercise", status="occurred", parties=("AUS", "JPN"), date="2021-08-01"),
            dict(
                kind="defence ministers meeting", status="occurred", parties=("CHN", "USA"), date="2023-11-01"
            ),
        ],
    )
    return memory_store


# ── filters and the reader ───────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), 8),
        (Filters(kinds=("2+2 dialogue",)), 3),
        (Filters(topics=("trade", "transport")), 2),
        (Filters(since="2022"), 2),
        (Filters(until="2020-12-31"), 2),
        (Filters(region="Central Asia"), 3),
        (Filters(statuses=("predicted",)), 1),
    ],
)
def test_load_events_applies_every_filter(small_store: Any, filters: Filters, expected: int) -> None:
    assert len(graph.load_events(small_store, filters)) == expected


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (dict(kinds=("tea party",)), "unknown kind"),
        (dict(topics=("gossip",)), "unknown topic"),
        (dict(statuses=("rumoured",)), "unknown status"),
    ],
)
def test_filters_reject_values_outside_the_vocabulary(bad: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidQuery, match=message):
        Filters(**bad)


def test_an_unknown_region_is_a_clear_error(small_store: Any) -> None:
    with pytest.raises(InvalidQuery, match=r"unknown region 'Atlantis'.*Central Asia"):
        graph.load_events(small_store, Filters(region="Atlantis"))


def test_reference_only_events_are_dropped_on_request(
    memory_store: Any, article: Callable[..., Article]
) -> None:
    fact = dict(kind="2+2 dialogue", status="occurred", parties=("AUS", "USA"), date="1985-08-01")
    _save(memory_store, article, "reference:mechanisms.csv#ausmin", "AUSMIN first met in 1985.", [dict(fact)])
    _save(
        memory_store,
        article,
        "reference:x",
        "Summit.",
        [dict(kind="summit", status="occurred", parties=("IND", "RUS"), date="2000-10-02")],
    )
    _save(
        memory_store,
        article,
        "news-9",
        "India and Russia met.",
        [dict(kind="summit", status="occurred", parties=("IND", "RUS"), date="2000-10-02")],
    )
    kept = graph.load_events(memory_store, Filters(include_reference=False))
    assert [(e.kind, e.parties) for e in kept] == [("summit", ("IND", "RUS"))]  # it has a news source too
    assert len(graph.load_events(memory_store, Filters())) == 2


# ── the graph ────────────────────────────────────────────────────────────────


def test_partnership_graph_ties_states_with_scalar_attributes(small_store: Any, tmp_path: Path) -> None:
    g = graph.partnership_graph(small_store)
    assert g.nodes["CHN"] == {"name": "China", "type": "state", "region": "Asia", "subregion": "Eastern Asia"}
    tie = g.edges["JPN", "USA"]
    assert (tie["weight"], tie["kinds"], tie["first"], tie["last"]) == (
        2,
        "2+2 dialogue",
        "2020-03-02",
        "2022-03-02",
    )
    assert (tie["rung"], tie["rung_label"]) == (int(Rung.STANDING), "standing mechanism")
    assert g.edges["CHN", "KAZ"]["rung_label"] == "bilateral"  # the predicted 2+2 does not count
    assert g.edges["KGZ", "UZB"]["rung_label"] == "contact"  # a three-party summit is only contact
    nx.write_graphml(g, tmp_path / "g.graphml")
    nx.write_gexf(g, tmp_path / "g.gexf")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.edges["JPN", "USA"]["events"].count("|") == 1


def test_mechanisms_tie_states_but_not_inside_a_date_window(
    memory_store: Any, article: Callable[..., Article]
) -> None:
    _save(
        memory_store,
        article,
        "news-m",
        "Seoul and Washington have a 2+2; they held talks in 2024.",
        [dict(kind="bilateral talks", status="occurred", parties=("KOR", "USA"), date="2024-03-01")],
        [dict(kind="2+2 dialogue", status="existing", parties=("JPN", "USA"))],
    )
    everything = graph.partnership_graph(memory_store)
    assert (everything.edges["JPN", "USA"]["weight"], everything.edges["JPN", "USA"]["rung_label"]) == (
        0,
        "standing mechanism",
    )
    assert set(graph.partnership_graph(memory_store, Filters(since="2024")).edges) == {("KOR", "USA")}


def test_hub_keeps_its_ego_network(small_store: Any) -> None:
    g = graph.partnership_graph(small_store, hub="cHN")
    assert set(g) == {"CHN", "KAZ", "KGZ", "UZB", "USA"}
    assert g.has_edge("KAZ", "KGZ")  # ties among the partners stay


def test_region_keeps_ties_inside_it_and_the_hubs(small_store: Any) -> None:
    assert set(graph.partnership_graph(small_store, Filters(region="Central Asia"))) == {"KAZ", "KGZ", "UZB"}
    assert set(graph.partnership_graph(small_store, Filters(region="Central Asia"), hub="CHN")) == {
        "CHN",
        "KAZ",
        "KGZ",
        "UZB",
    }


def test_a_hub_without_ties_is_alone_and_an_unknown_code_is_an_error(small_store: Any) -> None:
    assert list(graph.partnership_graph(small_store, hub="FRA").nodes) == ["FRA"]
    with pytest.raises(InvalidQuery, match="unknown state code 'XYZ'"):
        graph.partnership_graph(small_store, hub="XYZ")
    with pytest.raises(InvalidQuery, match="unknown state code"):
        hubs.hub_report(small_store, "China")


def test_network_summary_finds_the_broker_and_the_two_clusters(small_store: Any) -> None:
    summary = graph.network_summary(graph.partnership_graph(small_store))
    assert (summary.nodes, summary.edges) == (7, 9)
    by_code = {n.code: n for n in summary.nodes_stats}
    brokers = sorted(by_code.values(), key=lambda n: -n.betweenness)[:2]
    assert {n.code for n in brokers} == {"CHN", "USA"}
    assert by_code["CHN"].community != by_code["USA"].community
    assert by_code["KAZ"].community == by_code["CHN"].community
    assert dict(summary.new_by_year)["2021"] == 6  # KGZ-UZB, CHN-KGZ, CHN-UZB, KAZ-KGZ, AUS-USA, AUS-JPN
    assert graph.network_summary(graph.partnership_graph(small_store)) == summary  # seeded: reproducible


def test_a_network_of_mechanism_ties_only_still_has_communities(memory_store: Any) -> None:
    # Found by the API fuzzer: when no event has the topic asked for, every tie left comes from
    # a mechanism and weighs 0, where weighted modularity divides by zero.
    process_corpus(
        [str(resources.files("diplograph") / "sample" / "china-indonesia-2plus2-beijing-2025.txt")],
        memory_store,
    )
    g = graph.partnership_graph(memory_store, Filters(topics=("food",)))
    assert g.number_of_edges() > 0 and g.size(weight="weight") == 0
    summary = graph.network_summary(g)
    assert sorted(code for group in summary.communities for code in group) == sorted(g.nodes)


def test_network_summary_counts_a_hubs_new_partners_per_year(small_store: Any) -> None:
    summary = graph.network_summary(graph.partnership_graph(small_store, hub="USA"), hub="USA")
    assert dict(summary.new_by_year) == {"2020": 1, "2021": 1, "2023": 1}


def test_organisations_are_context_nodes_that_summaries_ignore(
    memory_store: Any, article: Callable[..., Article]
) -> None:
    sco = ("CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB")
    _save(
        memory_store,
        article,
        "news-sco",
        "SCO leaders met.",
        [dict(kind="summit", status="occurred", parties=sco, date="2024-07-04")],
        [dict(kind="summit", status="existing", parties=sco, name="SCO Council of Heads of State")],
    )
    g = graph.partnership_graph(memory_store, organisations=True)
    assert g.nodes["org:sco"]["type"] == "organisation"
    assert graph.network_summary(g).nodes == len(sco)


# ── hubs, dyads, comparisons ─────────────────────────────────────────────────


def test_sample_china_2plus2_partners_are_indonesia_then_cambodia(sample_store: Any) -> None:
    report = hubs.hub_report(sample_store, "CHN", TWO_PLUS_TWO)
    firsts = {p.code: p.first for p in report.partners}
    assert firsts["IDN"] == "2025-04-21"
    assert firsts["KHM"] == "2026-04-21"
    cambodia = next(p for p in report.partners if p.code == "KHM")
    assert cambodia.first_event is not None
    assert any("Prak Sokhonn" in person for person in cambodia.first_event.people)
    assert cambodia.first_event.quote and cambodia.first_event.document
    # forecasts and proposals are signals, not partners
    assert {"KGZ", "TJK", "KAZ"}.isdisjoint(firsts)
    assert {"predicted", "proposed"} <= {s.status for s in report.signals}


def test_hub_report_orders_partners_by_first_meeting(small_store: Any) -> None:
    report = hubs.hub_report(small_store, "USA")
    assert [(p.code, p.first, p.events, p.rung) for p in report.partners] == [
        ("JPN", "2020-03-02", 2, Rung.STANDING),
        ("AUS", "2021-07-28", 1, Rung.TWO_PLUS_TWO),
        ("CHN", "2023-11-01", 1, Rung.MINISTERIAL),
    ]
    assert report.partners[0].first_event and report.partners[0].first_event.people == (
        "Antony Blinken (USA, foreign minister)",
    )


def test_dyad_report_lists_formats_most_institutionalised_first(sample_store: Any) -> None:
    report = hubs.dyad_report(sample_store, "khm", "CHN")
    assert report.pair == ("CHN", "KHM")
    assert report.formats[0].kind == "2+2 dialogue"
    assert [int(f.rung) for f in report.formats] == sorted(
        (int(f.rung) for f in report.formats), reverse=True
    )
    assert {"planned"} <= {s.status for s in report.signals}
    assert all(t.status == "occurred" for t in report.timeline)
    assert report.ladder[-1]["label"] == "2+2"
    assert report.to_dict()["rung_label"] == report.rung.label


def test_dyad_of_a_state_with_itself_is_refused(small_store: Any) -> None:
    with pytest.raises(InvalidQuery, match="two different states"):
        hubs.dyad_report(small_store, "CHN", "chn")


def test_compare_hubs_gives_growth_regions_and_shared_partners(small_store: Any) -> None:
    result = hubs.compare_hubs(small_store, "CHN", "USA")
    assert result.a.growth == (("2019", 1, 1), ("2021", 2, 3), ("2023", 1, 4))
    assert dict(result.a.regions) == {"Asia": 3, "Americas": 1}
    assert dict(result.b.topics) == {"defence": 1, "maritime": 1}
    assert result.shared == ()  # China's partners and the US's do not overlap here
    with_kind = hubs.compare_hubs(small_store, "CHN", "USA", Filters(kinds=("defence ministers meeting",)))
    assert [p for p, _ in with_kind.a.partners] == ["USA"]


def test_compare_finds_shared_partners_on_the_sample(sample_store: Any) -> None:
    result = hubs.compare_hubs(sample_store, "CHN", "USA")
    shared = {code for code, _, _ in result.shared}
    assert {"KHM", "PHL", "IDN"} <= shared
    assert result.to_dict()["shared"][0].keys() == {"code", "first_a", "first_b"}


# ── scale ────────────────────────────────────────────────────────────────────


def test_graph_and_summary_of_fifty_thousand_events_take_seconds() -> None:
    codes = [f"{a}{b}{c}" for a, b, c in itertools.product("ABCDEFGHIJ", "KLMNO", "PQRS")]  # 200 states
    kinds = ("summit", "bilateral talks", "2+2 dialogue", "joint exercise")
    events = [
        Event(
            id=f"e{i}",
            kind=kinds[i % 4],
            status="occurred",
            parties=tuple(
                sorted(
                    {
                        codes[(i * 7) % 200],
                        codes[(i * 13 + 1) % 200],
                        *([codes[i % 200]] if i % 5 == 0 else []),
                    }
                )
            ),
            date=f"{1990 + i % 35}-{1 + i % 12:02d}-01",
        )
        for i in range(50_000)
    ]
    start = time.perf_counter()
    g = graph._graph_of(events, [], graph.load_gazetteer())
    summary = graph.network_summary(g)
    assert summary.nodes == 200
    assert time.perf_counter() - start < 60  # measured 1.3 s on two shared cores; generous for noise


# ── the commands ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["partners", "CHN", "--kind", "2+2 dialogue"], "Indonesia"),
        (["dyad", "CHN", "KHM"], "shared formats"),
        (["compare", "CHN", "USA", "--kind", "2+2 dialogue"], "new partners per year"),
        (["network", "--region", "Central Asia"], "community 0"),
        (["history", "AUSMIN"], "cadence annual"),
        (["registry", "--party", "CHN"], "China-Cambodia"),
    ],
)
def test_analysis_commands_print_tables(sample_store: Any, args: list[str], expected: str) -> None:
    from click.testing import CliRunner

    from diplograph.cli import cli

    result = CliRunner().invoke(cli, [*args, "--db", sample_store.url])
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_partners_json_is_the_reports_dict(sample_store: Any) -> None:
    import json

    from click.testing import CliRunner

    from diplograph.cli import cli

    result = CliRunner().invoke(
        cli, ["partners", "CHN", "--kind", "2+2 dialogue", "--json", "--db", sample_store.url]
    )
    data = json.loads(result.stdout)
    assert data == hubs.hub_report(sample_store, "CHN", TWO_PLUS_TWO).to_dict()


def test_network_exports_graphml(sample_store: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from diplograph.cli import cli

    path = tmp_path / "china.graphml"
    result = CliRunner().invoke(cli, ["network", "CHN", "--export", str(path), "--db", sample_store.url])
    assert result.exit_code == 0, result.output
    assert "CHN" in nx.read_graphml(path)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["history", "Atlantis summit"], "no mechanism called 'Atlantis summit'"),
        (["network", "--region", "Atlantis"], "unknown region"),
        (["network", "--export", "x.csv"], "must end in .graphml or .gexf"),
        (["dyad", "CHN", "CHN"], "two different states"),
        (["network", "--since", "last week"], "since"),
    ],
)
def test_analysis_commands_fail_cleanly(sample_store: Any, args: list[str], message: str) -> None:
    from click.testing import CliRunner

    from diplograph.cli import cli

    result = CliRunner().invoke(cli, [*args, "--db", sample_store.url])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
