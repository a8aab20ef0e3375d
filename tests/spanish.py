"""What a careful editor checks in the site's Spanish, as patterns the tests share.

The site speaks to its readers and authors as «tú» (escribe, revisa, agrégala): a phrase in
«usted» (escriba, revise, ¿está seguro?) is a slip. One action has one verb: a center
«adopta» another center's practice (never «aplica» it), deleting is «borrar».
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

# «usted»: the pronoun, the formal questions Decap's own Spanish asks, and the formal
# imperatives of the verbs these texts use where an instruction starts (elsewhere the same
# form is a subjunctive: «para que alguien la revise»).
FORMAL = re.compile(
    r"\b(?:usted(?:es)?|desea|le gustaría|está seguro|tiene cambios|ha rellenado|"
    r"guárdel\w*|rellénel\w*|infórmen\w*|cópiel\w*)\b"
    r"|(?:^|(?<=[.!?¡¿:;,(])|(?<=[.!?¡¿:;,(] ))"
    r"(?:agregue|añada|escriba|corrija|revise|utilice|elija|marque|indique|borre|copie|pegue|"
    r"ingrese|seleccione|describa|abra|guarde|cambie|vuelva|intente|deje|ejecute|actualice|"
    r"compruebe|arrastre|verifique|haga|pulse|presione|asegúrese)\b",
    re.IGNORECASE | re.MULTILINE,
)
# Other verbs for an action the site names with one: adopting a practice, deleting, adding;
# and Spain's «ha podido», a plural written «(s)», an anglicism.
OTHER_VERB = re.compile(
    r"\b(?:centro (?:la )?aplicó|eliminar|eliminando|añadir|remover)\b|no se ha podido|\(s\)",
    re.IGNORECASE,
)


def strings(value: Any) -> Iterator[str]:
    """Every string inside a parsed YAML or JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def slips(texts: dict[str, str]) -> list[str]:
    """`where: text` of each text that addresses the reader as «usted» or uses another verb."""
    return [
        f"{where}: {match.group(0)!r} in {text!r}"
        for where, text in texts.items()
        for match in (FORMAL.search(text), OTHER_VERB.search(text))
        if match
    ]


WORD = re.compile(r"[^\W\d_]+")
# English words a text here has no reason to hold (Decap's own English, a word from the code),
# one by one: Spanish words that English shares («red», «final», «error», «local») are not here.
ENGLISH = frozenset(
    WORD.findall(
        """
    add and back button cancel check click close delete draft edit entries entry field fields
    file files folder for from hide image images item items label list loading name new none
    null of open optional please preview publish published remove required role save search
    select settings show status string summary team text the this title to true false untitled
    update upload view widget with you your
    """
    )
)
# A name from the code: camelCase or PascalCase inside a word, snake_case.
CODE_SHAPE = re.compile(r"\b\w*(?:[a-z][A-Z]|[A-Za-z]_[A-Za-z])\w*\b")
PROPER_NAMES = frozenset({"GitHub"})  # spelt as their owners spell them


def foreign_words(texts: dict[str, str], identifiers: Iterable[str] = ()) -> list[str]:
    """`where: word` of each English word or name from the code in `texts`; `identifiers` are
    names the code uses (a model's class name), found in any case («teamrole»)."""
    code_names = {name.lower() for name in identifiers}
    found = []
    for where, text in texts.items():
        shapes = [m.group(0) for m in CODE_SHAPE.finditer(text)]
        found += [f"{where}: {s!r} in {text!r}" for s in shapes if s not in PROPER_NAMES]
        for word in WORD.findall(text):
            if word.lower() in ENGLISH or word.lower() in code_names:
                found.append(f"{where}: {word!r} in {text!r}")
    return found
