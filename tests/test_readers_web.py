"""Tests of the web readers: HTML pages (trafilatura), WARC (warcio), RSS/Atom (feedparser).

Fixtures: ``tests/data/web/pages`` (three news pages with navigation, cookie
banner, sidebar and footer; the Valley Courier page reprints paragraphs of the
Harbor Gazette's strike story, and the Gazette's library story shares only the
chrome), ``tests/data/web/feeds`` (an RSS 2.0 and an Atom feed),
``tests/data/web/bad`` (feeds that are not feeds). WARC files are built here
with warcio's ``WARCWriter``.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from syndetect.cli import cli
from syndetect.errors import (
    DecodeError,
    EmptyInputError,
    InputError,
    MalformedRecordError,
    NoArticleError,
    SkippedFileWarning,
    UnsupportedFormatError,
)
from syndetect.model import Document
from syndetect.readers import SUFFIXES, read_feed, read_html_file, read_paths, read_warc
from syndetect.readers.html import extract_html
from syndetect.readers.warc import CorruptArchiveError

WEB = Path(__file__).resolve().parent / "data" / "web"
PAGES, FEEDS, BAD = WEB / "pages", WEB / "feeds", WEB / "bad"
STRIKE, LIBRARY, REPRINT = (
    "gazette-dockworkers-strike",
    "gazette-northside-library",
    "courier-port-strike-reprint",
)
CHROME = (
    "Subscribe", "Cookie", "cookies", "Accept all", "Sign in", "Obituaries", "Most read",
    "Ferry timetable", "Privacy", "All rights reserved", "Share this article", "Advertisement",
    "Leave a Reply", "Recent Posts", "E-Edition", "Classifieds", "Previous:",
)  # fmt: skip
LEDGER = "https://www.tricountyledger.com"


def by_id(docs: list[Document]) -> dict[str, Document]:
    return {d.id: d for d in docs}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def assert_input_error(result: Result, *fragments: str) -> None:
    """Exit 2 and one ``Error: ...`` line on stderr naming ``fragments``, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


# ------------------------------------------------------------------------ HTML


def test_html_pages_metadata() -> None:
    docs = by_id(list(read_paths([PAGES])))
    assert set(docs) == {STRIKE, LIBRARY, REPRINT}  # ids as for .txt: path without extension
    strike, library, reprint = docs[STRIKE], docs[LIBRARY], docs[REPRINT]
    assert strike.title == "Eastbridge dockworkers vote to strike over automated cranes"
    assert strike.date == "2024-03-05"  # article:published_time
    assert strike.url == (
        "https://www.harborgazette.com/news/2024/03/05/eastbridge-dockworkers-vote-to-strike"
    )
    assert strike.outlet == "The Harbor Gazette"
    assert library.date == "2024-02-27"  # JSON-LD datePublished
    assert library.title == "Council approves Northside library branch after decade-long campaign"
    assert reprint.title == "Port strike threat worries valley growers"
    assert reprint.date == "2024-03-06"
    assert reprint.url == (
        "https://valleycourier.net/2024/03/06/port-strike-threat-worries-valley-growers/"
    )
    assert reprint.outlet == "Valley Courier"
    assert reprint.path == str(PAGES / "courier-port-strike-reprint.htm")


@pytest.mark.parametrize("name", [STRIKE, LIBRARY, REPRINT])
def test_html_chrome_is_not_in_the_text(name: str) -> None:
    (path,) = PAGES.glob(f"{name}.*")
    text = read_html_file(path).text
    for chrome in CHROME:
        assert chrome not in text, chrome
    assert "Home" not in text.split()  # the navigation menu
    assert "<" not in text and "&mdash;" not in text


def test_html_keeps_every_article_paragraph() -> None:
    strike = read_html_file(PAGES / f"{STRIKE}.html")
    assert strike.id == STRIKE
    assert strike.text.count("\n") >= 7
    assert "EASTBRIDGE — Dockworkers at the Port of Eastbridge voted overwhelmingly" in strike.text
    assert '"We are asking for a guarantee in writing, and we are not getting one."' in strike.text
    assert strike.text.endswith("since negotiations broke down in February.")
    reprint = read_html_file(PAGES / f"{REPRINT}.htm", id="custom")
    assert reprint.id == "custom"
    assert reprint.text.startswith("Apple and potato growers in the Upper Valley")
    assert reprint.text.endswith("doesn't wait for a contract to be signed,” he said.")


