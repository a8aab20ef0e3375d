"""The docs page both engines read: what the generator writes (`generator/site/docspage.py`)
and what the `passthrough` extension takes as it is, agreed here once.

A page is its front matter, the headings of its sections as Markdown headings with their id
(`## Título {#id}`, from which the engines make the table of contents), and everything else
as blocks of HTML between `OPEN` and `CLOSE` lines.
"""

from __future__ import annotations

import re

OPEN = "<!-- rc:html -->"
CLOSE = "<!-- /rc:html -->"
# `## Qué hicimos {#que-hicimos}`: its marks, its inner HTML and its id.
HEADING_LINE = re.compile(r"(#{1,6}) (.*) \{#([^}\s]*)\}$")
