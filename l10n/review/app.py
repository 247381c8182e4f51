"""The review web application: Starlette routes over a :class:`ReviewSession`.

Pages are rendered on the server with Jinja2 (autoescaped: every text from articles,
catalogs and glossaries is text, never markup); ``static/review.js`` adds the keyboard,
live checks and saves. The JSON API answers with HTML fragments rendered by the same
templates (findings, helps), so the page never builds markup from text itself.

==========================================  ============================================
route                                       what
==========================================  ============================================
``GET /``                                   dashboard: languages x articles
``GET /{lang}/{slug}``                      the article page of one catalog
``GET /preview/{lang}/{slug}.html``         the page as ``l10n build`` renders it
``GET /api/{lang}/{slug}/findings``         every entry's findings (after first paint)
``POST /api/{lang}/{slug}/check``           findings of a text the reviewer is typing
``GET /api/{lang}/{slug}/helps/{id}``       n-best alternatives, memory matches
``POST /api/{lang}/{slug}/save``            accept (or keep as draft) one translation
``POST /api/{lang}/{slug}/note``            an entry's translator comment, a dismissed finding
``GET /api/{lang}/{slug}/history/{id}``     who changed the entry, when, from what
``GET /api/{lang}/concordance?q=``          memory units whose source holds selected words
``GET /search?q=``                          sources, translations and memory, everywhere
==========================================  ============================================
"""

from __future__ import annotations

from functools import partial
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from l10n.errors import L10nError, LockedError, UsageError
from l10n.model import Severity
from l10n.publish.locale import language
from l10n.review.search import pieces
from l10n.review.security import Guard
from l10n.review.session import CONFIRM, ReviewSession, SaveResult
from l10n.review.view import finding_json

if TYPE_CHECKING:
    import jinja2
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

SHORTCUTS = (
    ("Ctrl+Enter", "accept, then go to the next entry that needs work"),
    ("Ctrl+S", "save as a draft (stays fuzzy)"),
    ("Alt+↓ / Alt+↑", "next / previous entry"),
    ("Ctrl+Shift+1…9", "copy suggestion 1…9 into the editor"),
    ("Alt+C", "copy the source into the editor"),
    ("Alt+M", "insert the next missing markup, placeholder, number or term"),
    ("Enter", "on a focused glossary term: insert its translation"),
    ("Alt+A / Alt+W / Alt+E", "show all / needs work / has errors"),
    ("Alt+H", "the entry's history and comment"),
    ("/", "search everything"),
    ("?", "this list"),
    ("Esc", "undo your changes to the entry"),
)


def create_app(
    session: ReviewSession, *, token: str, hosts: set[str] | None, login: bool = False,
    reviewers: dict[str, str] | None = None,
) -> Starlette:
    """The ASGI application, guarded (:class:`~l10n.review.security.Guard`)."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    env = _environment()
    ctx = {"session": session, "env": env, "token": token, "pages": {}}
    routes = [
        Route("/", partial(_dashboard, ctx)),
        Route("/preview/{lang}/{slug}.html", partial(_preview, ctx)),
        Route("/api/{lang}/{slug}/findings", partial(_findings, ctx)),
        Route("/api/{lang}/{slug}/check", partial(_check, ctx), methods=["POST"]),
        Route("/api/{lang}/{slug}/helps/{ident}", partial(_helps, ctx)),
        Route("/api/{lang}/{slug}/save", partial(_save, ctx), methods=["POST"]),
        Route("/api/{lang}/{slug}/note", partial(_note, ctx), methods=["POST"]),
        Route("/api/{lang}/{slug}/history/{ident}", partial(_history, ctx)),
        Route("/api/{lang}/concordance", partial(_concordance, ctx)),
        Route("/search", partial(_search, ctx)),
        Mount("/static", StaticFiles(directory=str(files("l10n.review") / "static"))),
        Route("/{lang}/{slug}", partial(_article, ctx)),
    ]
    guard = Middleware(Guard, token=token, hosts=hosts, login=login, reviewers=reviewers)
    return Starlette(routes=routes, middleware=[Middleware(_Serving, session=session), guard],
                     exception_handlers={L10nError: _error})


class _Serving:
    """Counts the requests being answered (``session.serving``), so that the session's
    warm-up waits for them (:meth:`~l10n.review.session.ReviewSession.warm`)."""

    def __init__(self, app: Any, *, session: ReviewSession) -> None:
        self.app, self.session = app, session

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.session.serving += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.session.serving -= 1


def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("l10n.review", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["shortcuts"] = SHORTCUTS
    env.globals["language"] = language
    return env


def _token(ctx: dict[str, Any], request: Request) -> str:
    """The token this browser presented (a reviewer's own), which its page sends back."""
    return str(request.scope.get("l10n.token") or ctx["token"])


def _reviewer(ctx: dict[str, Any], request: Request) -> str:
    return str(request.scope.get("l10n.reviewer") or ctx["session"].reviewer)


def _page(ctx: dict[str, Any], request: Request, template: str, **values: Any) -> Response:
    from starlette.responses import HTMLResponse

    values = {"query": "", **values}
    body = ctx["env"].get_template(template).render(
        token=_token(ctx, request), reviewer=_reviewer(ctx, request), **values)
    return HTMLResponse(body)


def _fragment(ctx: dict[str, Any], template: str, **values: Any) -> str:
    return str(ctx["env"].get_template(template).render(**values))


class BadRequest(UsageError):
    """A request whose body is not what the route reads (HTTP 400)."""


def _status(exc: L10nError) -> int:
    if isinstance(exc, LockedError):
        return 423
    if isinstance(exc, BadRequest):
        return 400
    return 404 if isinstance(exc, UsageError) else 409


async def _error(request: Request, exc: Exception) -> Response:
    """An L10nError as the page can show it: JSON for the API, a short page otherwise."""
    from starlette.responses import JSONResponse, PlainTextResponse

    assert isinstance(exc, L10nError)
    status = _status(exc)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": exc.format_message(), "locked": status == 423},
                            status_code=status)
    return PlainTextResponse(exc.format_message(), status_code=status)