LEGACY = (
    "<html><head>{meta}<title>Café owners fight rent rise</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/subscribe'>Subscribe</a></nav><article>"
    "<h1>Café owners fight rent rise</h1>"
    "<p>The owners of the “Petit Café” on Rue Sainte-Anne say their rent will rise by "
    "forty percent next year, a sum they cannot pay without closing the kitchen on Mondays.</p>"
    "<p>Their landlord, a property fund based in Zurich, did not respond to a request for "
    "comment on Tuesday; the tenants’ association has called a meeting for Thursday.</p>"
    "</article><footer>© 2024 Quartier News</footer></body></html>"
)


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
        "",  # nothing declared, not UTF-8: windows-1252 as browsers do
    ],
)
def test_html_legacy_charset(tmp_path: Path, meta: str) -> None:
    path = tmp_path / "cafe.html"
    path.write_bytes(LEGACY.format(meta=meta).encode("cp1252"))
    doc = read_html_file(path)
    assert "owners of the “Petit Café” on Rue Sainte-Anne" in doc.text
    assert "the tenants’ association" in doc.text
    assert doc.title == "Café owners fight rent rise"
    assert "\ufffd" not in doc.text
    assert doc.date is None  # not 2024-01-01 from the "© 2024" footer


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [
        ('<meta charset="utf-8">', "cp1252"),  # declares UTF-8, is windows-1252
        ('<meta charset="iso-8859-1">', "utf-8"),  # declares Latin-1, is UTF-8
        ('<meta charset="no-such-charset">', "cp1252"),
        ('<meta charset="utf-16">', "utf-8"),  # readable as ASCII, so not UTF-16
    ],
)
def test_html_wrong_charset_declaration(tmp_path: Path, meta: str, encoding: str) -> None:
    path = tmp_path / "wrong.html"
    path.write_bytes(LEGACY.format(meta=meta).encode(encoding))
    assert "owners of the “Petit Café” on" in read_html_file(path).text


def test_xhtml_with_an_xml_encoding_declaration(tmp_path: Path) -> None:
    path = tmp_path / "page.xhtml.html"
    declaration = '<?xml version="1.0" encoding="iso-8859-1"?>\n'
    path.write_bytes((declaration + LEGACY.format(meta="")).encode("cp1252"))
    doc = read_html_file(path)
    assert doc.id == "page.xhtml"
    assert "owners of the “Petit Café” on" in doc.text


def test_html_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.html"
    path.write_bytes(b"\xef\xbb\xbf" + LEGACY.format(meta="").encode("utf-8"))
    assert "“Petit Café”" in read_html_file(path).text
    path.write_bytes(LEGACY.format(meta="").encode("utf-16"))  # with its BOM
    assert "“Petit Café”" in read_html_file(path).text


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"<html><head><title>Home</title></head><body></body></html>",
        b"<html><head><script>var page = {};</script><style>p {}</style></head><body/></html>",
    ],
)
def test_html_without_main_text(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(content)
    with pytest.raises(EmptyInputError) as info:
        read_html_file(path)
    assert info.value.path == str(path)
    assert_input_error(run("scan", str(path)), str(path), "no main text")


def test_html_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.htm"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DecodeError) as info:
        read_html_file(path)
    assert info.value.path == str(path)


# ------------------------------------------------------------------------ WARC


def ledger_page(title: str, paragraphs: list[str], date: str | None) -> str:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} - Tri-County Ledger"
        f"</title><meta property='og:site_name' content='Tri-County Ledger'>{meta}</head><body>"
        "<div class='cookies'>This site uses cookies. <button>Accept all</button></div>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
        "<li><a href='/subscribe'>Subscribe</a></li></ul></nav>"
        f"<main><article><h1>{title}</h1>{body}</article>"
        "<aside><h2>Most read</h2><ul><li><a href='/x'>Ferry timetable changes announced</a>"
        "</li></ul></aside></main><footer><a href='/privacy'>Privacy</a> "
        "© 2024 Tri-County Ledger. All rights reserved.</footer></body></html>"
    )


