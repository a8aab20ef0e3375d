"""What the workflow «Formulario a solicitud de cambio» (.github/workflows/formulario.yml) runs
on an issue opened or edited from one of the issue forms: `python -m generator from-issue` in
the working copy, then, when it wrote a valid file, one commit on the branch of that issue.

It only reads and writes files and runs git and the generator: pushing, opening the pull
request and commenting stay in the workflow, in jobs with their own permissions, so this runs
the same on a temporary repository (tests/test_issue_workflow.py). The issue's text arrives in
a file and its number and labels as arguments: none of it is ever part of a command line
that a shell reads.

What the contributor typed is inert wherever others read it: the pull request's title is one
line, and holds the practice's title only when it cannot name anyone or any issue; the body
quotes the answers in a fenced code block that nothing inside can close, so no mention
notifies, no closing keyword closes, no link or image is made, no HTML is read; the commit
message holds only the file's path and the issue's number (a keyword in a commit message that
reaches the default branch closes its issue, and none of this is Markdown there).

Writes into --out:
  resultado      pr, comentario or nada (an issue of no form); also to $GITHUB_OUTPUT
  cambio.patch   the commit, for `git am` in the job that may push
  titulo.txt     the pull request's title
  cuerpo.md      the pull request's body, which closes the issue
  comentario.md  what to fix in the form, or what to look at again in it (then also
                 comentario=si in $GITHUB_OUTPUT), for a comment on the issue
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from generator.authoring.form_answers import NotThisForm, read_answers
from generator.authoring.form_reply import REPLY_HEADER, WARNINGS_HEADER
from generator.authoring.github_forms import FORM_LABELS, FORM_NAMES, FormName, form_fields
from generator.content.frontmatter import split_front_matter

FIX_IT = (
    "No pude preparar la solicitud de cambio con este formulario. Edita el issue "
    "(menú «···» → «Edit»), corrige lo que sigue y guárdalo: lo reviso de nuevo."
)
SYSTEM_TROUBLE = (
    "No pude preparar la solicitud de cambio por un problema de la máquina que procesa los "
    "formularios, no por lo que escribiste. El equipo del sitio lo ve en el registro del flujo "
    "«Formulario a solicitud de cambio»; cuando lo resuelva, guarda de nuevo el issue (aunque no "
    "cambies nada) y lo intento otra vez.\n"
)
PREPARED = (
    "Preparé la solicitud de cambio con este formulario; el equipo del sitio la revisa. Antes, "
    "revisa lo que sigue: si hace falta cambiar algo, edita el issue (menú «···» → «Edit») y "
    "guárdalo, y la solicitud se actualiza."
)
BOT_NAME = "github-actions[bot]"
MAX_BODY = 65_536  # characters GitHub takes in a pull request's body
MAX_TITLE = 256  # characters GitHub takes in a pull request's title
# What GitHub reads in a title as a mention or a reference to an issue (and a keyword before a
# reference closes it, in the commit message a squash merge may take from the title).
_UNCHECKED = re.compile(r"^\s*[-*] \[ \] ")
_LIVE = re.compile(r"[@#]|://|www\.|\bgh-\d", re.IGNORECASE)
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"


def branch_for(issue: int) -> str:
    return f"formulario/issue-{issue}"


def form_of(labels: list[str]) -> FormName | None:
    return next((form for form, label in FORM_LABELS.items() if label in labels), None)


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    )
    return result.stdout


def _header(path: Path) -> dict[str, object]:
    split, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
    data = yaml.safe_load(split.yaml_text) if split else None
    return data if isinstance(data, dict) else {}


def _center_name(root: Path, center: str) -> str:
    data = yaml.safe_load((root / "centers" / f"{center}.yml").read_text(encoding="utf-8"))
    return str(data["nombre"]) if isinstance(data, dict) else center


def _fenced(text: str) -> str:
    """`text` as a code block that nothing inside it can close: no Markdown, no mentions."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}"


