"""What a reader gets from HTML: the tags, the text inside code and the text outside it."""

from __future__ import annotations

from html.parser import HTMLParser


class Reading(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.depth = 0  # inside how many <code> or <pre>
        self.code = ""
        self.outside_code = ""

    @classmethod
    def of(cls, html: str) -> Reading:
        reading = cls()
        reading.feed(html)
        reading.close()
        return reading

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.depth += tag in ("code", "pre")

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag in ("code", "pre")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.code += data
        else:
            self.outside_code += data