BRIDGE = ledger_page(
    "Route 12 bridge to close for six months of repairs",
    [
        "The Route 12 bridge over the Kettle River will close to all traffic from April 15 for "
        "six months while crews replace its deck and two of its steel piers, the state "
        "transportation department said on Wednesday.",
        "Drivers will be detoured through Millbrook, adding about 14 miles to the trip between "
        "Ashford and Dunmore. School buses and emergency vehicles will use a temporary lane on "
        "the old rail bridge upstream, which engineers cleared for light vehicles last year.",
        "The bridge, built in 1958, was rated structurally deficient after an inspection in "
        "2022 found corrosion in the piers below the waterline.",
    ],
    "2024-03-07T11:00:00-05:00",
)
ORCHARD = ledger_page(
    "Dunmore orchard wins state cider award",  # no date in the page: WARC-Date is used
    [
        "Hollis Family Orchard in Dunmore took first place in the state cider competition on "
        "Saturday with a dry cider made from Baldwin and Roxbury Russet apples, two varieties "
        "that had nearly vanished from the county.",
        "Owner Margaret Hollis said her grandfather planted the trees in the 1940s and that the "
        "family started pressing cider only in 2019, after a late frost left the crop too "
        "scarred to sell as eating apples. The winning batch was pressed in October.",
        'A judge from Normandy called it "très élégant"; an importer in Dublin has already '
        "ordered two pallets, to sell at €14 a bottle.",
    ],
    None,
)


NOT_FOUND = (
    b"<html><body><h1>Page not found</h1><p>Sorry, we could not find that page. Try the search "
    b"box or go back to the home page to read today's news.</p></body></html>"
)
LATER = ledger_page("Changed", ["A later capture with other text, long enough to count."], None)
HTML = "text/html; charset=utf-8"
JPEG = b"\xff\xd8\xff\xe0" + bytes(512)
RECORDS = [  # uri path, HTTP status, Content-Type, body, WARC-Date
    ("/news/route-12-bridge", "200 OK", HTML, BRIDGE.encode(), "2024-03-07T16:02:11Z"),
    ("/img/bridge.jpg", "200 OK", "image/jpeg", JPEG, "2024-03-07T16:02:12Z"),
    ("/news/old-story", "404 Not Found", HTML, NOT_FOUND, "2024-03-07T16:02:13Z"),
    ("/features/orchard-cider-award", "200 OK", "text/html; charset=ISO-8859-15",
     ORCHARD.encode("iso-8859-15"), "2024-03-09T08:30:00Z"),
    ("/news/route-12-bridge", "200 OK", HTML, LATER.encode(), "2024-03-10T09:00:00Z"),
]  # fmt: skip