def _run(func: Any, *args: Any, **kwargs: Any) -> Any:
    from starlette.concurrency import run_in_threadpool

    return run_in_threadpool(func, *args, **kwargs)


# ---------------------------------------------------------------------------- pages
async def _dashboard(ctx: dict[str, Any], request: Request) -> Response:
    session: ReviewSession = ctx["session"]
    rows = await _run(session.dashboard)
    return _page(ctx, request, "dashboard.html.j2", rows=rows, langs=session.langs,
                 root=session.settings.root.name)


async def _article(ctx: dict[str, Any], request: Request) -> Response:
    from starlette.responses import HTMLResponse

    session: ReviewSession = ctx["session"]
    lang, slug = request.path_params["lang"], request.path_params["slug"]
    view = await _run(session.article_view, lang, slug)
    token = _token(ctx, request)
    kept = ctx["pages"].get((lang, slug, token))
    if kept is None or kept[0] is not view:  # rendered again only when the view changed
        html = await _run(ctx["env"].get_template("article.html.j2").render, token=token,
                          reviewer=_reviewer(ctx, request), query="",
                          view=view, source=language(session.settings.source),
                          target=language(lang))
        kept = ctx["pages"][lang, slug, token] = (view, html)
    return HTMLResponse(kept[1])


async def _preview(ctx: dict[str, Any], request: Request) -> Response:
    from starlette.responses import HTMLResponse

    session: ReviewSession = ctx["session"]
    lang, slug = request.path_params["lang"], request.path_params["slug"]
    machine = request.query_params.get("reviewed") != "1"
    return HTMLResponse(await _run(session.preview, lang, slug, include_machine=machine))


# ---------------------------------------------------------------------------- API
def _findings_json(ctx: dict[str, Any], msgid: str, text: str, found: Any) -> dict[str, Any]:
    items = [finding_json(f, msgid, text) for f in found]
    return {
        "html": _fragment(ctx, "_findings.html.j2", findings=items),
        "findings": items,
        "errors": sum(f.severity == Severity.ERROR for f in found),
    }


async def _findings(ctx: dict[str, Any], request: Request) -> Response:
    from starlette.responses import JSONResponse

    session: ReviewSession = ctx["session"]
    lang, slug = request.path_params["lang"], request.path_params["slug"]
    found = await _run(session.all_findings, lang, slug)
    return JSONResponse({ident: _findings_json(ctx, e.msgid, e.msgstr, f)
                         for ident, (e, f) in found.items() if f})  # none: nothing to show


async def _body(request: Request, *keys: str) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError:
        data = None
    if not isinstance(data, dict) or any(not isinstance(data.get(k), str) for k in keys):
        raise BadRequest(f"the request needs a JSON object with {', '.join(keys)}")
    return data


