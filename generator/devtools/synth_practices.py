"""Synthetic practices: what each is about, its front matter and its four sections."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.content.models import Taxonomy
from generator.devtools.synth_words import (
    ACTIONS,
    CONTEXT,
    DURATIONS,
    EXAMPLE_NOTE,
    FORMATS,
    INDICATORS,
    MATERIALS,
    NO_RESULTS,
    PARTNERS,
    PREPARATIONS,
    PROBLEMS,
    RESULTS,
    ROLES,
    SCHEDULES,
    STEPS,
    SYNTHETIC_RESULTS,
    TAGS,
    TOPICS,
    TRADES,
)
from generator.text import slugify

SYNTHETIC_NOTE = "Dato sintético generado para pruebas de escala: nadie lo midió."
# All in the past: a date after today is a warning of `check` (a typo in the year).
FIRST_DATE, LAST_DATE = dt.date(2019, 1, 1), dt.date(2025, 12, 31)
DAYS = (LAST_DATE - FIRST_DATE).days + 1

# --- YAML and text helpers --------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-zÁÉÍÓÚÑÜáéíóúñü][\wÁÉÍÓÚÑÜáéíóúñü .,()/–'¿?¡!-]*")
_PLAIN_ITEM = re.compile(r"[A-Za-zÁÉÍÓÚÑÜáéíóúñü][\wÁÉÍÓÚÑÜáéíóúñü -]*")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def quote(text: str, pattern: re.Pattern[str] = _PLAIN) -> str:
    """`text` as a YAML string: plain when it cannot be misread, otherwise double-quoted."""
    plain = pattern.fullmatch(text) and text.lower() not in _YAML_WORDS and not text.endswith(" ")
    return text if plain else json.dumps(text, ensure_ascii=False)


def flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(quote(item, _PLAIN_ITEM) for item in items) + "]"


def _fill(
    rng: random.Random, templates: Sequence[str], count: int, slots: dict[str, str]
) -> list[str]:
    """`count` different sentences from `templates`, in random order."""
    return [t.format_map(slots) for t in rng.sample(templates, count)]


def _date(rng: random.Random) -> dt.date:
    return FIRST_DATE + dt.timedelta(days=rng.randrange(DAYS))


def _later(rng: random.Random, after: dt.date, within: int) -> dt.date | None:
    """A date 30 to `within` days after `after`, not beyond the synthetic period."""
    room = min(within, (LAST_DATE - after).days - 30)
    return after + dt.timedelta(days=30 + rng.randrange(room)) if room > 0 else None


# --- practices -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """What one practice is about: its id and title, main area, topic and trade."""

    id: str
    title: str
    area: str
    topic: str
    trade: str


def themes(rng: random.Random, count: int, areas: Sequence[str]) -> list[Theme]:
    width = max(4, len(str(count)))
    themes = []
    editions: dict[str, int] = {}  # a title given again is another edition: check warns of twins
    for index in range(count):
        area = rng.choice(areas)
        topic, trade = rng.choice(TOPICS[area]), rng.choice(TRADES)
        title = f"{rng.choice(FORMATS)} de {topic} para {trade}"
        editions[title] = editions.get(title, 0) + 1
        if editions[title] > 1:
            title += f", edición {editions[title]}"
        practice_id = f"{slugify(title)[:60].rstrip('-')}-{index + 1:0{width}d}"
        themes.append(Theme(practice_id, title, area, topic, trade))
    return themes


def what_it_takes(theme: Theme) -> list[str]:
    """The optional fields on repeating it (team, time, cost, materials, difficulty), some of
    them or none. From a generator of its own, seeded by the practice's id: the other fields
    stay what they were before these were generated."""
    rng = random.Random(f"lo-que-se-necesita:{theme.id}")
    lines: list[str] = []
    if rng.random() < 0.6:
        lines.append("equipo:")
        for role in rng.sample(ROLES, rng.randint(1, 3)):
            lines += [f"  - rol: {quote(role)}", f"    personas: {rng.randint(1, 4)}"]
    if rng.random() < 0.6:
        spans = [("preparacion", PREPARATIONS), ("duracion", DURATIONS)]
        chosen = [(key, rng.choice(words)) for key, words in spans if rng.random() < 0.8]
        if chosen:
            lines += ["tiempo:", *(f"  {key}: {quote(value)}" for key, value in chosen)]
    if rng.random() < 0.6:
        cost = "sin costo" if rng.random() < 0.2 else str(rng.randrange(5, 300) * 10_000)
        lines.append(f"costo: {cost}")
    if rng.random() < 0.5:
        lines.append("materiales: " + flow(rng.sample(MATERIALS, rng.randint(1, 4))))
    if rng.random() < 0.7:
        lines.append(f"dificultad: {rng.choice(('baja', 'media', 'alta'))}")
    return lines


@dataclass(frozen=True)
class CenterRow:
    id: str
    number: str
    commune: str
    region: str  # region name


class PracticeWriter:
    def __init__(
        self,
        rng: random.Random,
        taxonomy: Taxonomy,
        centers: list[CenterRow],
        themes: list[Theme],
    ) -> None:
        self.rng = rng
        self.areas = list(taxonomy.areas)
        self.services = list(taxonomy.servicios)
        self.publics = list(taxonomy.publicos)
        self.centers = centers
        self.themes = themes
        self.center_weights = list(range(len(centers), 0, -1))  # some centers write more
        self.drafts: set[int] = set()  # a published page may not link to an unpublished one

    def practice(self, index: int) -> str:
        rng = self.rng
        theme = self.themes[index]
        center = rng.choices(range(len(self.centers)), self.center_weights)[0]
        extra = [a for a in self.areas if a != theme.area]
        areas = [theme.area, *rng.sample(extra, rng.choice((0, 0, 0, 1, 1, 2)))]
        date = _date(rng)
        status = rng.choices(("publicada", "borrador", "ejemplo"), (88, 6, 6))[0]
        if status == "borrador":
            self.drafts.add(index)
        head = self.front_matter(index, center, areas, date, status)
        measured = "resultados:" in head  # then the text does not say nothing was measured
        body = self.body(index, center, areas, date, status == "ejemplo", measured=measured)
        return "\n".join(head + body) + "\n"

    def front_matter(
        self, index: int, center: int, areas: list[str], date: dt.date, status: str
    ) -> list[str]:
        rng = self.rng
        theme = self.themes[index]
        summary = (
            f"Cómo acompañamos a {theme.trade} de {self.centers[center].commune} en "
            f"{theme.topic}, con {rng.choice(('talleres', 'asesoría en terreno', 'mentorías'))}."
        )
        lines = [
            "---",
            f"titulo: {quote(theme.title)}",
            f"resumen: {quote(summary)}",
            f"centro: {self.centers[center].id}",
            f"areas: {flow(areas)}",
            f"fecha: {date.isoformat()}",
            f"estado: {status}",
        ]
        if rng.random() < 0.9:
            lines.append("servicios: " + flow(rng.sample(self.services, rng.randint(1, 2))))
        if rng.random() < 0.9:
            lines.append("publicos: " + flow(rng.sample(self.publics, rng.randint(1, 3))))
        if rng.random() < 0.95:
            lines.append("etiquetas: " + flow(rng.sample(TAGS, rng.randint(1, 5))))
        adoptions = self.adoptions(center, date)  # drawn for all: the same draws as before
        lines += self.results(date) + (adoptions if status == "publicada" else [])
        lines += self.related(index)
        lines += what_it_takes(theme)
        if rng.random() < 0.3:
            number = self.centers[center].number
            lines += [
                "contacto:",
                f"  nombre: Equipo del Centro Sintético {number}",
                "  cargo: Asesoría de negocios",
                f"  correo: practicas{number}@example.org",
            ]
        return [*lines, "---"]

    def results(self, date: dt.date) -> list[str]:
        rng = self.rng
        lines: list[str] = []
        for indicator in rng.sample(INDICATORS, rng.choice((0, 0, 1, 2, 3))):
            value = rng.choice(
                (
                    str(rng.randrange(5, 200)),
                    f"{rng.uniform(1, 60):.1f}",
                    quote(f"{rng.randrange(5, 95)} %"),
                )
            )
            lines += [
                f"  - indicador: {quote(indicator)}",
                f"    valor: {value}",
                f"    fuente: {quote(SYNTHETIC_NOTE)}",
            ]
            measured = _later(rng, date, 400)
            if measured and rng.random() < 0.7:
                lines.append(f"    fecha: {measured.isoformat()}")
        return ["resultados:", *lines] if lines else []

    def adoptions(self, center: int, date: dt.date) -> list[str]:
        rng = self.rng
        sample = rng.sample(range(len(self.centers)), min(4, len(self.centers)))
        others = [i for i in sample if i != center]
        lines: list[str] = []
        for other in others[: rng.choice((0, 0, 0, 1, 1, 2, 3))]:
            since = _later(rng, date, 900)
            if since is None:
                break
            lines += [f"  - centro: {self.centers[other].id}", f"    fecha: {since.isoformat()}"]
            if rng.random() < 0.5:
                note = f"Lo adaptó a los negocios de {self.centers[other].commune}."
                lines.append(f"    nota: {quote(note)}")
        return ["replicas:", *lines] if lines else []

    def related(self, index: int) -> list[str]:
        count = min(self.rng.choice((0, 1, 1, 2, 3)), len(self.themes) - 1)
        if not count:
            return []
        picks = [i for i in self.rng.sample(range(len(self.themes)), count + 1) if i != index]
        return ["relacionadas:", *(f"  - {self.themes[i].id}" for i in picks[:count])]

    def body(
        self,
        index: int,
        center: int,
        areas: list[str],
        date: dt.date,
        example: bool,
        *,
        measured: bool,
    ) -> list[str]:
        rng = self.rng
        theme = self.themes[index]
        partner = rng.choice(PARTNERS)
        total = rng.randint(10, 40)
        slots = {
            "comuna": self.centers[center].commune,
            "region": self.centers[center].region,
            "trade": theme.trade,
            "topic": theme.topic,
            "problem": rng.choice(PROBLEMS),
            "public": rng.choice(("emprendedores", "comerciantes", "dueños de pymes")),
            "year": str(date.year),
            "sessions": str(rng.randint(3, 8)),
            "schedule": rng.choice(SCHEDULES),
            "count": str(rng.randint(8, 40)),
            "partner": partner,
            "partner_cap": partner[0].upper() + partner[1:],
            "done": str(rng.randint(total // 2, total)),
            "total": str(total),
        }
        context = _fill(rng, CONTEXT, 5, slots)
        actions = _fill(rng, ACTIONS, 7, slots)
        lines = ["", "## Contexto", ""]
        if example:
            lines += [EXAMPLE_NOTE, ""]
        lines += [" ".join(context[:3]), "", " ".join(context[3:]), ""]
        lines += ["## Qué hicimos", "", " ".join(actions[:4]), "", " ".join(actions[4:]), ""]
        if len(areas) > 1:
            second = rng.choice(TOPICS[areas[1]])
            lines += [
                f"También trabajamos en {second}, porque va de la mano con {theme.topic}.",
                "",
            ]
        lines += ["## Resultados", ""]
        if rng.random() < 0.7 or measured:
            lines += [" ".join(_fill(rng, RESULTS, 3, slots)) + " " + SYNTHETIC_RESULTS, ""]
        else:
            lines += [NO_RESULTS, ""]
        lines += ["## Cómo replicarla", ""]
        steps = _fill(rng, STEPS, rng.randint(3, 5), slots)
        lines += [f"{n}. {step}" for n, step in enumerate(steps, 1)]
        if rng.random() < 0.2 and index and index - 1 not in self.drafts:
            other = self.themes[index - 1]
            lines += ["", f"Revisa también [{other.title}]({other.id}.md)."]
        return lines
