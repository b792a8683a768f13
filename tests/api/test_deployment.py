"""docker-compose.yml, Dockerfile and .env.example agree with each other and with Settings."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from knowledge.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SECRETS = {"BF_LINE_CHANNEL_SECRET", "BF_LINE_CHANNEL_ACCESS_TOKEN", "BF_SESSION_SECRET"}
COMPOSE_ONLY = {"BF_PORT", "BF_RASA_PORT"}  # host ports, read by docker-compose.yml only


def env_example() -> dict[str, str]:
    """Every BF_ variable in .env.example, commented out or not."""
    found = {}
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^#?\s*(BF_[A-Z0-9_]+)=(.*)$", line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def test_docker_compose_config_is_valid(tmp_path: Path) -> None:
    binary = shutil.which("docker-compose")
    if binary is None:
        pytest.skip("docker-compose is not on PATH (Debian package docker-compose)")
    result = subprocess.run([binary, "-f", str(ROOT / "docker-compose.yml"), "config", "-q"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_compose_has_the_four_services_wired_together() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"api", "action-server", "rasa", "redis"}
    assert services["api"]["environment"]["BF_SESSION_STORE"] == "redis"
    assert services["api"]["environment"]["BF_REDIS_URL"].startswith("redis://redis:")
    assert services["action-server"]["command"][:4] == ["python", "-m", "rasa_sdk", "--actions"]
    assert services["rasa"]["image"] == "rasa/rasa:3.6.21-full"
    rasa = " ".join(services["rasa"]["command"])
    assert "--enable-api" in rasa and "http://action-server:5055/webhook" in rasa
    assert services["redis"]["image"].startswith("redis")
    for name in SECRETS & set(services["api"]["environment"]):
        assert services["api"]["environment"][name] == f"${{{name}:-}}"  # from the environment only


def test_env_example_names_real_settings_and_holds_no_secrets() -> None:
    names = env_example()
    fields = {f"BF_{name.upper()}" for name in Settings.model_fields}
    assert set(names) - COMPOSE_ONLY <= fields
    assert set(names) >= SECRETS
    assert all(names[s] == "" for s in SECRETS)


def test_dockerfile_builds_the_index_and_serves() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert dockerfile.startswith("#") and "FROM python:3.11-slim" in dockerfile
    assert "pip install ." in dockerfile and "benefit-finder index build" in dockerfile
    assert '"serve", "--host", "0.0.0.0"' in dockerfile
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".env", ".git", ".venv"} <= set(ignored)
    assert "knowledge/index" not in ignored  # the committed index goes into the image; `index build` reuses it