def build_warc(path: Path) -> Path:
    """A crawl: warcinfo, two articles, an image, a 404 and a second capture of article 1."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "crawler/1"}))
        for uri, status, ctype, body, date in RECORDS:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                LEDGER + uri,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)
    return path


@pytest.fixture(params=["crawl.warc", "crawl.warc.gz"])
def warc(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return build_warc(tmp_path / request.param)


def test_warc_articles(warc: Path) -> None:
    docs = list(read_warc(warc))
    bridge, orchard = docs  # image, 404, warcinfo and the second capture are skipped
    assert bridge.id == bridge.url == f"{LEDGER}/news/route-12-bridge"
    assert bridge.title == "Route 12 bridge to close for six months of repairs"
    assert bridge.date == "2024-03-07"  # the page's own date
    assert bridge.outlet == "Tri-County Ledger"
    # trafilatura keeps an <h1> that sits inside the <article>
    assert bridge.text.startswith(f"{bridge.title}\nThe Route 12 bridge over the Kettle River")
    assert "later capture" not in bridge.text  # first capture of a URI wins...
    assert extract_html(LATER, "later") is not None  # ...though the later one has text
    assert orchard.id == orchard.url == f"{LEDGER}/features/orchard-cider-award"
    assert orchard.date == "2024-03-09"  # WARC-Date, the page has none
    assert "Hollis Family Orchard in Dunmore took first place" in orchard.text
    assert '"très élégant"' in orchard.text and "€14 a bottle" in orchard.text  # header charset
    for doc in docs:
        for chrome in CHROME:
            assert chrome not in doc.text, chrome
    assert bridge.path is not None and bridge.path.startswith(str(warc))


def test_warc_through_the_dispatcher(warc: Path) -> None:
    assert ".warc.gz" in SUFFIXES
    shutil.copy(warc, warc.parent / "sub.dir")  # not a WARC name: ignored in a directory
    ids = [d.id for d in read_paths([warc.parent])]
    assert ids == [f"{LEDGER}/news/route-12-bridge", f"{LEDGER}/features/orchard-cider-award"]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
@pytest.mark.parametrize("keep", [0.3, 0.5, 0.8, 0.97])
def test_truncated_warc(tmp_path: Path, name: str, keep: float) -> None:
    data = build_warc(tmp_path / name).read_bytes()
    cut = tmp_path / f"cut-{name}"
    cut.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(CorruptArchiveError) as info:
        list(read_warc(cut))
    assert info.value.path == str(cut)
    assert isinstance(info.value, DecodeError)
    assert_input_error(run("scan", str(cut)), str(cut), "truncated")


@pytest.mark.parametrize(
    "content",
    [b"this is not a WARC file\n", gzip.compress(b"GIF89a not a warc either"), b"WARC/1.0\r\n"],
)
def test_corrupt_warc(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(content)
    with pytest.raises(CorruptArchiveError) as info:
        list(read_warc(path))
    assert info.value.path == str(path)


def test_warc_without_articles(tmp_path: Path) -> None:
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "info-only.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "x"}))
    with pytest.raises(EmptyInputError) as info:
        list(read_warc(path))
    assert info.value.path == str(path)
    assert_input_error(run("scan", str(path)), str(path), "no HTML response")


# ----------------------------------------------------------------------- feeds


def test_rss_feed() -> None:
    path = FEEDS / "riverside-daily-post.rss"
    hospital, parking, letters = list(read_feed(path))
    assert hospital.id == "https://www.riversidedailypost.com/?p=90311"  # guid
    assert hospital.title == "Mill County hospital opens new maternity wing"
    assert hospital.date == "2024-03-08"  # 21:30 -0500, in UTC already the 9th
    assert hospital.url == (
        "https://www.riversidedailypost.com/2024/03/08/mill-county-hospital-maternity-wing/"
    )
    assert hospital.outlet == "Riverside Daily Post"
    # content:encoded wins over description, HTML stripped
    assert hospital.text.startswith("Mill County General Hospital opened its new maternity wing")
    assert "“We recruited people who trained here and moved away, and they came home,”" in (
        hospital.text
    )
    assert "<p>" not in hospital.text and "doubles the number" not in hospital.text
    assert parking.id == parking.url  # guid that is the link
    assert parking.text.startswith("Cars parked on residential streets")  # description
    assert parking.date == "2024-03-07"
    assert letters.id == "riverside-daily-post#3"  # neither guid nor link
    assert letters.url is None
    assert letters.text.startswith("Three readers write about the proposed Route 9 bypass")
    assert letters.path == f"{path}#3"


def test_atom_feed() -> None:
    frost, engine = list(read_feed(FEEDS / "plains-tribune.atom"))
    assert frost.id == "tag:plainstribune.org,2024-03-08:/late-frost-winter-wheat"
    assert frost.title == "Late frost threatens winter wheat across the northern counties"
    assert frost.date == "2024-03-08"  # published (local date), not updated
    assert frost.url == "https://plainstribune.org/2024/03/late-frost-winter-wheat"
    assert frost.outlet == "Northern Plains Tribune"
    assert frost.text.startswith("A hard frost forecast for the weekend")
    assert frost.text.endswith("damage is often not visible for several days.")
    assert "dormancy early are most at risk" not in frost.text  # the summary, not used
    assert engine.id == "urn:uuid:5b0e9a52-6a1f-4c3e-9d8e-2f6b1e7c4a90"
    assert engine.date == "2024-03-06"  # only <updated>
    assert engine.text.startswith("The Ostrander Volunteer Fire Department took delivery")
    assert "<p>" not in engine.text


def test_feed_ids_in_a_directory_use_the_relative_path(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    shutil.copy(FEEDS / "riverside-daily-post.rss", tmp_path / "news" / "post.xml")
    assert [d.id for d in read_paths([tmp_path])][-1] == "news/post#3"


@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        ("not-a-feed.rss", MalformedRecordError, "not a valid RSS or Atom feed"),
        ("truncated-feed.xml", MalformedRecordError, "not a valid RSS or Atom feed"),
    ],
)
def test_malformed_feeds(name: str, error: type[InputError], message: str) -> None:
    path = BAD / name
    with pytest.raises(error) as info:
        list(read_feed(path))
    assert info.value.path == str(path)
    assert message in info.value.message
    assert_input_error(run("scan", str(path)), str(path), message)


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        ("<?xml version='1.0'?><config><option name='a'/></config>", NoArticleError,
         "not an RSS or Atom feed"),
        ("<rss version='2.0'><channel><title>Quiet</title></channel></rss>", EmptyInputError,
         "no entries"),
        ("<rss version='2.0'><channel><title>Links</title><item><title>Only a title</title>"
         "<link>https://example.org/a</link></item></channel></rss>", EmptyInputError,
         "no feed entry has content"),
    ],
)  # fmt: skip
def test_feeds_without_articles(
    tmp_path: Path, content: str, error: type[InputError], message: str
) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error) as info:
        list(read_feed(path))
    assert info.value.path == str(path)
    assert message in info.value.message


# ------------------------------------------------------------- dispatch and CLI


def test_unsupported_extension_lists_every_format(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("notes", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError) as info:
        list(read_paths([path]))
    for suffix in (".txt", ".jsonl", ".html", ".htm", ".warc", ".warc.gz", ".xml", ".rss"):
        assert suffix in info.value.message
    assert info.value.message.endswith("or .atom")


@pytest.mark.parametrize(
    ("module", "path", "extra"),
    [
        ("trafilatura", PAGES / f"{STRIKE}.html", "html"),
        ("feedparser", FEEDS / "plains-tribune.atom", "feeds"),
        ("warcio", WEB / "missing-library.warc", "warc"),
    ],
)
def test_missing_library(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, module: str, path: Path, extra: str
) -> None:
    if path.suffix == ".warc":
        path = build_warc(tmp_path / path.name)
    for name in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)  # import fails
    with pytest.raises(UnsupportedFormatError) as info:
        list(read_paths([path]))
    assert info.value.path == str(path)
    assert f'pip install "syndetect[{extra}]"' in info.value.message
    assert_input_error(run("scan", str(path)), str(path), f"syndetect[{extra}]")


def test_scan_finds_exactly_the_reprint(tmp_path: Path) -> None:
    build_warc(tmp_path / "crawl.warc.gz")
    result = run("scan", str(PAGES), str(FEEDS), str(tmp_path), "--format", "json")
    assert result.exit_code == 0, (result.output, result.exception)
    report = json.loads(result.stdout)
    assert len(report["documents"]) == 3 + 5 + 2
    pairs = [(p["source"], p["derived"], p["direction"]) for p in report["pairs"]]
    assert pairs == [(STRIKE, REPRINT, "source_to_derived")]
    dates = {d["id"]: d["date"] for d in report["documents"]}
    assert dates[STRIKE] == "2024-03-05" and dates[REPRINT] == "2024-03-06"


def test_syndetect_imports_and_reads_text_without_the_web_libraries() -> None:
    code = (
        "import sys\n"
        "for name in ('trafilatura', 'warcio', 'feedparser', 'lxml'):\n"
        "    sys.modules[name] = None\n"
        "import syndetect\n"
        "print(len(list(syndetect.read_paths(['examples/seeds']))))\n"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "5"


def _scrape_with_furniture(tmp_path: Path) -> Path:
    """A scraped folder: one article page, a sitemap and a tag page with no text."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitemap.xml").write_text(
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        "<url><loc>https://example.org/a</loc></url></urlset>",
        encoding="utf-8",
    )
    (site / "tags.html").write_text(
        "<html><head><title>Tags</title></head><body></body></html>",
        encoding="utf-8",
    )
    (site / "story.txt").write_text(
        "Officials said the bridge would reopen on Monday after a week of repairs.",
        encoding="utf-8",
    )
    return site


