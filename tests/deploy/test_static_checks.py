"""The deployment files, checked without a container engine: hadolint, the compose
specification, ``nginx -t`` with Debian's nginx, and what they must agree on."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from core.settings import Settings
from tests.support.app_server import ROOT
from tests.support.nginx import NGINX, render, test_config

BIN = Path(sys.executable).parent
COMPOSE = ROOT / "compose.yaml"
TURNSERVER = ROOT / "deploy" / "coturn" / "turnserver.conf"


def _compose() -> dict:
    return YAML(typ="safe").load(COMPOSE.read_text())


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


def test_hadolint_passes_the_dockerfile() -> None:
    result = _run(str(BIN / "hadolint"), "Dockerfile")
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_file_matches_the_compose_specification() -> None:
    result = _run(
        str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.compose-spec", str(COMPOSE)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_app_service_can_be_scaled_and_starts_in_order() -> None:
    services = _compose()["services"]
    app = services["app"]
    # --scale app=3 fails with a fixed container name or a published host port.
    assert "container_name" not in app
    assert "ports" not in app
    assert app["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["nginx"]["depends_on"]["app"]["condition"] == "service_healthy"
    assert "healthcheck" in services["db"]
    assert any(v.startswith("pgdata:") for v in services["db"]["volumes"])
    assert app["environment"]["COOKIE_SECURE"] == "true"
    for shared in ("JWT_SECRET", "STREAMLIT_SERVER_COOKIE_SECRET"):
        assert ":?" in app["environment"][shared]  # required, one value for all replicas


def test_env_example_names_every_required_variable() -> None:
    required = set(re.findall(r"\$\{(\w+):\?", COMPOSE.read_text()))
    example = (ROOT / ".env.example").read_text()
    defined = set(re.findall(r"^#? ?(\w+)=", example, re.MULTILINE))
    assert required <= defined, required - defined
    # Every app setting in the example is one the app reads (or compose/coturn use).
    compose_only = required | {"POSTGRES_DB", "POSTGRES_USER", "ACME_WEBROOT"}
    fields = {name.upper() for name in Settings.model_fields}
    webrtc = {"CLOUDFLARE_TURN_KEY_ID", "CLOUDFLARE_TURN_KEY_API_TOKEN"}
    webrtc |= {"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"}
    assert defined <= fields | compose_only | webrtc, defined - fields - compose_only - webrtc


def test_coturn_uses_rest_api_secrets_and_reaches_only_the_app_network() -> None:
    conf = TURNSERVER.read_text()
    options = dict(
        [*line.split("=", 1), ""][:2]
        for line in conf.splitlines()
        if line and not line.startswith("#")
    )
    assert "use-auth-secret" in options
    assert "static-auth-secret" not in options  # comes from .env, never committed
    assert (options["min-port"], options["max-port"]) == ("49160", "49260")
    subnet = _compose()["networks"]["default"]["ipam"]["config"][0]["subnet"]
    assert subnet == "172.29.213.0/24"
    assert "allowed-peer-ip=172.29.213.0-172.29.213.255" in conf
    for private in ("10.0.0.0-10.255.255.255", "172.16.0.0-172.31.255.255"):
        assert f"denied-peer-ip={private}" in conf
    command = " ".join(_compose()["services"]["coturn"]["command"])
    assert "--static-auth-secret=${TURN_SECRET:?" in command
    assert "--external-ip=${TURN_EXTERNAL_IP:?" in command


def test_dockerfile_promises() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11\.\d+-slim-\w+$", text, re.MULTILINE)  # pinned
    assert re.search(r"^USER 10001$", text, re.MULTILINE)  # not root
    assert "HEALTHCHECK" in text and '"python", "scripts/ready.py"' in text
    assert "RUN sh deploy/install.sh /opt/venv" in text  # the install CI runs below
    assert "COPY . ." in text  # brings core/vision/data's model files
    assert "--server.address=0.0.0.0" in text
    assert 'VOLUME ["/data"]' in text
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    ignored = [line for line in lines if line and not line.startswith("#")]
    assert "core" not in ignored and "docs" not in ignored and ".env" in ignored


@pytest.mark.skipif(
    not os.path.exists(NGINX) and not os.environ.get("CI"), reason=f"no nginx at {NGINX}"
)
def test_nginx_accepts_the_config(tmp_path: Path) -> None:
    main = render(tmp_path, ["127.0.0.1:18501", "127.0.0.1:18502"], 18080, 18443)
    result = test_config(main)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
    conf = (tmp_path / "app.conf").read_text()
    assert "hash $sye_route_key consistent;" in conf
    assert "proxy_set_header Host $host;" in conf
    assert "proxy_buffering off;" in conf
