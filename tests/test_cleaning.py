"""Each debris family and metadata kind, on synthetic articles beyond the seeds."""
import pytest

from helpers import PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C, roles

BODY = f"{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n\n{PARAGRAPH_C}"


def article(top: str = "", tail: str = "", body: str = BODY) -> str:
    return "\n\n".join(part for part in (top, body, tail) if part)


@pytest.mark.parametrize(
    "line, where, reason",
    [
        ("facebooktwitterlinkedinemail", "top", "share-button words"),
        ("Share  Tweet  WhatsApp  Email", "top", "share-button words"),
        ("copy short url   Copy", "tail", "share-button words"),
        ("A+", "top", "font-size control"),
        ("- A", "top", "font-size control"),
        ("We use cookies to improve your experience. By continuing you accept our cookie policy.", "top", "sign-up or consent notice"),
        ("ADVERTISEMENT", "top", "advertisement marker"),
        ("Story continues below advertisement", "top", "advertisement marker"),
        ("Photo: Sergei Ivanov/Reuters", "top", "photo or video credit"),
        ("READ MORE: Minister warns of winter shortages", "top", "inline related-article link"),
        ("Source link", "tail", "source link to the original"),
        ("Leave a Comment", "tail", "comment form"),
        ("Required fields are marked *", "tail", "comment form"),
        ("Subscribe now", "tail", "paywall prompt"),
        ("Sign up for our daily briefing", "tail", "newsletter or follow prompt"),
        ("Copyright 2023 Example Media Group. All rights reserved.", "tail", "copyright or footer line"),
        ("© 2022 The Daily Planet", "tail", "copyright or footer line"),
        ("The views expressed in this article do not necessarily reflect those of the site.", "tail", "site disclaimer"),
        ("Download our app for breaking news", "top", "site promotion"),
        ("1,204", "tail", "short line after the last paragraph"),
        ("42", "tail", "bare number (share or comment counter)"),
    ],
)
def test_debris_family(line, where, reason):
    text = article(top=line) if where == "top" else article(tail=line)
    role, why = roles(text)[line]
    assert role == "boilerplate"
    assert why == reason
    assert all(roles(text)[p][0] == "body" for p in (PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C))


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Reuters", "agency credit"),
        ("(AFP)", "agency credit"),
        ("By Jane Doe and John Smith", "byline"),
        ("Published 19 December 2022, 10:42", "date line"),
        ("Updated: Dec 19, 2022", "date line"),
        ("2022-12-19", "date line"),
    ],
)
def test_metadata_lines_are_meta(line, reason):
    labelled = roles(article(top=f"Minister arrives in Vienna for energy talks\n\n{line}"))
    assert labelled[line] == ("meta", reason)
    assert labelled["Minister arrives in Vienna for energy talks"][0] == "headline"


def test_source_credit_is_meta_and_ends_the_article():
    labelled = roles(article(tail="Source: Example Wire\n\nMore headlines from around the world today for you"))
    assert labelled["Source: Example Wire"] == ("meta", "source credit")
    role, reason = labelled["More headlines from around the world today for you"]
    assert role == "boilerplate" and reason.startswith("after the end of the article (source credit")


def test_teaser_run_after_related_header_is_removed_with_the_header_named():
    tail = "Related Stories\n\nFarmers protest over fuel prices in the north\n\nThousands of farmers drove tractors into the city centre on Monday…"
    labelled = roles(article(tail=tail))
    assert labelled["Related Stories"] == ("boilerplate", "related-links header")
    for teaser in ("Farmers protest over fuel prices in the north", "Thousands of farmers drove tractors into the city centre on Monday…"):
        assert labelled[teaser][1].startswith("after the end of the article (related-links header, line")


def test_masthead_agency_and_dateline_above_body():
    top = "The Northern Courier\n\ndpa\n\nVienna"
    labelled = roles(article(top=top))
    assert labelled["The Northern Courier"][0] == "meta" and labelled["The Northern Courier"][1].startswith("masthead")
    assert labelled["dpa"] == ("meta", "agency credit")
    assert labelled["Vienna"] == ("meta", "dateline")


