"""Forecasts of likely next partners: ranking, no leakage, backtest arithmetic, and the sample corpus."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest
from click.testing import CliRunner

from diplograph.backtest import HubResult, backtest, metrics
from diplograph.cli import cli
from diplograph.errors import InvalidQuery
from diplograph.forecast import forecast_partners
from diplograph.models import Article, Event, Evidence, Extraction, Sentence
from diplograph.reference import load_reference
from diplograph.store import Store

# (kind, status, parties, date): a hand-written history in which hubs take 2+2 partners
# after a few ministerial meetings with them, so the model has something to learn.
HISTORY = [
    ("foreign ministers meeting", "occurred", ("JPN", "USA"), "1998-03-01"),
    ("2+2 dialogue", "occurred", ("JPN", "USA"), "2000-05-01"),
    ("foreign ministers meeting", "occurred", ("AUS", "USA"), "2001-03-01"),
    ("2+2 dialogue", "occurred", ("AUS", "USA"), "2003-05-01"),
    ("foreign ministers meeting", "occurred", ("AUS", "JPN"), "2004-03-01"),
    ("2+2 dialogue", "occurred", ("AUS", "JPN"), "2006-05-01"),
    ("foreign ministers meeting", "occurred", ("IND", "USA"), "2008-03-01"),
    ("2+2 dialogue", "occurred", ("IND", "USA"), "2010-05-01"),
    ("foreign ministers meeting", "occurred", ("IND", "JPN"), "2011-03-01"),
    ("2+2 dialogue", "occurred", ("IND", "JPN"), "2013-05-01"),
    ("foreign ministers meeting", "occurred", ("CHN", "IDN"), "2013-03-01"),
    ("2+2 dialogue", "occurred", ("CHN", "IDN"), "2015-05-01"),
    ("foreign ministers meeting", "occurred", ("AUS", "IND"), "2014-03-01"),
    ("2+2 dialogue", "occurred", ("AUS", "IND"), "2016-05-01"),
    ("foreign ministers meeting", "occurred", ("CHN", "KAZ"), "2021-03-01"),
    ("predicted", "2+2 dialogue", ("CHN", "KAZ"), None),
]


def _extraction(doc: str, published: str, facts) -> Extraction:
    sentences, events, text = [], [], ""
    for n, (kind, status, parties, date) in enumerate(facts):
        sentence = f"Report {n}: {status} {kind} of {' and '.join(parties)} on {date or 'a date not given'}."
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        sentences.append(Sentence(index=n, start=start, end=start + len(sentence), text=sentence))
        evidence = Evidence(document=doc, quote=sentence, start=start, end=start + len(sentence))
        events.append(
            Event(
                id=f"e{n}",
                kind=kind,
                status=status,
                parties=parties,
                date=date,
                confidence=0.8,
                sources=(evidence,),
            )
        )
    article = Article(id=doc, source="test", text=text, sentences=tuple(sentences), published=published)
    return Extraction(article=article, events=tuple(events))


def _save_history(store: Store) -> None:
    for n, (kind, status, parties, date) in enumerate(HISTORY):
        if kind == "predicted":  # a commentator's forecast, published in 2021
            store.save_extraction(_extraction("opinion-2021", "2021-06-01", [(status, kind, parties, None)]))
        else:
            store.save_extraction(_extraction(f"news-{n}", date, [(kind, status, parties, date)]))


@pytest.fixture
def toy_store(memory_store):
    _save_history(memory_store)
    return memory_store


def test_a_predicted_neighbour_in_shared_groupings_outranks_a_distant_stranger(toy_store):
    forecast = forecast_partners(toy_store, "CHN", cutoff="2022", top=200, include_reference=False)
    rank = {c.code: c.rank for c in forecast.candidates}

    assert forecast.existing == ("IDN",) and "IDN" not in rank and "CHN" not in rank
    assert rank["KAZ"] < rank["JAM"]
    kaz = next(c for c in forecast.candidates if c.code == "KAZ")
    assert kaz.features["signals"] == 1 and kaz.features["land_border"] == 1
    assert kaz.features["shared_groupings"] == len(kaz.groupings) >= 2
    assert "Shanghai Cooperation Organisation" in kaz.groupings
    assert kaz.contributions["signals"] > 0
    assert kaz.features["contacts_3y"] == 1
    assert {e.feature for e in kaz.evidence} == {"signals", "contacts_3y"}
    assert all(e.quote for e in kaz.evidence)


def test_the_history_note_says_what_the_score_rests_on(toy_store):
    history = forecast_partners(toy_store, "CHN", cutoff="2022", include_reference=False).history

    assert history.positives == 7  # the first meetings of 2000-2016: their 3-year windows close by 2022
    assert history.model == "logistic regression"
    assert "Fewer than 20" in history.note and str(history.snapshots) in history.note


def test_nothing_after_the_cutoff_changes_the_forecast(toy_store):
    before = forecast_partners(toy_store, "CHN", cutoff="2022", top=200, include_reference=False)
    toy_store.save_extraction(
        _extraction(
            "news-2024",
            "2024-06-01",
            [
                ("2+2 dialogue", "occurred", ("CHN", "KAZ"), "2024-05-01"),
                ("summit", "occurred", ("CHN", "JAM"), "2023-05-01"),
                ("2+2 dialogue", "proposed", ("CHN", "JAM"), None),
            ],
        )
    )
    # an old meeting first reported after the cutoff is hidden too
    toy_store.save_extraction(
        _extraction("retro-2025", "2025-01-01", [("summit", "occurred", ("CHN", "TJK"), "2018-05-01")])
    )
    after = forecast_partners(toy_store, "CHN", cutoff="2022", top=200, include_reference=False)

    assert [(c.code, c.features, round(c.score, 12)) for c in after.candidates] == [
        (c.code, c.features, round(c.score, 12)) for c in before.candidates
    ]
    assert forecast_partners(toy_store, "CHN", cutoff="2024-12", include_reference=False).existing == (
        "IDN",
        "KAZ",
    )


def test_metrics_count_hits_in_the_top_k():
    results = [
        HubResult(
            hub="USA",
            actual=("IND", "PHL"),
            model_top=("IND", "PHL", "GBR"),
            baseline_top=("GBR", "FRA", "DEU"),
        ),
        HubResult(
            hub="JPN", actual=("FRA",), model_top=("KOR", "GBR", "DEU"), baseline_top=("FRA", "GBR", "DEU")
        ),
    ]
    model, baseline = metrics(results, 3), metrics(results, 3, baseline=True)

    assert model.precision_at_k == pytest.approx((2 / 3 + 0) / 2)
    assert model.hit_rate == 0.5
    assert baseline.precision_at_k == pytest.approx((0 + 1 / 3) / 2)
    assert baseline.hit_rate == 0.5
    assert metrics([], 3).precision_at_k == 0


def test_backtest_scores_what_happened_after_the_cutoff(toy_store):
    result = backtest(toy_store, cutoff="2012", horizon_years=3, k=5, include_reference=False)
    (at_2012,) = result.cutoffs

    # hubs known by 2012 that took a new partner in 2013-2015: JPN (IND, 2013), IND (JPN, 2013)
    assert {h.hub: h.actual for h in at_2012.hubs} == {"IND": ("JPN",), "JPN": ("IND",)}
    for hub in at_2012.hubs:
        assert len(hub.model_top) == len(hub.baseline_top) == 5
    expected = sum(len(set(h.model_top) & set(h.actual)) / 5 for h in at_2012.hubs) / 2
    assert result.model.precision_at_k == pytest.approx(expected)
    assert result.to_dict()["evaluations"] == 2


def test_several_cutoffs_are_pooled(toy_store):
    result = backtest(toy_store, cutoff=["2009", "2012"], include_reference=False)
    assert [c.cutoff for c in result.cutoffs] == ["2009", "2012"]
    assert len(result.evaluations) == sum(len(c.hubs) for c in result.cutoffs)


def test_bad_input_gives_a_clear_error(toy_store):
    with pytest.raises(InvalidQuery, match="unknown state"):
        forecast_partners(toy_store, "XXX")
    with pytest.raises(InvalidQuery, match="not a date"):
        forecast_partners(toy_store, "CHN", cutoff="last year")
    with pytest.raises(InvalidQuery, match="unknown kind"):
        backtest(toy_store, "tea party")


@pytest.mark.xfail(
    strict=True,
    reason="issue 12: the learned weights (negative for a land border and for contacts) bury the partners "
    "the sample predicts; this passed only while duplicate China–Central Asia summits inflated their "
    "contacts, which the extraction of issue 10 no longer produces",
)
def test_sample_corpus_forecast_puts_the_predicted_partners_near_the_top(sample_store, tmp_path):
    path = tmp_path / "sample.db"
    with (
        closing(sqlite3.connect(sample_store.url.removeprefix("sqlite:///"))) as source,
        closing(sqlite3.connect(path)) as copy,
    ):
        source.backup(copy)  # a copy through SQLite, so pages still in the write-ahead log come along
    with Store(f"sqlite:///{path}") as store:
        load_reference(store)
        signalled = {
            p
            for e in store.events(
                party="CHN", kind="2+2 dialogue", status=["planned", "proposed", "predicted"]
            )
            for p in e.parties
        } - {"CHN"}
        forecast = forecast_partners(store, "CHN", top=10)

    expected = signalled - set(forecast.existing)
    assert expected, "the sample corpus predicts China's next 2+2 partners"
    top = {c.code for c in forecast.candidates}
    assert expected <= top
    assert all(c.features["signals"] >= 1 for c in forecast.candidates if c.code in expected)


def test_the_commands_print_a_forecast_and_a_backtest(tmp_path):
    db = f"sqlite:///{tmp_path / 'toy.db'}"
    with Store(db) as store:
        _save_history(store)
    runner = CliRunner()

    loaded = runner.invoke(cli, ["load-reference", "--db", db])
    assert loaded.exit_code == 0, loaded.output
    assert "reference documents" in loaded.output

    table = runner.invoke(cli, ["forecast", "--hub", "CHN", "--cutoff", "2022", "--top", "3", "--db", db])
    assert table.exit_code == 0, table.output
    assert "Already held with" in table.output and "Trained on" in table.output

    as_json = json.loads(runner.invoke(cli, ["forecast", "--hub", "chn", "--json", "--db", db]).output)
    assert as_json["hub"] == "CHN" and len(as_json["candidates"]) == 10
    assert as_json["history"]["positives"] > 0

    result = runner.invoke(cli, ["backtest", "--cutoff", "2012", "--k", "3", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["cutoffs"][0]["cutoff"] == "2012"

    bad = runner.invoke(cli, ["forecast", "--hub", "XXX", "--db", db])
    assert bad.exit_code == 1 and "unknown state" in bad.output
