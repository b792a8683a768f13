"""The browser side (built in api/static/ by the front-end work): the widget demo at `/`, the
staff console at `/staff`, the embeddable `/widget.js`, and everything else under /static/."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse

from api.errors import ApiError

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
router = APIRouter(include_in_schema=False)


def _file(request: Request, name: str) -> FileResponse:
    path: Path = request.app.state.static_dir / name
    if not path.is_file():
        raise ApiError(404, "not_found")
    return FileResponse(path)


@router.get("/")
def widget_demo(request: Request) -> FileResponse:
    return _file(request, "index.html")


@router.get("/staff")
def staff_console(request: Request) -> FileResponse:
    return _file(request, "staff.html")


@router.get("/widget.js")
def widget_script(request: Request) -> FileResponse:
    return _file(request, "widget.js")
