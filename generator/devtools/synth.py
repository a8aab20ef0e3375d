"""Write a valid, realistic synthetic repository tree of a given size, for scale tests.

Everything comes from `random.Random(seed)` and the word lists below, so one seed gives a
byte-identical tree. The tree says it is synthetic wherever a reader could take it for real:
center descriptions, result sources, the network file and its source page.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.content.models import AREA_KEYS
from generator.text import slugify

MANIFEST = ".red-de-centros-synth"
SOURCE = "datos-sinteticos"
SOURCE_PAGE = "fuente-datos-sinteticos"
OPERATOR = "Codesser"
SYNTHETIC_NOTE = "Dato sintético generado para pruebas de escala: nadie lo midió."

# --- taxonomy (the same terms as the real content/taxonomia.yml) --------------------------

AREAS = {
    "vinculacion-ecosistema": (
        "Vinculación con el ecosistema",
        "Conectar a las pymes con instituciones, redes, compradores y otros actores del "
        "territorio.",
    ),
    "mejora-continua": (
        "Mejora continua de los procesos productivos y de gestión",
        "Ordenar y mejorar cómo una pyme produce, vende y administra, paso a paso.",
    ),
    "digitalizacion": (
        "Digitalización de los negocios",
        "Llevar a la pyme herramientas digitales para vender, cobrar, comunicarse y gestionar.",
    ),
    "innovacion": (
        "Aplicación de herramientas de innovación",
        "Usar métodos de innovación para crear o mejorar productos, servicios y modelos de "
        "negocio.",
    ),
    "sustentabilidad": (
        "Sustentabilidad",
        "Negocios que cuidan su entorno social y ambiental y que perduran en el tiempo.",
    ),
}
SERVICES = {
    "capacitacion": ("Capacitación", "Talleres y cursos grupales para clientes del centro."),
    "asesoria": (
        "Asesoría personalizada",
        "Acompañamiento uno a uno de un asesor del centro a una empresa.",
    ),
}
PUBLICS = {
    "pyme": ("Pymes", "Empresas de menor tamaño."),
    "emprendedor": ("Emprendedores", "Personas que inician o hacen crecer un negocio propio."),
    "comerciante": ("Comerciantes", "Negocios de comercio, como almacenes y tiendas de barrio."),
}

# Region key, official name, official code, and communes with their urban center (lat, lon).
REGIONS: tuple[tuple[str, str, str, tuple[tuple[str, float, float], ...]], ...] = (
    ("arica-y-parinacota", "Arica y Parinacota", "15",
     (("Arica", -18.4783, -70.3126), ("Putre", -18.1975, -69.5597))),
    ("tarapaca", "Tarapacá", "01",
     (("Iquique", -20.2133, -70.1503), ("Alto Hospicio", -20.2694, -70.1019),
      ("Pozo Almonte", -20.2597, -69.7862))),
    ("antofagasta", "Antofagasta", "02",
     (("Antofagasta", -23.6509, -70.3975), ("Calama", -22.4544, -68.9294),
      ("Tocopilla", -22.0920, -70.1979), ("San Pedro de Atacama", -22.9087, -68.1997))),
    ("atacama", "Atacama", "03",
     (("Copiapó", -27.3668, -70.3323), ("Vallenar", -28.5708, -70.7581),
      ("Caldera", -27.0668, -70.8176), ("Chañaral", -26.3479, -70.6224))),
    ("coquimbo", "Coquimbo", "04",
     (("La Serena", -29.9027, -71.2519), ("Ovalle", -30.6013, -71.1990),
      ("Illapel", -31.6328, -71.1653), ("Vicuña", -30.0319, -70.7081))),
    ("valparaiso", "Valparaíso", "05",
     (("Valparaíso", -33.0472, -71.6127), ("Quillota", -32.8833, -71.2489),
      ("Los Andes", -32.8337, -70.5983), ("San Antonio", -33.5933, -71.6217),
      ("Rapa Nui", -27.1497, -109.4275))),
    ("metropolitana", "Metropolitana de Santiago", "13",
     (("Santiago", -33.4489, -70.6693), ("Melipilla", -33.6891, -71.2153),
      ("Talagante", -33.6650, -70.9297), ("Colina", -33.2019, -70.6750))),
    ("ohiggins", "Libertador General Bernardo O'Higgins", "06",
     (("Rancagua", -34.1708, -70.7444), ("San Fernando", -34.5856, -70.9889),
      ("Santa Cruz", -34.6386, -71.3658), ("Pichilemu", -34.3870, -72.0036))),
    ("maule", "Maule", "07",
     (("Talca", -35.4264, -71.6554), ("Curicó", -34.9828, -71.2394),
      ("Linares", -35.8467, -71.5931), ("Cauquenes", -35.9671, -72.3225))),
    ("nuble", "Ñuble", "16",
     (("Chillán", -36.6066, -72.1034), ("San Carlos", -36.4248, -71.9580),
      ("Bulnes", -36.7422, -72.2989))),
    ("biobio", "Biobío", "08",
     (("Concepción", -36.8270, -73.0503), ("Talcahuano", -36.7249, -73.1168),
      ("Los Ángeles", -37.4697, -72.3537), ("Lebu", -37.6083, -73.6500))),
    ("araucania", "La Araucanía", "09",
     (("Temuco", -38.7359, -72.5904), ("Angol", -37.7950, -72.7164),
      ("Villarrica", -39.2857, -72.2279), ("Pucón", -39.2823, -71.9541))),
    ("los-rios", "Los Ríos", "14",
     (("Valdivia", -39.8142, -73.2459), ("La Unión", -40.2952, -73.0822),
      ("Panguipulli", -39.6436, -72.3372))),
    ("los-lagos", "Los Lagos", "10",
     (("Puerto Montt", -41.4693, -72.9424), ("Osorno", -40.5739, -73.1335),
      ("Castro", -42.4800, -73.7625), ("Ancud", -41.8697, -73.8203))),
    ("aysen", "Aysén del General Carlos Ibáñez del Campo", "11",
     (("Coyhaique", -45.5712, -72.0685), ("Puerto Aysén", -45.4030, -72.6918),
      ("Chile Chico", -46.5410, -71.7244))),
    ("magallanes", "Magallanes y de la Antártica Chilena", "12",
     (("Punta Arenas", -53.1638, -70.9171), ("Puerto Natales", -51.7236, -72.5064),
      ("Porvenir", -53.2956, -70.3689))),
)  # fmt: skip

# --- vocabulary for practices --------------------------------------------------------------

TOPICS: dict[str, tuple[str, ...]] = {
    "digitalizacion": (
        "digitalización de ventas", "ventas por redes sociales", "facturación electrónica",
        "pagos digitales", "catálogo en línea", "inventario en el teléfono",
        "comercio electrónico", "ciberseguridad básica",
    ),
    "mejora-continua": (
        "control de costos", "orden del almacén", "gestión de inventario", "flujo de caja",
        "atención al cliente", "calidad en la producción", "formalización",
        "fijación de precios",
    ),
    "vinculacion-ecosistema": (
        "encadenamiento con compradores locales", "redes de proveedores", "asociatividad",
        "compras públicas", "alianzas con el municipio", "ferias locales",
    ),
    "innovacion": (
        "prototipado de productos", "diseño de servicios", "validación de ideas",
        "modelo de negocio", "nuevos envases", "innovación en turismo",
    ),
    "sustentabilidad": (
        "economía circular", "eficiencia energética", "reciclaje de envases",
        "huella de carbono", "uso eficiente del agua", "comercio justo",
    ),
}  # fmt: skip
FORMATS = (
    "Taller", "Ciclo de talleres", "Clínica", "Diagnóstico", "Mentoría grupal",
    "Rueda de negocios", "Programa de acompañamiento", "Jornada", "Laboratorio",
    "Mesa de trabajo", "Ruta", "Escuela", "Club",
)  # fmt: skip
TRADES = (
    "almacenes de barrio", "panaderías", "talleres mecánicos", "peluquerías", "ferreterías",
    "restaurantes", "talleres de artesanía", "emprendimientos de turismo rural",
    "caletas de pesca artesanal", "apicultores", "viñas familiares", "minimarkets",
    "talleres de costura", "carpinterías", "cafeterías", "productores de queso",
    "agricultores de frutillas", "tiendas de ropa", "botillerías", "librerías",
)  # fmt: skip
TAGS = (
    "almacén", "diagnóstico", "pagos digitales", "redes sociales", "inventario", "costos",
    "precios", "capacitación", "asesoría grupal", "mentoría", "ventas en línea", "facturación",
    "formalización", "turismo", "pesca artesanal", "agricultura", "gastronomía", "artesanía",
    "mujeres emprendedoras", "jóvenes", "zonas rurales", "conectividad", "exportación",
    "compras públicas", "proveedores", "asociatividad", "ferias", "economía circular",
    "reciclaje", "energía", "agua", "innovación", "prototipos", "diseño", "marca", "envases",
    "atención al cliente", "calidad", "finanzas", "derivación", "trabajo en red", "WhatsApp",
)  # fmt: skip
PROBLEMS = (
    "no llevaban registro de sus ventas", "vendían solo a los clientes del barrio",
    "no sabían calcular el costo de sus productos", "dependían de un solo proveedor",
    "perdían mercadería por vencimiento en el almacén", "no tenían presencia en internet",
    "pagaban cuentas de energía muy altas", "no conocían los programas de apoyo disponibles",
    "mezclaban las finanzas del hogar con las del negocio", "no podían recibir pagos con tarjeta",
    "tenían dificultades para cumplir con la facturación electrónica",
    "no encontraban compradores fuera de la comuna",
)  # fmt: skip
PARTNERS = (
    "la municipalidad", "la cámara de comercio local", "un instituto profesional de la zona",
    "la oficina de fomento productivo", "una cooperativa de productores",
    "el liceo técnico de la comuna", "una asociación gremial", "la junta de vecinos",
)  # fmt: skip
SCHEDULES = ("vespertino", "de la mañana", "de fin de semana", "de almuerzo")
INDICATORS = (
    "Clientes que completaron el programa", "Negocios con ventas en línea",
    "Aumento promedio de las ventas", "Participantes satisfechos", "Horas de asesoría entregadas",
    "Negocios formalizados", "Reducción del consumo de energía", "Nuevos proveedores locales",
)  # fmt: skip

CONTEXT = (
    "En {comuna}, muchos {trade} {problem}.",
    "El equipo del centro notó que varios clientes {problem}.",
    "La mayoría de los clientes atendidos en {year} eran {public} con poca experiencia en {topic}.",
    "Los {trade} de la región de {region} enfrentaban una temporada difícil y buscaban "
    "nuevas formas de vender.",
    "Las capacitaciones tradicionales no llegaban a quienes atienden su negocio todo el día.",
    "La conectividad en los sectores rurales de {comuna} es irregular, lo que dificulta "
    "cualquier capacitación a distancia.",
    "Al revisar los diagnósticos del año, la necesidad más repetida fue apoyo en {topic}.",
    "Muchos clientes llegaban al centro derivados por {partner}, con dudas parecidas.",
    "En temporada alta, los {trade} de {comuna} casi no tienen tiempo para capacitarse.",
    "Varios {public} pidieron apoyo concreto en {topic}, más allá de una charla general.",
    "Otros centros de la red ya habían probado algo parecido, y quisimos adaptarlo a "
    "nuestro territorio.",
)
ACTIONS = (
    "Diseñamos un ciclo de {sessions} sesiones sobre {topic}, en horario {schedule}.",
    "Cada asesor visitó a {count} {trade} para aplicar una pauta breve de diagnóstico.",
    "Coordinamos con {partner} para convocar a los participantes y usar su sala.",
    "Las sesiones combinaron capacitación grupal con asesoría personalizada en el local de "
    "cada cliente.",
    "Preparamos material impreso y videos cortos para quienes tienen una conexión lenta.",
    "Al final de cada sesión, los participantes definieron un compromiso concreto para su negocio.",
    "Formamos grupos pequeños de {trade} para que compartieran lo que les funcionaba.",
    "Un asesor acompañó por teléfono y WhatsApp a quienes no podían asistir en persona.",
    "Usamos ejemplos reales de {comuna} para hablar de {topic} sin tecnicismos.",
    "Cada participante salió con una planilla simple para seguir su avance en {topic}.",
    "Un asesor revisó con cada negocio sus ventas del último mes antes de empezar.",
    "Invitamos a un cliente que ya había avanzado en {topic} a contar su experiencia.",
)
RESULTS = (
    "Según los registros del centro, {done} de {total} participantes completaron el programa.",
    "Los participantes valoraron sobre todo el acompañamiento en su propio local.",
    "Varios negocios siguieron aplicando lo aprendido meses después de la última sesión.",
    "El trabajo en {topic} pasó a ser parte de la asesoría habitual del centro.",
    "Algunos {trade} formaron un grupo para seguir reuniéndose sin el centro.",
    "{partner_cap} propuso repetir la experiencia con un nuevo grupo.",
)
NO_RESULTS = (
    "Sin resultados medidos todavía: el equipo registrará los indicadores en la próxima evaluación."
)
SYNTHETIC_RESULTS = (
    "Estos números son sintéticos: sirven para probar el sitio, no describen un caso real."
)
STEPS = (
    "Identifica a los {trade} de tu territorio que compartan el mismo problema.",
    "Adapta la pauta de {topic} a la realidad de tu comuna.",
    "Agenda las sesiones en un horario que no choque con la atención del negocio.",
    "Invita a {partner} desde el comienzo.",
    "Registra los avances de cada cliente en una planilla simple.",
    "Mide al menos un indicador antes y después de la intervención.",
    "Comparte los materiales con los otros centros de la red.",
    "Prepara una versión impresa del material para quienes no tienen buena conexión.",
)
EXAMPLE_NOTE = (
    "*Esta es una práctica de ejemplo: muestra el formato de una ficha, no describe un caso "
    "real del centro.*"
)

FIRST_DATE, LAST_DATE = dt.date(2019, 1, 1), dt.date(2026, 12, 31)
DAYS = (LAST_DATE - FIRST_DATE).days + 1


class SynthError(Exception):
    """The tree cannot be written; the message is for the user, in Spanish."""


# --- YAML and text helpers --------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-zÁÉÍÓÚÑÜáéíóúñü][\wÁÉÍÓÚÑÜáéíóúñü .,()/–'¿?¡!-]*")
_PLAIN_ITEM = re.compile(r"[A-Za-zÁÉÍÓÚÑÜáéíóúñü][\wÁÉÍÓÚÑÜáéíóúñü -]*")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _quote(text: str, pattern: re.Pattern[str] = _PLAIN) -> str:
    """`text` as a YAML string: plain when it cannot be misread, otherwise double-quoted."""
    plain = pattern.fullmatch(text) and text.lower() not in _YAML_WORDS and not text.endswith(" ")
    return text if plain else json.dumps(text, ensure_ascii=False)


def _flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(_quote(item, _PLAIN_ITEM) for item in items) + "]"


def _terms(name: str, terms: dict[str, tuple[str, str]]) -> list[str]:
    lines = [f"{name}:"]
    for key, (title, description) in terms.items():
        lines += [
            f"  {key}:",
            f"    nombre: {_quote(title)}",
            f"    descripcion: {_quote(description)}",
        ]
    return lines


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


# --- files ---------------------------------------------------------------------------------


def taxonomy_yaml() -> str:
    lines = ["# Taxonomía de la red (árbol sintético: los mismos términos que el sitio real)."]
    lines += [*_terms("areas", AREAS), "", *_terms("servicios", SERVICES), ""]
    lines += [*_terms("publicos", PUBLICS), "", "regiones:"]
    lines += [
        f'  {key}: {{nombre: {_quote(name)}, codigo: "{code}"}}' for key, name, code, _ in REGIONS
    ]
    return "\n".join(lines) + "\n"


def network_yaml(centers: int) -> str:
    return f"""\
