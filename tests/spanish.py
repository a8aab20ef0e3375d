"""What a careful editor checks in the site's Spanish, as patterns the tests share.

The site speaks to its readers and authors as «tú» (escribe, revisa, agrégala): a phrase in
«usted» (escriba, revise, ¿está seguro?) is a slip. One action has one verb: a center
«adopta» another center's practice (never «aplica» it), deleting is «borrar».
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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
