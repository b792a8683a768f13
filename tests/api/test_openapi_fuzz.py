"""schemathesis against the app's own OpenAPI schema, over HTTP to a real server: for inputs that
fit the schema and for inputs that break it (both generation modes), no 5xx, and every error is
JSON with a message in English and in Japanese.

The server has LINE configured (so an unsigned webhook is a 4xx, not "not configured") and rate
limits lifted (the fuzzer is one very busy client). Examples per operation are capped so the
module stays within a minute on two cores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from api.main import create_app
from knowledge.settings import Settings
from tests.api.conftest import ACCESS_TOKEN, CHANNEL_SECRET, FakeLine, live_server, wait_for_index

EXAMPLES_PER_OPERATION = 40


@pytest.fixture(scope="module")
def base_url(make_settings: Callable[..., Settings], fake_line: FakeLine) -> Iterator[str]:
    app_settings = make_settings(line_channel_secret=CHANNEL_SECRET, line_channel_access_token=ACCESS_TOKEN,
                                 line_api_host=fake_line.url, rate_limit_per_ip_per_minute=1_000_000,
                                 rate_limit_per_session_per_minute=1_000_000)
    import httpx

    with live_server(create_app(app_settings)) as url, httpx.Client(base_url=url, timeout=60) as client:
        wait_for_index(client)
        yield url


def errors_are_json_with_messages(ctx: Any, response: Any, case: Any) -> bool | None:
    """Every 4xx: a JSON body {"error": {"code", "message", "message_ja"}}, both messages non-empty."""
    if response.status_code < 400:
        return None
    assert response.headers.get("content-type", [""])[0].startswith("application/json"), \
        f"{response.status_code} without a JSON body"
    error = response.json().get("error")
    assert isinstance(error, dict), f"{response.status_code} body has no 'error' object"
    assert error.get("code") and error.get("message") and error.get("message_ja"), \
        f"{response.status_code} error lacks code/message/message_ja: {error}"
    return True


def _own_schema() -> dict[str, Any]:
    """The schema the app serves at /openapi.json (built without starting anything)."""
    quiet = Settings(_env_file=None, index_preload=False)  # type: ignore[call-arg]
    return create_app(quiet).openapi()


schema = schemathesis.openapi.from_dict(_own_schema())


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None,
          suppress_health_check=list(HealthCheck))
def test_no_server_errors_and_every_error_explains_itself(case: Any, base_url: str) -> None:
    case.call_and_validate(base_url=base_url, checks=[not_a_server_error, errors_are_json_with_messages],
                           timeout=60)
