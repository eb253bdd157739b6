"""Grant, revoke or list the moderator role (the Moderation page's users).

    .venv/bin/python scripts/moderator.py grant USERNAME
    .venv/bin/python scripts/moderator.py revoke USERNAME
    .venv/bin/python scripts/moderator.py list

Uses the app's settings (``DATABASE_URL``/``DATA_DIR``) and brings the schema up
to date first. The role lives on the account, not in a setting of usernames, so
renaming an account neither loses the role nor hands it to whoever takes the
old name. In the container: ``docker compose exec app python scripts/moderator.py ...``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.settings import get_settings  # noqa: E402
from db.engine import get_engine, get_sessionmaker  # noqa: E402
from db.migrate import upgrade  # noqa: E402
from db.moderation import moderators, set_moderator  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["grant", "revoke", "list"])
    parser.add_argument("username", nargs="?")
    args = parser.parse_args(argv)
    if args.action != "list" and not args.username:
        parser.error("grant and revoke need a USERNAME")
    url = get_settings().resolved_database_url
    upgrade(get_engine(url))
    with get_sessionmaker(url).begin() as session:
        if args.action == "list":
            names = moderators(session)
            print("\n".join(names) if names else "(no moderators)")
            return 0
        if not set_moderator(session, args.username, args.action == "grant"):
            print(f"no user named {args.username!r}", file=sys.stderr)
            return 1
    print(f"{'granted' if args.action == 'grant' else 'revoked'}: {args.username}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
