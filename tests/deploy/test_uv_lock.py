"""uv.lock (what Streamlit Community Cloud installs) is exactly requirements.txt on Linux.

Community Cloud installs dependencies with their dependencies, so fer's declared
TensorFlow/torch/moviepy would come along unless uv.lock leaves them out. This
walks the lock from the project the way an installer does on Linux with Python
3.11 (following markers and extras) and compares the result with the pip pins.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from packaging.markers import Marker

from tests.support.app_server import ROOT

PROJECT = "show-your-emotion"
LINUX_311 = {
    "sys_platform": "linux",
    "platform_system": "Linux",
    "os_name": "posix",
    "platform_machine": "x86_64",
    "python_version": "3.11",
    "python_full_version": "3.11.14",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def installed_on_linux() -> dict[str, str]:
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    packages = {_norm(p["name"]): p for p in lock["package"]}
    seen: dict[str, str] = {}
    todo: list[tuple[str, tuple[str, ...]]] = [(PROJECT, ())]
    while todo:
        name, extras = todo.pop()
        package = packages[name]
        edges = list(package.get("dependencies", []))
        for extra in extras:
            edges += package.get("optional-dependencies", {}).get(extra, [])
        for edge in edges:
            marker = edge.get("marker")
            if marker and not Marker(marker).evaluate(LINUX_311):
                continue
            dep = _norm(edge["name"])
            dep_extras = tuple(edge.get("extra", ()))
            if dep in seen and not dep_extras:
                continue
            seen[dep] = packages[dep]["version"]
            todo.append((dep, dep_extras))
    return seen


def pip_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.strip().split("==")
            pins[_norm(name)] = version
    return pins


def test_pyproject_is_generated_from_the_pip_pins() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/lock.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_community_cloud_installs_exactly_the_pinned_tree() -> None:
    installed = installed_on_linux()
    for heavy in ("tensorflow", "torch", "facenet-pytorch", "moviepy", "keras", "matplotlib"):
        assert heavy not in installed
    assert "opencv-contrib-python" not in installed
    pins = pip_pins()
    stale = {name: v for name, v in installed.items() if pins.get(name) != v}
    assert not stale, f"uv.lock is stale, run python scripts/lock.py: {stale}"
    # requirements.txt also pins Pygments, which only optional extras use
    # (httpx2's CLI, Mako's highlighting plugin); nothing on Linux requires it.
    assert set(pins) - set(installed) == {"pygments"}


def test_the_lock_is_for_the_python_the_pins_were_made_for() -> None:
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    assert lock["requires-python"] == "==3.11.*"