async def _check(ctx: dict[str, Any], request: Request) -> Response:
    from starlette.responses import JSONResponse

    session: ReviewSession = ctx["session"]
    lang, slug = request.path_params["lang"], request.path_params["slug"]
    data = await _body(request, "id", "text")
    entry, found = await _run(session.check, lang, slug, data["id"], data["text"])
    return JSONResponse(_findings_json(ctx, entry.msgid, data["text"], found))


async def _helps(ctx: dict[str, Any], request: Request) -> Response:
    from starlette.responses import JSONResponse

    session: ReviewSession = ctx["session"]
    p = request.path_params
    helps = await _run(session.helps, p["lang"], p["slug"], p["ident"])
    return JSONResponse({"html": _fragment(ctx, "_helps.html.j2", helps=helps, target=p["lang"]),
                         "count": len(helps.alternatives) + len(helps.matches)})


async def _save(ctx: dict[str, Any], request: Request) -> Response:
    from starlette.responses import JSONResponse

    session: ReviewSession = ctx["session"]
    lang, slug = request.path_params["lang"], request.path_params["slug"]
    data = await _body(request, "id", "text", "version")
    result: SaveResult = await _run(
        session.save, lang, slug, data["id"], data["text"], data["version"],
        reviewed=bool(data.get("reviewed", True)), force=bool(data.get("force", False)),
        reviewer=_reviewer(ctx, request),
    )
    return JSONResponse(_reply(ctx, result, data["text"]))


def _reply(ctx: dict[str, Any], result: SaveResult, text: str) -> dict[str, Any]:
    entry = result.entry
    text = text if result.status == CONFIRM or entry is None else entry.msgstr
    reply: dict[str, Any] = {
        "status": result.status,
        "entry": entry.to_json() if entry is not None else None,
        **_findings_json(ctx, entry.msgid if entry else "", text, result.findings),
    }
    if result.counts is not None:
        counts = result.counts
        reply["counts"] = {k: getattr(counts, k) for k in (
            "entries", "reviewed", "machine", "fuzzy", "untranslated")}
    return reply


async def _note(ctx: dict[str, Any], request: Request) -> Response:
    """``{id, version, comment}`` or ``{id, version, ignore: check, on: bool}``."""
    from starlette.responses import JSONResponse

    session: ReviewSession = ctx["session"]
    lang, slug = request.path_params["lang"], request.path_params["slug"]
    data = await _body(request, "id", "version")
    comment, check = data.get("comment"), data.get("ignore")
    if (comment is None) == (check is None) or not isinstance(comment or check or "", str):
        raise BadRequest("a note needs either a comment or the check to ignore")
    ignore = ((str(check), bool(data.get("on", True))),) if check else ()
    result = await _run(session.annotate, lang, slug, data["id"], data["version"],
                        comment=comment, ignore=ignore, reviewer=_reviewer(ctx, request))
    reply = _reply(ctx, result, "")
    if result.entry is not None:
        reply["comment"] = result.entry.comment
        reply["ignored"] = list(result.entry.ignored)
    return JSONResponse(reply)


async def _history(ctx: dict[str, Any], request: Request) -> Response:
    from starlette.responses import JSONResponse

    session: ReviewSession = ctx["session"]
    p = request.path_params
    changes = await _run(session.history, p["lang"], p["slug"], p["ident"])
    return JSONResponse({"html": _fragment(ctx, "_history.html.j2", changes=changes,
                                           target=p["lang"]), "count": len(changes)})


async def _concordance(ctx: dict[str, Any], request: Request) -> Response:
    from starlette.responses import JSONResponse

    session: ReviewSession = ctx["session"]
    lang, query = request.path_params["lang"], request.query_params.get("q", "").strip()[:200]
    units = await _run(session.concordance, lang, query) if query else []
    hits = [(pieces(u.source_text, query), u) for u in units]
    return JSONResponse({"html": _fragment(ctx, "_concordance.html.j2", hits=hits,
                                           query=query, target=lang), "count": len(hits)})


async def _search(ctx: dict[str, Any], request: Request) -> Response:
    session: ReviewSession = ctx["session"]
    query = request.query_params.get("q", "").strip()[:200]
    result = await _run(session.search, query)
    return _page(ctx, request, "search.html.j2", result=result, query=query,
                 source=language(session.settings.source))


__all__ = ["create_app"]
