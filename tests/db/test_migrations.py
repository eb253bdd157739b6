"""Start-up migrations are idempotent and safe when two app processes start at once."""

from __future__ import annotations

import subprocess
import sys
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from db.migrate import head_revision
from db.models import Base
from tests.conftest import BACKENDS, PG_ADMIN_URL

ROOT = Path(__file__).resolve().parents[2]
UPGRADE = (
    "import sys; from db.engine import get_engine; from db.migrate import upgrade; "
    "upgrade(get_engine(sys.argv[1]))"
)


@pytest.fixture(params=BACKENDS)
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.db'}"
        return
    request.getfixturevalue("pg_database_url")  # skips/fails like the other PG tests
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"sye_mig_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield admin.url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_two_processes_migrate_a_fresh_database_at_once(fresh_url: str) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", UPGRADE, fresh_url], cwd=ROOT, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    engine = create_engine(fresh_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    # And a third start finds nothing to do.
    rerun = subprocess.run(
        [sys.executable, "-c", UPGRADE, fresh_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert rerun.returncode == 0, rerun.stderr


def test_models_and_migrations_agree(db_url: str) -> None:
    """Autogenerate finds nothing to add: the migrations describe the models."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from db.engine import get_engine

    with warnings.catch_warnings(), get_engine(db_url).connect() as conn:
        # SQLite cannot reflect the PostgreSQL-only expression index; nothing to compare.
        warnings.filterwarnings("ignore", "autogenerate skipping", UserWarning)
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
