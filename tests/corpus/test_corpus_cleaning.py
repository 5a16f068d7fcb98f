"""Cleaning scraped text, Markdown and HTML into clean text and blocks."""

from __future__ import annotations

import pytest

from treatytui.corpus.cleaning import CleanText, clean, looks_like_headline
from treatytui.corpus.mojibake import repair_mojibake


def kinds_and_texts(document: CleanText) -> list[tuple[str, str]]:
    return [(b.kind, document.text[b.start : b.end]) for b in document.blocks]


def assert_well_formed(document: CleanText) -> None:
    """Blocks tile the text: no surrounding whitespace, one blank line between them."""
    for block in document.blocks:
        piece = document.text[block.start : block.end]
        assert piece and piece == piece.strip()
    rebuilt = "\n\n".join(document.text[b.start : b.end] for b in document.blocks)
    assert rebuilt == document.text


SCRAPED = """ |
| A minister shakes hands with a delegate at the ceremony. |
Ministers gather for a landmark agreement on digital crime
The agreement was signed on a sunny morning in the capital.
![]() |
![Photo](https://example.org/p.jpg)
______________________
The delegates arrived early (
as planned) and talked until noon.
The final session of the
meeting ran late.
| Delegates listen
to the opening speech. |
=====
By Jane Doe and John Roe
(Updated: March 3, 2025)
"""


def test_scraped_text() -> None:
    document = clean(SCRAPED)
    assert_well_formed(document)
    assert kinds_and_texts(document) == [
        ("caption", "A minister shakes hands with a delegate at the ceremony."),
        ("title", "Ministers gather for a landmark agreement on digital crime"),
        ("paragraph", "The agreement was signed on a sunny morning in the capital."),
        ("paragraph", "The delegates arrived early (as planned) and talked until noon."),
        ("paragraph", "The final session of the meeting ran late."),
        ("caption", "Delegates listen to the opening speech."),
        ("byline", "By Jane Doe and John Roe"),
        ("meta", "(Updated: March 3, 2025)"),
    ]


def test_emoji_markers_become_labelled_meta_lines() -> None:
    document = clean(
        "📍 Grand Hall, Riverside\n🗓️ May 4-6\n✅ Everyone agreed to meet again next year.\n"
    )
    assert kinds_and_texts(document) == [
        ("meta", "Where: Grand Hall, Riverside"),
        ("meta", "When: May 4-6"),
        ("paragraph", "Everyone agreed to meet again next year."),
    ]


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("It ends this spring.Then it starts again.", "It ends this spring. Then it starts again."),
        ("Adopted in 2024.The vote was clear.", "Adopted in 2024. The vote was clear."),
        ('She said "yes."The room cheered.', 'She said "yes." The room cheered.'),
        ("See e.g.The appendix.", "See e.g.The appendix."),
        ("The U.S.Army band played.", "The U.S.Army band played."),
        ("Growth was 3.5 per cent.", "Growth was 3.5 per cent."),
        ("Visit www.example.Org/News today.", "Visit www.example.Org/News today."),
        ("Mail press@example.Org now.", "Mail press@example.Org now."),
    ],
)
def test_glued_sentences(raw: str, fixed: str) -> None:
    assert clean(raw).text == fixed


def test_glued_quoted_heading_is_split() -> None:
    document = clean("'Hope for tomorrow'Ministers then spoke at length about the plan.\n")
    assert kinds_and_texts(document) == [
        ("paragraph", "'Hope for tomorrow'"),
        ("paragraph", "Ministers then spoke at length about the plan."),
    ]


def test_quotation_is_not_taken_for_a_heading() -> None:
    text = "'It is done.'Ministers cheered."
    assert clean(text).text == "'It is done.' Ministers cheered."


def test_lines_that_end_sentences_are_not_joined() -> None:
    document = clean("A short heading\nThe story begins here.\nit is lowercase but apart.\n")
    assert [b.kind for b in document.blocks] == ["title", "paragraph", "paragraph"]


def test_blank_lines_collapse_and_spaces_tidy() -> None:
    document = clean("First   paragraph.\n\n\n\n\tSecond\u00a0paragraph.  \n\n\n")
    assert document.text == "First paragraph.\n\nSecond paragraph."


def test_single_line_is_not_a_title() -> None:
    assert [b.kind for b in clean("Just one line without a stop").blocks] == ["paragraph"]


