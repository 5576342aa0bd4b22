"""The self-contained HTML report on a hub: pictures, tables with sources, no external reference, no injection."""

from __future__ import annotations

import base64
import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from diplograph.analysis.graph import Filters
from diplograph.analysis.ladder import Rung
from diplograph.cli import cli
from diplograph.errors import InvalidQuery
from diplograph.extract.clean import clean_document
from diplograph.extract.ingest import read_text
from diplograph.models import Event, Evidence, Extraction, Location
from diplograph.outputs import report

PNG = b"\x89PNG\r\n\x1a\n"


class _Page(HTMLParser):
    """Collects what a page would fetch or run: tags, attribute values, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def save_article(store: Any, doc: str, text: str, events: list[dict[str, Any]], **meta: Any) -> None:
    """Save one hand-written article whose events all quote its whole text."""
    art = clean_document(read_text(text, id=doc, published="2026-03-01", **meta))
    evidence = (Evidence(document=art.id, quote=art.text, start=0, end=len(art.text)),)
    built = tuple(Event(id=f"{doc}#{i}", confidence=0.9, sources=evidence, **e) for i, e in enumerate(events))
    store.save_extraction(Extraction(article=art, events=built))


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def china(sample_store: Any) -> str:
    return report.hub_report_html(
        sample_store, "CHN", generated=dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)
    )


def test_report_has_header_pictures_and_tables(china: str, sample_store: Any) -> None:
    page = _parse(china)
    text = " ".join(page.text)
    assert sample_store.url in text and "2026-11-23 09:30 UTC" in text
    assert "statuses=occurred" in text and "reference data" in text and "included" in text
    images = [v for k, v in page.attributes if k == "src"]
    assert len(images) == 3
    assert all(base64.b64decode(v.split(",", 1)[1])[:8] == PNG for v in images)
    for heading in (
        "Partner network",
        "Timeline",
        "Map",
        "Partners",
        "Mechanisms",
        "Events and their sources",
    ):
        assert f"<h2>{heading}</h2>" in china
    assert "Cambodia" in text and "2+2" in text and "secretariat" in text


def test_report_references_nothing_outside_the_file(china: str, sample_store: Any) -> None:
    page = _parse(china)
    assert not {"script", "link", "iframe", "object", "embed"} & set(page.tags)
    for name, value in page.attributes:
        if name == "src":  # base64 may spell "http" by chance, but has no ':' or '/'-led scheme
            assert re.fullmatch(r"data:image/png;base64,[A-Za-z0-9+/]+=*", value)
        else:
            assert "http" not in value.lower(), (name, value[:80])
    assert "url(" not in china and "@import" not in china
    urls = {d["url"] for d in sample_store.documents() if d.get("url")}
    for found in re.findall(r"https?://[^\s<\"']+", china):
        assert found in urls, f"{found} is not a document's source URL shown as text"


def test_article_text_cannot_inject_html(memory_store: Any) -> None:
    save_article(
        memory_store,
        "evil",
        "China and Cambodia <script>alert(1)</script> met in Phnom Penh.",
        [
            dict(
                kind="bilateral talks",
                status="occurred",
                parties=("CHN", "KHM"),
                date="2026-01-05",
                location=Location(city="Phnom Penh", country="KHM"),
            )
        ],
        title='<img src=x onerror="alert(2)">',
        url="https://news.example.com/x?a=1&b=<b>",
    )
    page = report.hub_report_html(memory_store, "CHN")
    assert "<script" not in page and "<img src=x" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page


def test_a_hub_without_partners_still_gets_a_report(memory_store: Any) -> None:
    page = report.hub_report_html(memory_store, "ISL")
    assert "Iceland" in page and "0 partner(s)" in page


def test_an_unknown_hub_is_a_clear_error(memory_store: Any) -> None:
    with pytest.raises(InvalidQuery, match="ISO3"):
        report.hub_report_html(memory_store, "XXX")


def test_filters_shape_the_report(sample_store: Any) -> None:
    page = report.hub_report_html(
        sample_store, "CHN", Filters(kinds=("2+2 dialogue",), include_reference=False)
    )
    assert "kinds=2+2 dialogue" in page and "excluded" in page
    partners = page.split("<h2>Partners</h2>", 1)[1].split("</table>", 1)[0]
    assert "KHM" in partners and "RUS" not in partners


def test_pictures_are_drawn_by_rung() -> None:
    assert report.decimal_year("2024-07") == pytest.approx(2024.5)
    assert report.decimal_year(None) is None
    png = report.map_png("CHN", {"KHM": Rung.TWO_PLUS_TWO, "SGP": Rung.CONTACT})
    assert png[:8] == PNG and 10_000 < len(png) < 400_000
    assert "SGP" not in {code for code, _ in report.world_outlines()}  # so it is drawn at its capital


def test_report_command_writes_a_self_contained_file(sample_store: Any, tmp_path: Path) -> None:
    path = tmp_path / "china.html"
    result = CliRunner().invoke(cli, ["report", "--hub", "chn", "-o", str(path), "--db", sample_store.url])
    assert result.exit_code == 0, result.output
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert len(page.encode()) < 1_000_000


# ── issue 13: a report that fits a page, names only what it can, in the dashboard's colours ──


def _root_variables(css: str) -> dict[str, str]:
    "The custom properties of a stylesheet's `:root` block, as {name: value}."
    root = css[css.index(":root") : css.index("}", css.index(":root"))]
    return dict(re.findall(r"(--[\w-]+):\s*([^;]+);", root))


def test_the_report_uses_the_dashboards_palette() -> None:
    from importlib import resources

    from diplograph.vocab import EVENT_KINDS
    from diplograph.web.dashboard import kind_class

    css = (resources.files("diplograph.web") / "static" / "app.css").read_text(encoding="utf-8")
    dashboard = _root_variables(css)
    assert {name: dashboard.get(name) for name in report.DASHBOARD_PALETTE} == report.DASHBOARD_PALETTE
    assert {rung: dashboard[f"--r{int(rung)}"] for rung in Rung} == report.RUNG_COLOURS
    assert {kind: dashboard[f"--kind-{kind_class(kind)}"] for kind in EVENT_KINDS} == report.KIND_COLOURS


@pytest.mark.parametrize(
    "columns", ["PARTNER_COLUMNS", "MECHANISM_COLUMNS", "EVENT_COLUMNS", "DOCUMENT_COLUMNS"]
)
def test_each_tables_columns_share_the_page_width(columns: str) -> None:
    table = getattr(report, columns)
    assert sum(c.width for c in table if not c.below) == 100
    assert all(c.width >= 5 for c in table if not c.below)
    parties = [c for c in table if c.title == "parties"]
    assert all(c.width >= 10 for c in parties)  # three codes a line, never one


def test_parties_are_one_comma_joined_cell_in_a_table_of_fixed_layout(china: str) -> None:
    "A proxy of the page's height: parties read `CHN, KAZ, KGZ` in a column the quotes cannot squeeze."
    assert "table-layout:fixed" in china
    events = china.split("<h2>Events and their sources</h2>", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr class=lead>((?:<td[^>]*>.*?</td>)+)</tr>", events)
    parties = [re.findall(r"<td[^>]*>(.*?)</td>", row)[3] for row in rows]
    assert parties and all(re.fullmatch(r"[A-Z]{3}(, [A-Z]{3})*", p) for p in parties), parties[:5]
    assert any(p.count(",") >= 4 for p in parties)
    assert "<br" not in events


def test_quotes_go_under_their_row_and_documents_are_listed_once(china: str, sample_store: Any) -> None:
    events = china.split("<h2>Events and their sources</h2>", 1)[1].split("</table>", 1)[0]
    assert events.count("<tr class=lead>") == events.count("<tr class=under>") > 10
    assert re.search(r"<tr class=under><td colspan=7 class=q>", events)
    cited = china.split("<h2>Documents cited</h2>", 1)[1]
    numbers = re.findall(r"<td class=n>\[(\d+)\]</td>", cited)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    for document in {d["id"] for d in sample_store.documents()} & set(re.findall(r"doc_\w+", china)):
        assert china.count(document) == 1, document  # the id once, in the list, not on every row


def test_the_network_names_the_hub_and_its_highest_partners_without_overlap(sample_store: Any) -> None:
    from diplograph.analysis import graph

    ego = graph.partnership_graph(sample_store, Filters(), hub="CHN")
    figure = report.network_figure(ego, "CHN")
    labels = figure.axes[0].texts
    names = [t.get_text() for t in labels]
    boxes = [t.get_window_extent().extents for t in labels]

    assert names[0] == "CHN" and 5 <= len(names) <= report.MAX_LABELS < len(ego)
    assert {"KAZ", "KHM", "USA"} <= set(names)  # secretariat and standing partners come first
    frame = figure.bbox.extents
    for i, a in enumerate(boxes):
        assert frame[0] <= a[0] and a[2] <= frame[2] and frame[1] <= a[1] and a[3] <= frame[3]
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_the_report_lists_the_states_its_network_does_not_name(china: str) -> None:
    note = re.search(r"Not named in the picture: ([A-Z, ]+)\.", china)
    assert note and all(re.fullmatch(r"[A-Z]{3}", code) for code in note.group(1).split(", "))
