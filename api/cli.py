"""`benefit-finder`: the catalog, the eligibility check, search, and the server (`serve`).

Bad input ends with one clear line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from pydantic import ValidationError

from knowledge.catalog import CatalogError, default_catalog
from knowledge.household import Household
from knowledge.languages import LANGS, Lang
from knowledge.messages import message
from knowledge.results import Match, match_household, title_in

app = typer.Typer(no_args_is_help=True, add_completion=False, help="千代田区 支援さがし / Chiyoda benefit finder")

JsonFlag = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
LangOpt = Annotated[str, typer.Option("--lang", help="ja, en, ja-easy (やさしい日本語), zh or ko.")]


def fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=2)


def _lang(value: str) -> Lang:
    for lang in LANGS:
        if value == lang:
            return lang
    fail(f"--lang must be one of {', '.join(LANGS)}, not {value!r}")


def _catalog():  # type: ignore[no-untyped-def]
    try:
        return default_catalog()
    except CatalogError as exc:
        fail(f"the catalog is invalid: {exc}")


@app.command()
def measures(as_json: JsonFlag = False, lang: LangOpt = "ja") -> None:
    """List every measure with its page."""
    chosen = _lang(lang)
    catalog = _catalog()
    if as_json:
        dumped = [m.model_dump(mode="json", by_alias=True) for m in catalog]
        typer.echo(json.dumps(dumped, ensure_ascii=False, indent=2))
        return
    for m in catalog:
        title = title_in(m, chosen)
        typer.echo(f"{m.page:>5}  {m.kind:<10}  {m.id:<36}  {title}")
    typer.echo(f"{len(catalog)} measures")


def _household_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "household"
    return f"invalid household at {where}: {first['msg']} ({exc.error_count()} problem(s))"


def read_household(path: Path) -> Household:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {path}: {exc}")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        fail(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
    try:
        return Household.model_validate(data)
    except ValidationError as exc:
        fail(_household_error(exc))


def _print_match(match: Match, lang: Lang) -> None:
    typer.echo(f"  ・{match.title}（{match.page}）")
    for reason in [match.later] if match.status == "later" and match.later else match.reasons:
        typer.echo(f"      {reason}")
    if match.status != "later":  # what only the counter can answer, and how participants are chosen
        for point in match.unsettled:
            typer.echo(f"      {message('cli.ask_counter', lang)}: {point}")
        if match.how_chosen:
            typer.echo(f"      {message('cli.how_chosen', lang)}: {match.how_chosen}")


@app.command()
def check(
    household_file: Annotated[Path, typer.Argument(help="Household JSON (see knowledge/examples/).")],
    as_json: JsonFlag = False,
    lang: LangOpt = "ja",
) -> None:
    """Which measures a household qualifies for, and why."""
    chosen = _lang(lang)
    household = read_household(household_file)
    results = match_household(_catalog(), household, chosen)
    if as_json:
        typer.echo(results.model_dump_json(indent=2))
        return
    for heading, items in (
        ("eligible", results.eligible),
        ("maybe", results.maybe),
        ("related", results.related),
        ("later", results.later),
    ):
        if items:
            typer.echo(f"{message(f'cli.{heading}', chosen)} ({len(items)})")
            for item in items:
                _print_match(item, chosen)
    if not (results.eligible or results.maybe or results.related):
        typer.echo(message("cli.nothing", chosen))


index_app = typer.Typer(no_args_is_help=True, help="The search index.")
app.add_typer(index_app, name="index")


def _open_searcher(progress: bool = False):  # type: ignore[no-untyped-def]
    from knowledge.search.encoders import EncoderUnavailable
    from knowledge.search.factory import searcher_from_settings

    try:
        if not progress:
            return searcher_from_settings()
        with typer.progressbar(length=1, label="embedding passages") as bar:
            def tick(done: int, total: int) -> None:
                bar.length = total
                bar.update(done - bar.pos)
            return searcher_from_settings(progress=tick)
    except EncoderUnavailable as exc:
        fail(str(exc))


@index_app.command("build")
def index_build() -> None:
    """Build (or reuse) the FAISS index of the catalog and the source text, and say what it holds."""
    searcher, how = _open_searcher(progress=True)
    m = searcher.index.manifest
    typer.echo(f"index {how}: {len(m.ids)} passages for {len(searcher.catalog)} measures, dim {m.dim}, "
               f"{m.index_type}, encoder {searcher.encoder.info.key}, built {m.built_at} in {m.build_seconds}s")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="A question in your own words.")],
    k: Annotated[int, typer.Option("--k", min=1, max=20)] = 5,
    as_json: JsonFlag = False,
) -> None:
    """Find the measures that answer a question, with their pages."""
    if not query.strip() or len(query) > 1000:
        fail("the question must be 1 to 1000 characters")
    searcher, _ = _open_searcher()
    hits = searcher.search(query, k)
    if as_json:
        typer.echo(json.dumps([h.model_dump() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo("該当する施策は見つかりませんでした。 / No measure matches.")
    for h in hits:
        typer.echo(f"{h.score:.3f}  {h.title}（{h.page}）  [{h.id}]")


def _urls(host: str, port: int) -> dict[str, str]:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    base = f"http://[{shown}]:{port}" if ":" in shown else f"http://{shown}:{port}"
    return {"API docs": f"{base}/docs", "Widget demo": f"{base}/", "Staff console": f"{base}/staff",
            "LINE webhook": f"{base}/line/webhook"}


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on (0.0.0.0 in a container).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    log_level: Annotated[str, typer.Option("--log-level", help="debug, info, warning or error. No level logs "
                                           "message text, households or LINE user ids.")] = "info",
) -> None:
    """Start the HTTP API with the web widget demo, the staff console and the LINE webhook."""
    import logging

    import uvicorn

    from api.main import create_app

    level = log_level.lower()
    if level not in ("debug", "info", "warning", "error"):
        fail(f"--log-level must be debug, info, warning or error, not {log_level!r}")
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name, url in _urls(host, port).items():
        typer.echo(f"{name + ':':<15} {url}")
    # uvicorn's access log prints raw paths and query strings (search questions, session ids):
    # off; api.middleware logs the route template instead.
    uvicorn.run(create_app(), host=host, port=port, access_log=False, log_level=level)


@app.command()
def chat(lang: LangOpt = "ja", no_search: Annotated[bool, typer.Option("--no-search")] = False) -> None:
    """Talk to the assistant in the terminal (numbers pick a quick reply; 終了 or Ctrl-D ends)."""
    from api.terminal_chat import run_chat

    search = None if no_search else _open_searcher()[0].search
    run_chat(search, _lang(lang))


@app.command()
def schema() -> None:
    """Write the JSON Schemas of households and measure files to knowledge/schema/."""
    from knowledge.schema_export import write

    for path in write():
        typer.echo(f"wrote {path}")


@app.command()
def audit(stdout: Annotated[bool, typer.Option("--stdout", help="print instead of writing")] = False) -> None:
    """Write knowledge/AUDIT.md: per measure, each condition with its basis (quote, definition or reading)."""
    from knowledge.audit import render, write

    if stdout:
        typer.echo(render(_catalog()), nl=False)
    else:
        typer.echo(f"wrote {write(_catalog())}")


catalog_app = typer.Typer(no_args_is_help=True, help="Next year's catalog: check, compare, draft.")
app.add_typer(catalog_app, name="catalog")


@catalog_app.command("check")
def catalog_check(
    directory: Annotated[Path, typer.Argument(help="Catalog directory: measures/, budget_lines.yaml, source/.")],
) -> None:
    """Run the knowledge-health checks on a catalog directory; exit 1 if anything is wrong."""
    from knowledge.catalog_check import report, run_checks

    if not directory.is_dir():
        fail(f"not a directory: {directory}")
    results = run_checks(directory)
    typer.echo(report(results, directory), nl=False)
    raise typer.Exit(code=1 if any(problems for *_, problems in results) else 0)


@catalog_app.command("diff")
def catalog_diff(
    old: Annotated[Path, typer.Argument(help="Last year's catalog directory.")],
    new: Annotated[Path, typer.Argument(help="The new (draft) catalog directory.")],
) -> None:
    """New, gone and changed measures; a copy of last year's rules, marked for review, where the new file has none."""
    from knowledge.catalog_diff import run

    for directory in (old, new):
        if not directory.is_dir():
            fail(f"not a directory: {directory}")
    _diff, text = run(old, new)
    typer.echo(text, nl=False)


@catalog_app.command("draft")
def catalog_draft(
    source: Annotated[Path, typer.Argument(help="The new document (Markdown, like knowledge/source/).")],
    fiscal_year: Annotated[int, typer.Option("--fiscal-year", min=2000, max=2100)],
    out: Annotated[Path, typer.Option("--out", help="Directory for the draft catalog (must not exist or be empty).")],
) -> None:
    """One draft measure file per （Pxx） title: only what is printed; the rest is left TODO for a person."""
    from knowledge.catalog_draft import write_draft

    if not source.is_file():
        fail(f"not a file: {source}")
    if out.exists() and any(out.iterdir()):
        fail(f"{out} is not empty; choose a new directory")
    measures, budget = write_draft(source, fiscal_year, out)
    figures = sum(len(m.figures) for m in measures)
    typer.echo(f"下書き / draft: {len(measures)} measures, {figures} figures, {len(budget)} budget lines → {out}")
    typer.echo(f"次に / next: benefit-finder catalog check {out}")


if __name__ == "__main__":
    app()
