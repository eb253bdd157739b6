"""Run Debian's nginx with the project's deploy/nginx/app.conf, unchanged but for
where it listens, its upstream servers, certificate and log paths.

Those are exactly the lines a test cannot keep (ports 80/443, compose's `app`
host name, root-owned paths); everything else — TLS, redirect, websocket
headers, timeouts and the cookie-hash affinity — runs as shipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import socket
import ssl
import subprocess
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.support.app_server import ROOT, free_port

NGINX = os.environ.get("NGINX_PATH", shutil.which("nginx") or "/usr/sbin/nginx")
APP_CONF = ROOT / "deploy" / "nginx" / "app.conf"


@dataclass
class Nginx:
    https_url: str
    http_url: str
    dir: Path

    def access_log(self) -> list[dict]:
        path = self.dir / "access.log"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    def error_log(self) -> str:
        path = self.dir / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1 and localhost."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "fullchain.pem", directory / "privkey.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"deploy/nginx/app.conf changed: {old!r} not found once"
    return text.replace(old, new)


def render(directory: Path, upstreams: Sequence[str], http_port: int, https_port: int) -> Path:
    """Write nginx.conf (a test-only main file) and the adapted app.conf into ``directory``."""
    cert, key = self_signed_certificate(directory)
    conf = APP_CONF.read_text()
    for old, new in [
        ("listen 80 default_server;", f"listen 127.0.0.1:{http_port} default_server;"),
        ("listen 443 ssl default_server;", f"listen 127.0.0.1:{https_port} ssl default_server;"),
        (
            "    server app:8501 max_fails=3 fail_timeout=10s;\n",
            "".join(f"    server {up} max_fails=3 fail_timeout=10s;\n" for up in upstreams),
        ),
        ("/etc/nginx/certs/fullchain.pem", str(cert)),
        ("/etc/nginx/certs/privkey.pem", str(key)),
        ("root /var/www/certbot;", f"root {directory};"),
    ]:
        conf = _replace_once(conf, old, new)
    conf = conf.replace("/var/log/nginx/access.log", str(directory / "access.log"))
    (directory / "app.conf").write_text(conf)
    temp = {name: directory / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(exist_ok=True)
    main = directory / "nginx.conf"
    # Started as root, nginx runs its workers as `nobody`, who cannot enter pytest's
    # private temporary directory to buffer a request body; keep them as root here.
    user = "user root;\n" if os.geteuid() == 0 else ""
    main.write_text(
        f"""# test-only main file: everything root-owned moved into {directory}
{user}worker_processes 1;
pid {directory / "nginx.pid"};
error_log {directory / "error.log"} info;
events {{ worker_connections 512; }}
http {{
    client_body_temp_path {temp["client_body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    include {directory / "app.conf"};
}}
"""
    )
    return main


def test_config(main_conf: Path) -> subprocess.CompletedProcess[str]:
    """``nginx -t`` on a rendered config."""
    return subprocess.run(
        [NGINX, "-t", "-p", str(main_conf.parent), "-c", str(main_conf)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


test_config.__test__ = False  # a helper, not a pytest test


@contextlib.contextmanager
def run_nginx(directory: Path, upstreams: Sequence[str]) -> Iterator[Nginx]:
    """nginx in the foreground in front of ``upstreams`` (host:port), stopped afterwards."""
    http_port, https_port = free_port(), free_port()
    main = render(directory, upstreams, http_port, https_port)
    process = subprocess.Popen(
        [NGINX, "-p", str(directory), "-c", str(main), "-g", "daemon off;"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    server = Nginx(f"https://127.0.0.1:{https_port}", f"http://127.0.0.1:{http_port}", directory)
    try:
        deadline = time.monotonic() + 15
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"nginx exited: {server.error_log()}")
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", https_port), timeout=1),
            ):
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"nginx did not listen: {server.error_log()}")
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def get(url: str, cookie: str | None = None) -> tuple[int, list[tuple[str, str]], bytes]:
    """One HTTPS request that trusts the throwaway certificate and follows no redirect."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            return None

    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), NoRedirect())
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with opener.open(request, timeout=10) as resp:
            return resp.status, resp.headers.items(), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.items(), exc.read()
