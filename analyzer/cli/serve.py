"""`app`: the browser app, served to this computer only, opened in the default browser."""

from pathlib import Path
from typing import Annotated

import typer

from analyzer.cli.common import DebugOpt, LangOpt, NoColorOpt, app, consoles, guarded, language_of
from analyzer.i18n import t

#: How long the app waits for a request before it stops (the open page keeps working without it).
IDLE_MINUTES = 30


@app.command("app")
def app_command(
    dist: Annotated[
        Path | None, typer.Option("--dist", readable=False, help="The built app (default: web/dist, from make web).")
    ] = None,
    idle: Annotated[
        int, typer.Option("--idle", metavar="MINUTES", min=1, help="Stop after this many minutes without a request.")
    ] = IDLE_MINUTES,
    no_browser: Annotated[bool, typer.Option("--no-browser", metavar="", help="Only print the address.")] = False,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Open the browser app: the same report in your browser, your file read only there, served to this computer only."""
    _, err = consoles(no_color)
    language = language_of(lang)

    def action() -> int:
        import webbrowser

        from analyzer.webapp import Server, bundle

        with Server(bundle(dist), idle * 60) as server:
            err.say(t(language, "web.app.open", url=server.url), soft_wrap=True)
            if not no_browser:
                webbrowser.open(server.url)
            server.serve()
        err.say(t(language, "web.app.idle", minutes=idle))
        return 0

    guarded(action, err, debug, language)
