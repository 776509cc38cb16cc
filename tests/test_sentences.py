import pytest

from analysis.sentences import split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Pentagon said on Dec. 13 that it saw nothing. Officials agreed.",
         ["The Pentagon said on Dec. 13 that it saw nothing.", "Officials agreed."]),
        ("U.S. officials met Gen. Smith in St. Petersburg. Talks ended.",
         ["U.S. officials met Gen. Smith in St. Petersburg.", "Talks ended."]),
        ("Monday was St. Nicholas Day. Children got gifts.", ["Monday was St. Nicholas Day.", "Children got gifts."]),
        ("Inflation rose to 3.5 percent. Prices of 1.250 items rose.", ["Inflation rose to 3.5 percent.", "Prices of 1.250 items rose."]),
        ("The novel by J. K. Rowling sold well. Critics disagreed.", ["The novel by J. K. Rowling sold well.", "Critics disagreed."]),
        ("“This step is needed right now.” The minister left.", ["“This step is needed right now.”", "The minister left."]),
        ("“It is over,” he said. “We won.” Then silence.", ["“It is over,” he said.", "“We won.”", "Then silence."]),
        ('"Why?" he asked. Nobody answered!', ['"Why?" he asked.', "Nobody answered!"]),
        ("Is it over? Yes. It is.", ["Is it over?", "Yes.", "It is."]),
        ("The siren… I thought it was a strike.", ["The siren… I thought it was a strike."]),
        ("Drones hit Kyiv. they came at night.", ["Drones hit Kyiv.", "they came at night."]),
        ("Talks began at 9 a.m. on Monday in Minsk.", ["Talks began at 9 a.m. on Monday in Minsk."]),
        ("He said so.\n\nwho had known him for years.", ["He said so.\n\nwho had known him for years."]),
        ("  Leading space. Trailing space.  ", ["Leading space.", "Trailing space."]),
        ("No final stop", ["No final stop"]),
        ("", []),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected
