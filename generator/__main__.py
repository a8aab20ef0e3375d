from __future__ import annotations

import sys

from generator.text import console_streams, flush_console

console_streams()  # before anything is printed: any locale, and a pipe closed early

try:
    from generator.cli import main
except ModuleNotFoundError as missing:  # run by a Python without the project's dependencies
    sys.exit(
        f"python -m generator: a este Python le falta «{missing.name}», que el generador usa. "
        "Instálalo todo una vez con «make serve» (crea la carpeta .venv/) y luego, en cada "
        "terminal, activa ese entorno con «source .venv/bin/activate»; o escribe "
        "«.venv/bin/python -m generator …» en lugar de «python -m generator …»."
    )

status = main()
flush_console()
sys.exit(status)
