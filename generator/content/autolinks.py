"""GitHub's autolinks for markdown-it-py: `www.…`, `https://…` and `nombre@dominio.cl` become
links, exactly where GitHub's renderer makes them.

A port of cmark-gfm's `extensions/autolink.c` (the code behind GitHub's preview): the same
triggers (`w` and `:` while reading inline text, e-mail addresses in the text once it is
read), the same domain rules and the same trimming of trailing punctuation and unmatched
`)`. It replaces linkify-it-py, which recognises other things (it wants known top-level
domains, GitHub does not) and cost two thirds of each body's parse.

Domain and trimming rules work on UTF-8 bytes, as in C: a non-ASCII letter ends a domain
just where it ends it for GitHub.
"""

from __future__ import annotations

import unicodedata

import mdurl
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_SCHEMES = (b"http://", b"https://", b"ftp://")
_TRAILING = b"?!.,:*_~'\""
_BEFORE_WWW = " \t\n\v\f\r*_~("  # cmark_isspace is ASCII only


def _is_space(byte: int) -> bool:
    return byte in b" \t\n\v\f\r"


def _is_alpha(byte: int) -> bool:
    return 65 <= byte <= 90 or 97 <= byte <= 122


def _is_alnum(byte: int) -> bool:
    return _is_alpha(byte) or 48 <= byte <= 57


def _valid_hostchar(data: bytes, i: int) -> bool:
    """cmark's is_valid_hostchar: the character starting at byte `i` is neither a space nor
    punctuation (a byte inside a multi-byte character is not valid, as in cmark)."""
    byte = data[i]
    if byte < 0x80:
        return not (_is_space(byte) or unicodedata.category(chr(byte)).startswith("P"))
    if byte & 0xC0 == 0x80:  # a continuation byte: utf8proc_iterate fails there
        return False
    length = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
    try:
        char = data[i : i + length].decode("utf-8")
    except UnicodeDecodeError:
        return False
    category = unicodedata.category(char)
    return not (category.startswith("P") or category == "Zs")


