# Shared by scripts/run.sh and scripts/test.sh: bring a fresh Debian machine with
# Python 3.11 to what the app needs. Every step is skipped when already done.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

_apt_updated=0
apt_install() {
  # apt_install PKG...: install the Debian packages that are missing.
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> apt-get install ${missing[*]}"
  if [ "$_apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    _apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_venv() {
  # ensure_venv REQUIREMENTS_FILE: .venv with exactly the pinned packages.
  local req="$1"
  if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    apt_install python3-venv
  fi
  if [ ! -x "$ROOT/.venv/bin/python" ]; then
    echo "==> creating .venv with $("$PYTHON" --version)"
    "$PYTHON" -m venv "$ROOT/.venv"
  fi
  # Reinstall only when the pins changed. --no-deps: the pins are the whole tree,
  # and fer's own metadata would otherwise pull torch, tensorflow and moviepy.
  local stamp="$ROOT/.venv/.installed-$(basename "$req")"
  local digest
  digest="$(cat "$ROOT/requirements.txt" "$ROOT/$req" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    echo "==> installing $req into .venv"
    "$ROOT/.venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$ROOT/.venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps -r "$ROOT/$req"
    echo "$digest" >"$stamp"
  fi
}
