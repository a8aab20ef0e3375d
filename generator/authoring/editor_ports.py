"""`make editar` checks its two ports before it starts anything: the preview's (PORT) and the
editor's local server's (decap-server, CMS_PORT). A port another program holds is said in
Spanish, with the `make editar` that would work, and nothing is started.

Without this, decap-server on a taken port printed Node's English stack trace and ended while
the preview went on: /admin/ then said «Failed to fetch» after signing in.

`python -m generator.authoring.editor_ports PORT CMS_PORT`: exit 0 when both are free, 1 when
one is not (said on standard error), 2 when one is not a port number.
"""

from __future__ import annotations

import errno
import socket
import sys
from collections.abc import Sequence

from generator.addresses import PREVIEW_ADDRESS
from generator.authoring.cms import LOCAL_PORT
from generator.text import os_reason

DEFAULT_PORTS = {"PORT": int(PREVIEW_ADDRESS.rpartition(":")[2]), "CMS_PORT": int(LOCAL_PORT)}
WHAT = {
    "PORT": "el de la vista previa del sitio:",
    "CMS_PORT": "el del servidor local del editor (decap-server):",
}
HOST = "127.0.0.1"  # both servers listen only on this computer


def refusal(port: int) -> OSError | None:
    """Why a server could not listen on `port` now, or None when it could. The probe binds
    as both servers do (SO_REUSEADDR: a port left in TIME_WAIT by a closed server is free)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as error:
            return error
    return None


def free_after(port: int, avoid: set[int]) -> int | None:
    """The first free port after `port` that is not in `avoid`, within a hundred."""
    return next(
        (p for p in range(port + 1, min(port + 101, 65536)) if p not in avoid and not refusal(p)),
        None,
    )


def taken_reason(error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return "ya lo ocupa otro programa (¿quedó abierto otro «make editar» o «make serve»?)"
    return os_reason(error)


def problems(ports: dict[str, int]) -> list[str]:
    """One sentence per port that cannot be used, then the command that would work; no
    sentence when both can."""
    if ports["PORT"] == ports["CMS_PORT"]:
        other = free_after(ports["PORT"], set(ports.values()))
        fix = f" Por ejemplo: make editar PORT={ports['PORT']} CMS_PORT={other}" if other else ""
        return [f"PORT y CMS_PORT son el mismo puerto ({ports['PORT']}): deben ser dos.{fix}"]
    found = []
    fixed = dict(ports)
    for name, port in ports.items():
        error = refusal(port)
        if error is None:
            continue
        found.append(f"No se puede usar el puerto {port}, {WHAT[name]} {taken_reason(error)}.")
        fixed[name] = free_after(port, set(ports.values()) | set(fixed.values())) or 0
    if not found:
        return []
    given = " ".join(
        f"{name}={port}"
        for name, port in fixed.items()
        if port and (port != ports[name] or port != DEFAULT_PORTS[name])
    )
    found.append(f"Elige otro puerto libre, por ejemplo: make editar {given}")
    return found


def main(arguments: Sequence[str]) -> int:
    if len(arguments) != 2 or not all(a.isdigit() and 0 < int(a) < 65536 for a in arguments):
        print(
            f"PORT y CMS_PORT deben ser números de puerto (1 a 65535); se recibió: "
            f"{' '.join(arguments) or 'nada'}.",
            file=sys.stderr,
        )
        return 2
    found = problems({"PORT": int(arguments[0]), "CMS_PORT": int(arguments[1])})
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