def _one_line(text: str, limit: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def pr_title(kind: str, text: str, issue: int) -> str:
    """`Kind: text` on one line; `Kind del issue #N` when `text` could name someone or an
    issue (the body quotes it)."""
    if _LIVE.search(text):
        return f"{kind} del issue #{issue}"
    return _one_line(f"{kind}: {text}", MAX_TITLE)


def quoted_answers(body: str, form: FormName) -> str:
    """The contributor's answers, each under its field's label, as they wrote them."""
    answers = read_answers(body, form)
    parts = []
    for field in form_fields(form):
        answer = answers.get(field.id, "")
        if field.kind == "choices":  # the boxes checked, not every option of the list
            answer = "\n".join(line for line in answer.split("\n") if not _UNCHECKED.match(line))
        if answer.strip():
            parts.append(f"### {field.label}\n\n{answer}")
    return "\n\n".join(parts)


def pr_body(summary: str, answers: str, warnings: str, issue: int) -> str:
    """The pull request's body: what it does, in words of this script and of the repository's
    keys; the contributor's answers and the warnings they were told, each in a fenced block."""
    head = f"{summary}\n\n"
    tail = (
        "Preparada automáticamente desde el formulario: revisa el archivo y, si hace falta, "
        "corrígelo en esta misma rama o pide los cambios en el issue (al editarlo, esta "
        "solicitud se actualiza). Al aceptarla, el cambio se publica en el sitio.\n\n"
        f"Closes #{issue}\n"
    )
    if warnings:
        head += (
            "El formulario avisó esto a quien lo envió (no impide aceptarla, pero revísalo):"
            f"\n\n{_fenced(warnings)}\n\n"
        )
    intro = "Respuestas del formulario, tal como se escribieron:\n\n"
    room = MAX_BODY - len(head) - len(intro) - len(tail) - 200  # 200: the fence and the cut
    if len(answers) > room:
        answers = answers[:room].rsplit("\n", 1)[0] + "\n[…]"
    return f"{head}{intro}{_fenced(answers)}\n\n{tail}"


def _comment(run: subprocess.CompletedProcess[str], body: Path, form: FormName) -> str:
    """What the issue is told: the reply of `from-issue`, which speaks the form's words, or
    which field of the form the text lacks. Anything else is this machine's trouble, not the
    contributor's: its details (folders, errors in English) go to the workflow's log only."""
    said = run.stderr.strip()
    if run.returncode == 1 and said.startswith(REPLY_HEADER):
        return f"{FIX_IT}\n\n{_fenced(said)}\n"
    if run.returncode == 2:
        try:
            read_answers(body.read_text(encoding="utf-8"), form)
        except NotThisForm as error:
            lacks = str(error)
            if error.other:
                lacks += f" El texto es del formulario «{FORM_NAMES[error.other]}»."
            return f"{FIX_IT}\n\n{_fenced(lacks[0].upper() + lacks[1:])}\n"
        except (OSError, UnicodeDecodeError):
            pass
    print("from-issue no respondió como se esperaba; su salida:", run.stdout, said, sep="\n")
    return SYSTEM_TROUBLE


def prepare(root: Path, body: Path, issue: int, labels: list[str], out: Path) -> str:
    out.mkdir(parents=True, exist_ok=True)
    form = form_of(labels)
    if form is None:
        return "nada"
    command = ["from-issue", "--form", form, "--root", str(root), str(body)]
    run = subprocess.run(
        [sys.executable, "-m", "generator", *command],
        capture_output=True,
        text=True,
        check=False,
    )
    changed = [line[3:] for line in _git(root, "status", "--porcelain").splitlines()]
    if run.returncode != 0 or len(changed) != 1:
        (out / "comentario.md").write_text(_comment(run, body, form), encoding="utf-8")
        return "comentario"
    rel = changed[0]
    data = _header(root / rel)
    title = str(data.get("titulo", rel))
    if form == "practica":
        titled = pr_title("Práctica", title, issue)
        summary = f"Agrega la práctica {rel}, propuesta en el issue #{issue}."
        said = f"Agrega la práctica `{rel}`, propuesta en el issue #{issue}."
    else:
        replicas = data.get("replicas")
        last = replicas[-1] if isinstance(replicas, list) and replicas else {}
        center = str(last.get("centro", ""))
        titled = pr_title("Réplica", f"{_center_name(root, center)} adoptó «{title}»", issue)
        summary = f"Registra que el centro {center} adoptó {rel}, según el issue #{issue}."
        said = f"Registra que el centro `{center}` adoptó `{rel}`, según el issue #{issue}."
    _commit(root, rel, issue, summary, out)
    warnings = (
        run.stdout[run.stdout.find(WARNINGS_HEADER) :] if WARNINGS_HEADER in run.stdout else ""
    )
    answers = quoted_answers(body.read_text(encoding="utf-8"), form)
    (out / "titulo.txt").write_text(titled, encoding="utf-8")
    (out / "cuerpo.md").write_text(pr_body(said, answers, warnings.strip(), issue), "utf-8")
    if warnings:
        (out / "comentario.md").write_text(f"{PREPARED}\n\n{_fenced(warnings)}\n", "utf-8")
    return "pr"


def _commit(root: Path, rel: str, issue: int, summary: str, out: Path) -> None:
    """One commit on the issue's branch, and its patch for the job that may push."""
    _git(root, "switch", "--quiet", "-C", branch_for(issue))
    _git(root, "add", "--", rel)
    _git(
        root,
        *("-c", f"user.name={BOT_NAME}", "-c", f"user.email={BOT_EMAIL}"),
        *("commit", "--quiet", "-m", f"{summary}\n\nCloses #{issue}"),
    )
    (out / "cambio.patch").write_text(
        _git(root, "format-patch", "-1", "--stdout", "HEAD"), encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Prepara el cambio de un issue de formulario.")
    parser.add_argument("--body", type=Path, required=True, help="archivo con el texto del issue")
    parser.add_argument("--issue", type=int, required=True, help="número del issue")
    parser.add_argument("--labels", required=True, help="etiquetas del issue, como lista JSON")
    parser.add_argument("--out", type=Path, required=True, help="carpeta de salida")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repositorio")
    args = parser.parse_args(argv)
    try:
        labels = json.loads(args.labels)
    except ValueError:
        labels = None
    if args.issue < 1 or not isinstance(labels, list):
        parser.error("--issue debe ser un número positivo y --labels una lista JSON")
    result = prepare(args.root, args.body, args.issue, [str(x) for x in labels], args.out)
    (args.out / "resultado").write_text(result, encoding="utf-8")
    comment = "si" if (args.out / "comentario.md").is_file() else "no"
    if github_output := os.environ.get("GITHUB_OUTPUT"):
        with open(github_output, "a", encoding="utf-8") as handle:
            handle.write(f"resultado={result}\ncomentario={comment}\n")
    print(f"resultado: {result}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
