"""Presentation for people: Dutch labels, charts, the summary and the HTML report."""