def test_title_hint_marks_the_title() -> None:
    document = clean(
        "Report.\nThe real title\nBody text follows here.", title_hint="the real  TITLE"
    )
    assert [b.kind for b in document.blocks] == ["paragraph", "title", "paragraph"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Nations sign a treaty on digital crime", True),
        ("Why the treaty matters?", True),
        ("The treaty was signed.", False),
        ("Too short", False),
        ("lowercase start is not a headline here", False),
        ("One sentence ends. Another starts here", False),
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("Secretary-General AntĂłnio spoke.", "Secretary-General António spoke."),
        ("Itâ€™s here", "It’s here"),
        ("cafÃ© culture", "café culture"),
    ],
)
def test_mojibake_is_repaired(broken: str, repaired: str) -> None:
    assert repair_mojibake(broken) == repaired
    assert clean(broken).text == repaired


@pytest.mark.parametrize(
    "text",
    [
        "“Curly” and ‘single’ quotes — dashes… stay.",
        "Łódź, Kraków, Český Krumlov, ROMÂNĂ, Ærøskøbing, Ñandú.",
        "Full-width ＡＢＣ, ligature ﬁ, entity &amp; stay too.",
    ],
)
def test_mojibake_repair_leaves_good_text_alone(text: str) -> None:
    assert repair_mojibake(text) == text


MARKDOWN = """# A **bold** headline

Intro paragraph with a [link](https://example.org) and
a soft-wrapped *second* line.

![a photo](https://example.org/p.jpg)

## Background

- first item with `code`
- second item

> A quoted passage.

<!-- hidden comment -->
Escaped \\*stars\\* stay.
"""


def test_markdown() -> None:
    document = clean(MARKDOWN, "markdown")
    assert_well_formed(document)
    assert kinds_and_texts(document) == [
        ("title", "A bold headline"),
        ("paragraph", "Intro paragraph with a link and a soft-wrapped second line."),
        ("paragraph", "Background"),
        ("paragraph", "first item with code"),
        ("paragraph", "second item"),
        ("paragraph", "A quoted passage."),
        ("paragraph", "Escaped *stars* stay."),
    ]


HTML = """<!doctype html><html><head>
<title>Page title | Example News</title>
<meta property="og:title" content="Nations sign the treaty">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-10-26T09:00:00Z">
<link rel="canonical" href="https://example.org/treaty">
<style>p { color: red }</style><script>alert("no")</script>
</head><body>
<header><nav><a href="/">Home</a> Menu</nav></header>
<article>
<header><h1>Nations sign the treaty</h1></header>
<p>By Jane Doe</p>
<p>Leaders met &amp; signed\n   the text&nbsp;today.<br>A second line.</p>
<figure><img src="x.jpg" alt="a photo"><figcaption>Leaders at the table.</figcaption></figure>
<h2>What comes next</h2>
<ul><li>Ratification.</li><li>Entry into force.</li></ul>
<blockquote><p>A quoted \x1b[31mline\x1b[0m.</p></blockquote>
<aside>Related stories</aside>
<p>Unclosed paragraph<p>Another one.
</article>
<footer>Copyright</footer>
</body></html>"""


def test_html() -> None:
    document = clean(HTML, "html")
    assert_well_formed(document)
    assert kinds_and_texts(document) == [
        ("title", "Nations sign the treaty"),
        ("byline", "By Jane Doe"),
        ("paragraph", "Leaders met & signed the text today."),
        ("paragraph", "A second line."),
        ("caption", "Leaders at the table."),
        ("paragraph", "What comes next"),
        ("paragraph", "Ratification."),
        ("paragraph", "Entry into force."),
        ("paragraph", "A quoted line."),
        ("paragraph", "Unclosed paragraph"),
        ("paragraph", "Another one."),
    ]
    assert document.metadata.title == "Nations sign the treaty"
    assert document.metadata.source == "Example News"
    assert document.metadata.url == "https://example.org/treaty"
    assert str(document.metadata.published) == "2025-10-26"


def test_html_title_tag_when_no_headline() -> None:
    document = clean("<title>Only &amp; title</title><p>Body text.</p>", "html")
    assert document.metadata.title == "Only & title"
    assert kinds_and_texts(document) == [("paragraph", "Body text.")]


def test_nothing_left() -> None:
    assert clean(" |\n______\n![]() |\n").blocks == ()


def test_html_entities_cannot_smuggle_control_codes() -> None:
    html = (
        '<meta property="og:title" content="A&#27;]0;x&#7;B"><p>Red &#27;[31m&#x9b;alert&#127;.</p>'
    )
    document = clean(html, "html")
    assert document.text.isprintable()
    assert document.metadata.title is not None and document.metadata.title.isprintable()