def test_masthead_found_by_manifest_outlet_name():
    labelled = roles(article(top="northern courier\n\nMinister arrives in Vienna for energy talks"), outlet="The Northern Courier")
    assert labelled["northern courier"] == ("meta", "masthead (the outlet's name)")


def test_headline_dek_and_media_caption():
    top = (
        "Minister arrives in Vienna for energy talks\n\n"
        "Minister waves from plane\n\n"
        "We use your sign-up to provide content in ways you've consented to. You can unsubscribe at any time.\n\n"
        "The visit comes as the two countries try to settle a long dispute over gas transit fees"
    )
    labelled = roles(article(top=top))
    assert labelled["Minister arrives in Vienna for energy talks"][0] == "headline"
    assert labelled["Minister waves from plane"][1].startswith("caption of embedded media")
    assert labelled["The visit comes as the two countries try to settle a long dispute over gas transit fees"][0] == "dek"


def test_missing_headline_stays_missing():
    labelled = roles(BODY)
    assert {role for role, _ in labelled.values()} == {"body"}


def test_teaser_with_ellipsis_above_the_body_is_not_the_headline():
    labelled = roles(article(top="Now in your language: world news..."))
    assert labelled["Now in your language: world news..."] == ("boilerplate", "truncated teaser (ends with an ellipsis)")


def test_subheads_between_paragraphs():
    body = f"{PARAGRAPH_A}\n\nTalks resume in Vienna\n\n{PARAGRAPH_B}\n\nthe cost of gas\n\n{PARAGRAPH_C}"
    labelled = roles(body)
    assert labelled["Talks resume in Vienna"][0] == "subhead"
    assert labelled["the cost of gas"][0] == "subhead"


@pytest.mark.parametrize(
    "first, second, why",
    [
        ("The minister, who arrived on Tuesday,", "said the talks would continue next year in Vienna.", "comma"),
        ("Officials listed three conditions for a deal;", "None of them has been met so far, they said on Monday.", "semicolon"),
        ("The minister thanked his host for the support.", "who has backed the project since it was first proposed.", "lower-case who"),
    ],
)
def test_paragraph_broken_mid_sentence_joins_its_predecessor(first, second, why):
    from analysis.cleaning import group_blocks, label_lines
    from helpers import PATTERNS

    lines = f"{PARAGRAPH_A}\n\n{first}\n\n{second}\n\n{PARAGRAPH_C}".split("\n")
    blocks = group_blocks(lines, label_lines(lines, PATTERNS))
    joined = [b for b in blocks if b.line_start == 3]
    assert len(joined) == 1 and joined[0].line_end == 5 and joined[0].role == "body"
    assert "line 5 continues line 3" in joined[0].reason
    assert joined[0].text == "\n".join(lines[2:5])


def test_a_lower_case_paragraph_that_is_not_a_continuation_stays_separate():
    from analysis.cleaning import group_blocks, label_lines
    from helpers import PATTERNS

    lines = f"{PARAGRAPH_A}\n\nkyiv receives weapons from its allies and waits for more shipments.\n\n{PARAGRAPH_B}".split("\n")
    blocks = group_blocks(lines, label_lines(lines, PATTERNS))
    assert [(b.line_start, b.line_end) for b in blocks] == [(1, 1), (3, 3), (5, 5)]


def test_body_paragraph_mentioning_debris_words_stays_body():
    paragraph = (
        "Regulators said the company had used cookies and sign-up data to track readers without consent, "
        "and that users could not unsubscribe at any time as the law requires, according to the ruling."
    )
    assert roles(article(body=f"{PARAGRAPH_A}\n\n{paragraph}\n\n{PARAGRAPH_B}"))[paragraph][0] == "body"


def test_site_template_lines_repeated_across_the_corpus():
    labelled = roles(article(top="World | Europe | Politics"), templates=frozenset({"world | europe | politics"}))
    assert labelled["World | Europe | Politics"] == ("boilerplate", "site template: the same line recurs across the corpus")