def _delimit(data: bytes, end: int) -> int:
    """cmark's autolink_delim: where the link ends once trailing punctuation, an entity-like
    `&…;` and unmatched closing parentheses are left out."""
    stop = data.find(b"<", 0, end)
    if stop >= 0:
        end = stop
    while end > 0:
        last = data[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last == 0x3B:  # ;
            new_end = end - 2
            while new_end > 0 and _is_alpha(data[new_end]):
                new_end -= 1
            end = new_end if new_end < end - 2 and data[new_end] == 0x26 else end - 1  # &
        elif last == 0x29:  # )
            if data.count(b")", 0, end) <= data.count(b"(", 0, end):
                break
            end -= 1
        else:
            break
    return end


def _check_domain(data: bytes, allow_short: bool) -> int:
    """cmark's check_domain: the length of a valid domain at the start of `data`, or 0."""
    size = len(data)
    dots = underscores_before = underscores = 0
    i = 1
    while i < size - 1:
        byte = data[i]
        if byte == 0x5F:  # _
            underscores += 1
        elif byte == 0x2E:  # .
            underscores_before, underscores = underscores, 0
            dots += 1
        elif not _valid_hostchar(data, i) and byte != 0x2D:  # -
            break
        i += 1
    if underscores_before or underscores:
        return 0
    return i if allow_short or dots else 0


def _to_whitespace(data: bytes, end: int) -> int:
    while end < len(data) and not _is_space(data[end]):
        end += 1
    return end


def _in_brackets(state: StateInline) -> bool:
    """Inside the text of a link, or after an unclosed `[` (cmark's in_bracket)."""
    if state.linkLevel > 0:
        return True
    text, depth, i = state.src[: state.pos], 0, 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 1
        elif char == "[":
            depth += 1
        elif char == "]" and depth:
            depth -= 1
        i += 1
    return depth > 0


def _push_link(state: StateInline, href: str, text: str) -> None:
    token = state.push("link_open", "a", 1)
    token.attrs = {"href": href}
    token.markup, token.info = "autolink", "auto"
    token = state.push("text", "", 0)
    token.content = text
    token = state.push("link_close", "a", -1)
    token.markup, token.info = "autolink", "auto"


def www_link(state: StateInline, silent: bool) -> bool:
    """`www.example.cl/ruta`, at the start of a line, after a space or after `*_~(`."""
    pos = state.pos
    if silent or not state.src.startswith("www.", pos):
        return False
    if pos > 0 and state.src[pos - 1] not in _BEFORE_WWW:
        return False
    if _in_brackets(state):
        return False
    data = state.src[pos : state.posMax].encode("utf-8")
    end = _check_domain(data, allow_short=False)
    if end == 0:
        return False
    end = _delimit(data, _to_whitespace(data, end))
    if end == 0:
        return False
    text = data[:end].decode("utf-8", "ignore")
    _push_link(state, mdurl.encode("http://" + text), text)
    state.pos += len(text)
    return True


def url_link(state: StateInline, silent: bool) -> bool:
    """`https://…`, `http://…` and `ftp://…`, the scheme read back from the text before `:`."""
    pos = state.pos
    if silent or not state.src.startswith("://", pos):
        return False
    scheme_length = 0
    while (
        scheme_length < pos
        and state.src[pos - scheme_length - 1].isascii()
        and (state.src[pos - scheme_length - 1].isalpha())
    ):
        scheme_length += 1
    start = pos - scheme_length
    data = state.src[start : state.posMax].encode("utf-8")
    scheme = next((s for s in _SCHEMES if data[: len(s)].lower() == s), None)
    if scheme is None or len(data) <= len(scheme) or not _valid_hostchar(data, len(scheme)):
        return False
    if not state.pending.endswith(state.src[start:pos]) or _in_brackets(state):
        return False
    rest = data[scheme_length:]  # from «:»
    domain = _check_domain(rest[3:], allow_short=True)
    if domain == 0:
        return False
    end = _delimit(data, _to_whitespace(data, scheme_length + 3 + domain))
    if end <= scheme_length:
        return False
    text = data[:end].decode("utf-8", "ignore")
    state.pending = state.pending[: len(state.pending) - scheme_length]
    _push_link(state, mdurl.encode(text), text)
    state.pos = start + len(text)
    return True


def _email_at(data: bytes) -> tuple[int, int] | None:
    """(start, end) in bytes of the first e-mail address in `data`, as cmark's
    postprocess_text finds it, or None."""
    offset = 0
    while (at := data.find(b"@", offset)) >= 0:
        rewind = 0
        slash = False
        while rewind < at - offset:
            byte = data[at - rewind - 1]
            if _is_alnum(byte) or byte in b".+-_":
                rewind += 1
                continue
            slash = byte == 0x2F
            break
        if rewind and not slash:
            end = at
            ats = dots = 0
            while end < len(data):
                byte = data[end]
                if _is_alnum(byte):
                    pass
                elif byte == 0x40:
                    ats += 1
                elif byte == 0x2E and end < len(data) - 1 and _is_alnum(data[end + 1]):
                    dots += 1
                elif byte not in b"-_":
                    break
                end += 1
            length = end - at
            last = data[end - 1]
            if length >= 2 and ats == 1 and dots and (_is_alpha(last) or last == 0x2E):
                length = _delimit(data[at:], length)
                if length:
                    return at - rewind, at + length
        offset = at + 1
    return None


def _emails(children: list[Token]) -> list[Token]:
    """The inline tokens with e-mail addresses in text (outside links) made links."""
    out: list[Token] = []
    in_link = 0
    for token in children:
        if token.type == "link_open":
            in_link += 1
        elif token.type == "link_close":
            in_link -= 1
        if token.type != "text" or in_link or "@" not in token.content:
            out.append(token)
            continue
        data = token.content.encode("utf-8")
        while (found := _email_at(data)) is not None:
            start, end = found
            before, email = data[:start].decode(), data[start:end].decode()
            if before:
                out.append(_text(before))
            out += _link_tokens("mailto:" + email, email)
            data = data[end:]
        if data:
            out.append(_text(data.decode()))
    return out


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _link_tokens(href: str, text: str) -> list[Token]:
    opening = Token("link_open", "a", 1, attrs={"href": href}, markup="autolink", info="auto")
    closing = Token("link_close", "a", -1, markup="autolink", info="auto")
    return [opening, _text(text), closing]


def email_links(state: StateCore) -> None:
    for token in state.tokens:
        if token.type == "inline" and token.children and "@" in token.content:
            token.children = _emails(token.children)


def gfm_autolinks(md: MarkdownIt) -> None:
    """GitHub's autolinks instead of markdown-it's linkify (which needs linkify-it-py)."""
    md.disable(["linkify"], ignoreInvalid=True)
    md.inline.ruler.before("linkify", "gfm_www", www_link)
    md.inline.ruler.before("linkify", "gfm_url", url_link)
    md.inline.add_terminator_char("w")
    md.core.ruler.after("text_join", "gfm_email", email_links)
