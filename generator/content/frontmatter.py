"""Split a Markdown file into its YAML front matter and its body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.problems import Problem

_DELIMITER = "---"


@dataclass(frozen=True)
class SplitDocument:
    yaml_text: str
    yaml_line_offset: int  # lines of the file before the YAML text
    body: str
    body_first_line: int  # 1-based line of the body's first line


def split_front_matter(text: str, file: str) -> tuple[SplitDocument | None, list[Problem]]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != _DELIMITER:
        return None, [
            Problem(
                file,
                1,
                1,
                "sin-encabezado",
                "Falta el encabezado YAML: la primera línea debe ser «---», luego las claves "
                "(titulo, resumen, centro, ...) y otra línea «---» antes del texto.",
            )
        ]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (_DELIMITER, "..."):
            return (
                SplitDocument(
                    yaml_text="".join(lines[1:index]),
                    yaml_line_offset=1,
                    body="".join(lines[index + 1 :]),
                    body_first_line=index + 2,
                ),
                [],
            )
    return None, [
        Problem(
            file,
            1,
            1,
            "encabezado-sin-cerrar",
            "El encabezado YAML empieza con «---» en la línea 1 pero nunca se cierra: agrega "
            "una línea «---» después de la última clave.",
        )
    ]
