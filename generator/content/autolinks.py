"""GitHub's autolinks for markdown-it-py: `www.…`, `https://…` and `nombre@dominio.cl` become
links, exactly where GitHub's renderer makes them.

A port of cmark-gfm's `extensions/autolink.c` (the code behind GitHub's preview; version
0.29.0.gfm.13, the one in the tests' oracle): the same triggers (`w` and `:` while reading
inline text, e-mail addresses, `mailto:` and `xmpp:` ones too, in the text once it is read),
the same domain rules, the same trimming of trailing punctuation and unmatched `)`, and no
link after a `[` still open. Each candidate reads only its own word, so a body of thousands
of addresses is read in linear time. It replaces linkify-it-py, which recognises other
things (it wants known top-level domains, GitHub does not) and cost two thirds of each
body's parse.

Domain and trimming rules work on UTF-8 bytes, as in C: a non-ASCII letter ends a domain
just where it ends it for GitHub.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass

import mdurl
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_SCHEMES = (b"http://", b"https://", b"ftp://")
_TRAILING = b"?!.,:*_~'\""
_SPACE = b"\t\n\r "  # cmark_isspace
_UNICODE_SPACE = b"\t\n\f\r "  # cmark_utf8proc_is_space, below 128
_PUNCTUATION = string.punctuation.encode()  # cmark_ispunct: all of ASCII's
_BEFORE_WWW = "\t\n\r *_~("
_SPACE_AT = re.compile("[\t\n\r ]")


def _is_space(byte: int) -> bool:
    return byte in _SPACE


def _is_alpha(byte: int) -> bool:
    return 65 <= byte <= 90 or 97 <= byte <= 122


def _is_alnum(byte: int) -> bool:
    return _is_alpha(byte) or 48 <= byte <= 57


def _valid_hostchar(data: bytes, i: int) -> bool:
    """cmark's is_valid_hostchar: the character starting at byte `i` is neither a space nor
    punctuation (a byte inside a multi-byte character is not valid, as in cmark)."""
    byte = data[i]
    if byte < 0x80:
        return byte not in _UNICODE_SPACE and byte not in _PUNCTUATION
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
    opening, closing = data.count(b"(", 0, end), data.count(b")", 0, end)
    while end > 0:
        last = data[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last == 0x3B:  # ;
            new_end = end - 2
            while new_end > 0 and _is_alpha(data[new_end]):
                new_end -= 1
            end = new_end if new_end < end - 2 and data[new_end] == 0x26 else end - 1  # &
        elif last == 0x29 and closing > opening:  # an unmatched )
            closing -= 1
            end -= 1
        else:
            break
    return end


def _check_domain(data: bytes, allow_short: bool) -> int:
    """cmark's check_domain: the length of a valid domain at the start of `data`, or 0. An
    underscore in one of its last two parts makes it invalid, unless it has over 10 parts (so
    that a long address costs linear time, as in cmark)."""
    size = len(data)
    dots = underscores_before = underscores = 0
    i = 1
    while i < size - 1:
        if data[i] == 0x5C and i < size - 2:  # a backslash: the next character counts
            i += 1
        byte = data[i]
        if byte == 0x5F:  # _
            underscores += 1
        elif byte == 0x2E:  # .
            underscores_before, underscores = underscores, 0
            dots += 1
        elif not _valid_hostchar(data, i) and byte != 0x2D:  # -
            break
        i += 1
    if (underscores_before or underscores) and dots <= 10:
        return 0
    return i if allow_short or dots else 0


def _to_whitespace(data: bytes, end: int) -> int:
    while end < len(data) and not _is_space(data[end]):
        end += 1
    return end


def _word(state: StateInline, start: int) -> bytes:
    """The text from `start` to the first space after it, that space included (no link goes
    past one, and cmark's domain check stops there), in UTF-8."""
    space = _SPACE_AT.search(state.src, start, state.posMax)
    return state.src[start : space.end() if space else state.posMax].encode("utf-8")


_BRACKETS = "red_gfm_brackets"  # the state's count of `[` still open


def open_brackets(state: StateInline, silent: bool) -> bool:
    """Counts the `[` that stay text and the `]` that close them (cmark's bracket stack),
    where no other rule took them (this rule comes last); it never takes anything itself."""
    if not silent and state.src[state.pos] in "[]":
        depth = vars(state).get(_BRACKETS, 0)
        depth += 1 if state.src[state.pos] == "[" else -1 if depth else 0
        vars(state)[_BRACKETS] = depth
    return False


def _in_brackets(state: StateInline) -> bool:
    """Inside the text of a link, or after an unclosed `[` (cmark's in_bracket)."""
    return state.linkLevel > 0 or vars(state).get(_BRACKETS, 0) > 0


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
    data = _word(state, pos)
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


def _written_before(state: StateInline, scheme: str) -> bool:
    """The scheme ends the text read so far: in the pending text, or its first letter in the
    escape before it (`\\https://…`: a backslash before a letter is text, as in cmark)."""
    if state.pending.endswith(scheme):
        return True
    head = scheme[: len(scheme) - len(state.pending)]
    last = state.tokens[-1] if state.tokens else None
    return (
        scheme.endswith(state.pending)
        and last is not None
        and last.type == "text_special"
        and last.content.endswith(head)
    )


def _take_back(state: StateInline, length: int) -> None:
    """cmark's cmark_node_unput: the scheme leaves the text before it (it is the link's)."""
    kept = len(state.pending) - length
    if kept < 0:
        last = state.tokens[-1]
        last.content = last.content[:kept]
    state.pending = state.pending[: max(kept, 0)]


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
    data = _word(state, start)
    scheme = next((s for s in _SCHEMES if data[: len(s)].lower() == s), None)
    if scheme is None or len(data) <= len(scheme) or not _valid_hostchar(data, len(scheme)):
        return False
    if not _written_before(state, state.src[start:pos]) or _in_brackets(state):
        return False
    rest = data[scheme_length:]  # from «:»
    domain = _check_domain(rest[3:], allow_short=True)
    if domain == 0:
        return False
    end = _delimit(data, _to_whitespace(data, scheme_length + 3 + domain))
    if end <= scheme_length:
        return False
    text = data[:end].decode("utf-8", "ignore")
    _take_back(state, scheme_length)
    _push_link(state, mdurl.encode(text), text)
    state.pos = start + len(text)
    return True


def _after_protocol(protocol: bytes, data: bytes, at: int, rewind: int, room: int) -> bool:
    """cmark's validate_protocol: `protocol` (`mailto:`) ends just before the `rewind` bytes
    read back from `at`, within `room` bytes, and no letter or digit is right before it."""
    start = at - rewind - len(protocol)
    if len(protocol) > room - rewind or data[start : at - rewind] != protocol:
        return False
    return len(protocol) == room - rewind or not _is_alnum(data[start - 1])


@dataclass
class _Email:
    """One search for an address, as cmark's postprocess_text keeps it."""

    mailto: bool = True  # the link gets «mailto:» (the text had no protocol of its own)
    xmpp: bool = False

    def rewind(self, data: bytes, at: int, room: int) -> int:
        """How many bytes before the «@» (at most `room`) are the address's."""
        rewind = 0
        while rewind < room:
            byte = data[at - rewind - 1]
            if byte == 0x3A and _after_protocol(b"mailto:", data, at, rewind, room):
                self.mailto = False
            elif byte == 0x3A and _after_protocol(b"xmpp:", data, at, rewind, room):
                self.mailto, self.xmpp = False, True
            elif not (_is_alnum(byte) or byte in b".+-_"):
                break
            rewind += 1
        return rewind


def _email_at(data: bytes, offset: int) -> tuple[int, int, bool] | None:
    """(start, end, needs «mailto:») in bytes of the first e-mail address in `data` from
    `offset` on, as cmark's postprocess_text finds it, or None."""
    while offset < len(data) and (at := data.find(b"@", offset)) >= 0:
        email, room = _Email(), at - offset
        while True:  # from an «@»; a second one starts again from it
            rewind = email.rewind(data, at, room)
            if rewind == 0:
                offset = at + 1
                break
            end, dots, again = 1, 0, False
            while at + end < len(data):
                byte = data[at + end]
                if byte == 0x40:  # @
                    again = True
                    break
                if byte == 0x2E and at + end + 1 < len(data) and _is_alnum(data[at + end + 1]):
                    dots += 1
                elif not (_is_alnum(byte) or byte in b"-_" or (byte == 0x2F and email.xmpp)):
                    break
                end += 1
            if again:
                offset, room, at = at + 1, end - 1, at + end
                continue
            last = data[at + end - 1]
            if end < 2 or not dots or not (_is_alpha(last) or last == 0x2E):
                offset = at + end
                break
            end = _delimit(data[at:], end)
            if end == 0:
                offset = at + 1
                break
            return at - rewind, at + end, email.mailto
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
        data, done = token.content.encode("utf-8"), 0
        while (found := _email_at(data, done)) is not None:
            start, end, mailto = found
            if start > done:
                out.append(_text(data[done:start].decode()))
            email = data[start:end].decode()
            out += _link_tokens("mailto:" * mailto + email, email)
            done = end
        if done < len(data):
            out.append(_text(data[done:].decode()))
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
    md.inline.ruler.push("gfm_open_brackets", open_brackets)
    md.core.ruler.after("text_join", "gfm_email", email_links)
