"""The weekly series count what patients ask about: the topics of their message, not of the page."""
from __future__ import annotations

import pandas as pd

from analysis.timeseries.weekly import demand_topics, weekly_contacts


def _contacts() -> pd.DataFrame:
    stamps = pd.to_datetime(["2026-03-02 10:00", "2026-03-04 11:00", "2026-03-10 09:00",
                             "2026-03-15 12:00"]).tz_localize("Europe/Amsterdam")
    return pd.DataFrame({
        "timestamp": stamps,
        "text": ["Graag een afspraak.", "Mijn knie doet pijn.", "", "Pijn in mijn rug."],
        "page": ["/blog/knieklachten/", "/contact/", "/blog/knieklachten/", "/blog/knieklachten/"],
        "message_topics": ["", "knie", "", "rug"],
        "page_topics": ["knie", "", "knie", "knie"],
        "topics": ["knie", "knie", "knie", "rug;knie"]})


def test_a_contact_counts_for_the_topics_of_its_message_not_of_the_page_it_was_sent_from():
    """A post's page exists only after the post: counting its topics would make every post seem to
    bring contacts about its topics. Only a contact without a message gets the page's topics."""
    assert demand_topics(_contacts()).tolist() == [[], ["knie"], ["knie"], ["rug"]]
    weekly = weekly_contacts(_contacts(), ["knie", "rug"])
    assert weekly.loc["2026-03-02", ["total", "knie", "rug"]].tolist() == [2, 1, 0]
    assert weekly.loc["2026-03-09", ["total", "knie", "rug"]].tolist() == [2, 1, 1]
