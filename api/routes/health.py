"""GET /healthz: what a load balancer and the on-call person need to know, without secrets."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import CatalogDep, SearchDep, StoreDep
from api.models import Health, HealthIndex, HealthQuestions, HealthSessions

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="Liveness and readiness")
def healthz(request: Request, catalog: CatalogDep, search: SearchDep, store: StoreDep) -> Health:
    """`degraded` when the search index failed or the session store does not answer; the status
    code stays 200 so the body can say which part is down."""
    reachable = store.ping()
    ok = reachable and search.status in ("ready", "loading", "not_loaded")
    return Health(
        status="ok" if ok else "degraded",
        measures=len(catalog),
        index=HealthIndex(status=search.status, passages=search.passages,
                          questions=HealthQuestions(**search.worker.stats()) if search.worker else None),
        sessions=HealthSessions(store=store.kind, reachable=reachable),
        chat=True,
        line=request.app.state.line is not None,
    )
