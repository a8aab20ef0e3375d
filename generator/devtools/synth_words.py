"""The word lists and places synth combines into centers and practices (all synthetic)."""

from __future__ import annotations

# Communes of each region (key of content/taxonomia.yml) with their urban center (lat, lon),
# in the order synth has always drawn them from.
COMMUNES: dict[str, tuple[tuple[str, float, float], ...]] = {
    "arica-y-parinacota": (("Arica", -18.4783, -70.3126), ("Putre", -18.1975, -69.5597)),
    "tarapaca": (("Iquique", -20.2133, -70.1503), ("Alto Hospicio", -20.2694, -70.1019),
      ("Pozo Almonte", -20.2597, -69.7862)),
    "antofagasta": (("Antofagasta", -23.6509, -70.3975), ("Calama", -22.4544, -68.9294),
      ("Tocopilla", -22.0920, -70.1979), ("San Pedro de Atacama", -22.9087, -68.1997)),
    "atacama": (("Copiapó", -27.3668, -70.3323), ("Vallenar", -28.5708, -70.7581),
      ("Caldera", -27.0668, -70.8176), ("Chañaral", -26.3479, -70.6224)),
    "coquimbo": (("La Serena", -29.9027, -71.2519), ("Ovalle", -30.6013, -71.1990),
      ("Illapel", -31.6328, -71.1653), ("Vicuña", -30.0319, -70.7081)),
    "valparaiso": (("Valparaíso", -33.0472, -71.6127), ("Quillota", -32.8833, -71.2489),
      ("Los Andes", -32.8337, -70.5983), ("San Antonio", -33.5933, -71.6217),
      ("Rapa Nui", -27.1497, -109.4275)),
    "metropolitana": (("Santiago", -33.4489, -70.6693), ("Melipilla", -33.6891, -71.2153),
      ("Talagante", -33.6650, -70.9297), ("Colina", -33.2019, -70.6750)),
    "ohiggins": (("Rancagua", -34.1708, -70.7444), ("San Fernando", -34.5856, -70.9889),
      ("Santa Cruz", -34.6386, -71.3658), ("Pichilemu", -34.3870, -72.0036)),
    "maule": (("Talca", -35.4264, -71.6554), ("Curicó", -34.9828, -71.2394),
      ("Linares", -35.8467, -71.5931), ("Cauquenes", -35.9671, -72.3225)),
    "nuble": (("Chillán", -36.6066, -72.1034), ("San Carlos", -36.4248, -71.9580),
      ("Bulnes", -36.7422, -72.2989)),
    "biobio": (("Concepción", -36.8270, -73.0503), ("Talcahuano", -36.7249, -73.1168),
      ("Los Ángeles", -37.4697, -72.3537), ("Lebu", -37.6083, -73.6500)),
    "araucania": (("Temuco", -38.7359, -72.5904), ("Angol", -37.7950, -72.7164),
      ("Villarrica", -39.2857, -72.2279), ("Pucón", -39.2823, -71.9541)),
    "los-rios": (("Valdivia", -39.8142, -73.2459), ("La Unión", -40.2952, -73.0822),
      ("Panguipulli", -39.6436, -72.3372)),
    "los-lagos": (("Puerto Montt", -41.4693, -72.9424), ("Osorno", -40.5739, -73.1335),
      ("Castro", -42.4800, -73.7625), ("Ancud", -41.8697, -73.8203)),
    "aysen": (("Coyhaique", -45.5712, -72.0685), ("Puerto Aysén", -45.4030, -72.6918),
      ("Chile Chico", -46.5410, -71.7244)),
    "magallanes": (("Punta Arenas", -53.1638, -70.9171), ("Puerto Natales", -51.7236, -72.5064),
      ("Porvenir", -53.2956, -70.3689)),
}  # fmt: skip


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

# What it takes to repeat a practice (the optional fields equipo, tiempo, costo, materiales).
ROLES = (
    "Asesor de negocios", "Asesora digital", "Coordinadora del centro", "Ejecutivo de fomento",
    "Relatora de talleres", "Mentor voluntario", "Apoyo administrativo",
)  # fmt: skip
PREPARATIONS = ("1 semana", "2 semanas", "3 semanas", "1 mes", "2 meses")
DURATIONS = ("1 mes", "6 semanas", "2 meses", "3 meses", "4 meses", "6 meses", "1 año")
MATERIALS = (
    "sala de reuniones del centro", "proyector", "computadores con internet",
    "planillas impresas", "formulario en línea", "grupo de WhatsApp", "cuaderno de trabajo",
    "videollamada", "local de un socio para las sesiones", "tarjetas de presentación",
)  # fmt: skip