# Red sintética para pruebas de escala: ningún dato de este árbol describe la red real.
nombre: Red sintética de Centros de Negocios
descripcion: >-
  Árbol de contenido sintético, generado con `python -m generator synth` para medir y probar
  el sitio a escala. Los centros, las prácticas y sus resultados no son reales.
operador:
  nombre: {OPERATOR}
  descripcion: Operador de los centros en este árbol sintético.
  fuente: {SOURCE}
programa:
  nombre: Centros de Negocios Sercotec
  fuente: {SOURCE}
coordinacion:
  nombre: Coordinación sintética
  cargo: Coordinación nacional (dato sintético)
  fuente: {SOURCE}
centros_declarados:
  valor: {centers}
  fecha: 2026-01
  fuente: {SOURCE}
  nota: Tantos centros como perfiles generados.
meta:
  valor: {centers + max(1, centers // 4)}
  fecha: 2027
  fuente: {SOURCE}
evolucion:
  - valor: {max(1, centers // 2)}
    fecha: 2020-01
    fuente: {SOURCE}
  - valor: {centers}
    fecha: 2026-01
    fuente: {SOURCE}
fuentes:
  {SOURCE}:
    titulo: Datos sintéticos para pruebas de escala
    fecha: 2026
    descripcion: Generados por el comando synth del generador; no vienen de ninguna fuente real.
    pagina: {SOURCE_PAGE}
"""


PAGES = {
    "acerca": """\
---
titulo: Acerca de este árbol sintético
descripcion: Un sitio de prueba con centros y prácticas generados al azar.
orden: 10
---

Este sitio se generó con `python -m generator synth` para medir el generador a escala.
Los centros, las prácticas, los contactos y los resultados son **sintéticos**: combinan
frases y listas de palabras, y no describen a ningún centro ni a ninguna pyme real.

Las áreas en que un equipo impacta a una pyme son cinco: vinculación con el ecosistema,
mejora continua de los procesos productivos y de gestión, digitalización de los negocios,
aplicación de herramientas de innovación y sustentabilidad.

El origen de los datos se explica en [la página de la fuente](fuente-datos-sinteticos.md).
""",
    "contribuir": """\
---
titulo: Cómo contribuir
descripcion: Cómo proponer una buena práctica o actualizar el perfil de un centro.
orden: 20
---

Cada práctica es un archivo de texto en la carpeta `practices/`, con un encabezado de datos
y cuatro secciones: **Contexto**, **Qué hicimos**, **Resultados** y **Cómo replicarla**.
Revisa tus cambios con `python -m generator check`: cada problema dice el archivo, la línea
y cómo arreglarlo.

En este árbol sintético no tiene sentido contribuir: se vuelve a generar entero.
""",
    SOURCE_PAGE: """\
---
titulo: "Fuente: datos sintéticos"
descripcion: De dónde vienen los datos de este árbol de prueba.
orden: 90
---

Todos los datos de este árbol los generó el comando `synth` a partir de una semilla.
Nadie midió los resultados que muestran las prácticas; los nombres de los centros dicen
«Sintético» para que nadie los confunda con centros reales.
""",
}


def center_yaml(
    rng: random.Random, number: str, region: str, commune: tuple[str, float, float]
) -> str:
    name, lat, lon = commune
    status = rng.choices(("activo", "en-instalacion", "cerrado"), (90, 7, 3))[0]
    founded = rng.randrange(2010, 2025)
    lines = [
        f"nombre: {_quote(f'Centro Sintético {number} – {name}')}",
        f"comuna: {_quote(name)}",
        f"region: {region}",
        f"operador: {OPERATOR}",
        f"estado: {status}",
        f"fuente: {SOURCE}",
        "descripcion: >-",
        "  Perfil sintético generado para pruebas de escala: no describe un centro real. Atiende",
        f"  a pymes, emprendedores y comerciantes de {name}.",
        "hitos:",
        f"  - fecha: {founded}",
        "    evento: Comenzó su funcionamiento (dato sintético).",
        f"    fuente: {SOURCE}",
    ]
    if rng.random() < 0.5:
        lines += [
            f"  - fecha: {founded + rng.randrange(1, 3)}-{rng.randrange(1, 13):02d}",
            "    evento: Renovó su adjudicación por cinco años (dato sintético).",
        ]
    lines += [
        "coordenadas:",
        f"  lat: {lat + rng.uniform(-0.02, 0.02):.4f}",
        f"  lon: {lon + rng.uniform(-0.02, 0.02):.4f}",
        "servicios: " + _flow(rng.choice((["capacitacion", "asesoria"], ["asesoria"]))),
    ]
    if rng.random() < 0.6:
        lines += [
            "contacto:",
            f"  nombre: Equipo del Centro Sintético {number}",
            f"  correo: centro{number}@example.org",
            f'  telefono: "+56 9 {rng.randrange(1000, 10000)} {rng.randrange(1000, 10000)}"',
            f"  web: https://example.org/centros/{number}",
        ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _Theme:
    """What one practice is about: its id and title, main area, topic and trade."""

    id: str
    title: str
    area: str
    topic: str
    trade: str


def _themes(rng: random.Random, count: int) -> list[_Theme]:
    width = max(4, len(str(count)))
    themes = []
    for index in range(count):
        area = rng.choice(AREA_KEYS)
        topic, trade = rng.choice(TOPICS[area]), rng.choice(TRADES)
        title = f"{rng.choice(FORMATS)} de {topic} para {trade}"
        practice_id = f"{slugify(title)[:60].rstrip('-')}-{index + 1:0{width}d}"
        themes.append(_Theme(practice_id, title, area, topic, trade))
    return themes


@dataclass(frozen=True)
class _CenterRow:
    id: str
    number: str
    commune: str
    region: str  # region name


class _PracticeWriter:
    def __init__(self, rng: random.Random, centers: list[_CenterRow], themes: list[_Theme]) -> None:
        self.rng = rng
        self.centers = centers
        self.themes = themes
        self.center_weights = list(range(len(centers), 0, -1))  # some centers write more
        self.drafts: set[int] = set()  # a published page may not link to an unpublished one

    def practice(self, index: int) -> str:
        rng = self.rng
        theme = self.themes[index]
        center = rng.choices(range(len(self.centers)), self.center_weights)[0]
        extra = [a for a in AREA_KEYS if a != theme.area]
        areas = [theme.area, *rng.sample(extra, rng.choice((0, 0, 0, 1, 1, 2)))]
        date = _date(rng)
        status = rng.choices(("publicada", "borrador", "ejemplo"), (88, 6, 6))[0]
        if status == "borrador":
            self.drafts.add(index)
        head = self.front_matter(index, center, areas, date, status)
        body = self.body(index, center, areas, date, status == "ejemplo")
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
            f"titulo: {_quote(theme.title)}",
            f"resumen: {_quote(summary)}",
            f"centro: {self.centers[center].id}",
            f"areas: {_flow(areas)}",
            f"fecha: {date.isoformat()}",
            f"estado: {status}",
        ]
        if rng.random() < 0.9:
            lines.append("servicios: " + _flow(rng.sample(list(SERVICES), rng.randint(1, 2))))
        if rng.random() < 0.9:
            lines.append("publicos: " + _flow(rng.sample(list(PUBLICS), rng.randint(1, 3))))
        if rng.random() < 0.95:
            lines.append("etiquetas: " + _flow(rng.sample(TAGS, rng.randint(1, 5))))
        lines += self.results(date) + self.replicas(center, date) + self.related(index)
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
                    _quote(f"{rng.randrange(5, 95)} %"),
                )
            )
            lines += [
                f"  - indicador: {_quote(indicator)}",
                f"    valor: {value}",
                f"    fuente: {_quote(SYNTHETIC_NOTE)}",
            ]
            measured = _later(rng, date, 400)
            if measured and rng.random() < 0.7:
                lines.append(f"    fecha: {measured.isoformat()}")
        return ["resultados:", *lines] if lines else []

    def replicas(self, center: int, date: dt.date) -> list[str]:
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
                lines.append(f"    nota: {_quote(note)}")
        return ["replicas:", *lines] if lines else []

    def related(self, index: int) -> list[str]:
        count = min(self.rng.choice((0, 1, 1, 2, 3)), len(self.themes) - 1)
        if not count:
            return []
        picks = [i for i in self.rng.sample(range(len(self.themes)), count + 1) if i != index]
        return ["relacionadas:", *(f"  - {self.themes[i].id}" for i in picks[:count])]

    def body(
        self, index: int, center: int, areas: list[str], date: dt.date, example: bool
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
        if rng.random() < 0.7:
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


def synthesize(centers: int, practices: int, seed: int) -> dict[str, str]:
    """Relative path -> text of every file of the tree."""
    if centers < 1 or practices < 0:
        raise SynthError("Se necesita al menos un centro y un número de prácticas no negativo.")
    rng = random.Random(seed)
    files = {
        "content/taxonomia.yml": taxonomy_yaml(),
        "content/red.yml": network_yaml(centers),
    }
    files |= {f"content/paginas/{name}.md": text for name, text in PAGES.items()}
    width = max(3, len(str(centers)))
    order = list(range(len(REGIONS)))
    rng.shuffle(order)
    center_rows: list[_CenterRow] = []
    for index in range(centers):
        region_key, region_name, _, communes = REGIONS[order[index % len(order)]]
        commune = rng.choice(communes)
        number = f"{index + 1:0{width}d}"
        center_id = f"sintetico-{number}-{slugify(commune[0])}"
        files[f"centers/{center_id}.yml"] = center_yaml(rng, number, region_key, commune)
        center_rows.append(_CenterRow(center_id, number, commune[0], region_name))
    themes = _themes(rng, practices)
    writer = _PracticeWriter(rng, center_rows, themes)
    for index, theme in enumerate(themes):
        files[f"practices/{theme.id}.md"] = writer.practice(index)
    return files


def _previous_files(out: Path) -> list[Path]:
    """Files a previous run wrote into `out`; SynthError when `out` holds anything else."""
    if not out.exists():
        return []
    if not out.is_dir():
        raise SynthError(f"«{out}» existe y no es una carpeta.")
    if not any(out.iterdir()):
        return []
    manifest = out / MANIFEST
    if not manifest.is_file():
        raise SynthError(
            f"La carpeta «{out}» no está vacía y no la creó synth: elige una carpeta nueva o "
            "vacía. synth nunca borra archivos que no escribió."
        )
    listed = manifest.read_text(encoding="utf-8").splitlines()[1:]
    return [out / rel for rel in listed if rel and ".." not in rel.split("/")]


def write_tree(out: Path, centers: int, practices: int, seed: int) -> int:
    """Write the tree into `out` (new, empty, or made by synth); the number of files written."""
    files = synthesize(centers, practices, seed)
    for old in _previous_files(out):
        old.unlink(missing_ok=True)
    for folder in ("content/paginas", "centers", "practices"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        (out / rel).write_bytes(text.encode("utf-8"))
    header = f"# synth --centers {centers} --practices {practices} --seed {seed}"
    (out / MANIFEST).write_bytes("\n".join([header, *files]).encode("utf-8") + b"\n")
    return len(files)