def test_directory_skips_files_without_articles_with_a_warning(tmp_path: Path) -> None:
    site = _scrape_with_furniture(tmp_path)
    with pytest.warns(SkippedFileWarning) as caught:
        docs = list(read_paths([site]))
    assert [d.id for d in docs] == ["story"]
    messages = sorted(str(w.message) for w in caught)
    assert messages == [
        f"{site / 'sitemap.xml'}: not an RSS or Atom feed; skipped",
        f"{site / 'tags.html'}: no main text found in the HTML page; skipped",
    ]


def test_cli_warns_once_per_skipped_file_and_scans_the_rest(tmp_path: Path) -> None:
    site = _scrape_with_furniture(tmp_path)
    result = CliRunner().invoke(cli, ["scan", str(site), "-f", "json"])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    assert warned == [
        f"Warning: {site / 'sitemap.xml'}: not an RSS or Atom feed; skipped",
        f"Warning: {site / 'tags.html'}: no main text found in the HTML page; skipped",
    ]
    assert json.loads(result.stdout)["documents"][0]["id"] == "story"


@pytest.mark.parametrize("name", ["sitemap.xml", "tags.html"])
def test_a_file_without_articles_named_explicitly_is_an_error(tmp_path: Path, name: str) -> None:
    path = _scrape_with_furniture(tmp_path) / name
    with pytest.raises(NoArticleError):
        list(read_paths([path]))
    result = CliRunner().invoke(cli, ["scan", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path}: ")
