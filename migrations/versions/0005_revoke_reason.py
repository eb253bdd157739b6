"""revoke reason: why a login token stopped working

- ``auth_tokens.revoked_reason``: ``"logout"`` or ``"password"``
  (``core.auth.RevokeReason``), written with ``revoked_at``. A browser still
  holding a token revoked by a password change made elsewhere is told why it
  was signed out instead of silently landing on the Log in page. NULL for
  tokens revoked before this migration (the reason is unknown).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("auth_tokens") as batch:
        batch.add_column(sa.Column("revoked_reason", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("auth_tokens") as batch:
        batch.drop_column("revoked_reason")
