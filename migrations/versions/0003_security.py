"""security: look-alike names, moderators, moderation, login attempts per account

- ``users.username_skeleton`` (unique): the confusables skeleton of the name
  (:func:`core.confusables.skeleton`), so a name that only looks like an
  existing one is refused by the database too. Existing users get theirs here;
  where two existing names already share a skeleton the later one keeps NULL
  (its owner keeps the name; only new look-alikes are refused).
- ``users.is_moderator``: set with ``python -m scripts.moderator grant NAME``.
- ``posts.moderated_at``: when a moderator last restored the post; reports
  from before it no longer count towards hiding it.
- ``login_attempts.user_id`` (``ON DELETE CASCADE``): attempts on an existing
  account are counted per account (``account_key`` ``user:<id>``) whatever
  name or email was typed, and go with the account when it is deleted. Rows
  recorded before under the account's current username or email are moved
  to the account.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 11:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types
from core.confusables import skeleton

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("username_skeleton", sa.String(length=512), nullable=True))
        batch.add_column(
            sa.Column("is_moderator", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    conn = op.get_bind()
    users = sa.table(
        "users",
        sa.column("id", sa.Integer),
        sa.column("username", sa.String),
        sa.column("username_key", sa.String),
        sa.column("email_key", sa.String),
        sa.column("username_skeleton", sa.String),
    )
    seen: set[str] = set()
    for user_id, username in conn.execute(
        sa.select(users.c.id, users.c.username).order_by(users.c.id)
    ).all():
        value = skeleton(username)
        if value in seen:
            continue
        seen.add(value)
        conn.execute(users.update().where(users.c.id == user_id).values(username_skeleton=value))
    with op.batch_alter_table("users") as batch:
        batch.create_unique_constraint("uq_users_username_skeleton", ["username_skeleton"])

    with op.batch_alter_table("posts") as batch:
        batch.add_column(
            sa.Column("moderated_at", db.types.UTCDateTime(timezone=True), nullable=True)
        )

    with op.batch_alter_table("login_attempts") as batch:
        batch.add_column(sa.Column("user_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_login_attempts_user_id_users", "users", ["user_id"], ["id"], ondelete="CASCADE"
        )
        batch.create_index("ix_login_attempts_user_id", ["user_id"], unique=False)
    attempts = sa.table(
        "login_attempts",
        sa.column("account_key", sa.String),
        sa.column("user_id", sa.Integer),
    )
    owner = (
        sa.select(users.c.id)
        .where(
            sa.or_(
                users.c.username_key == attempts.c.account_key,
                users.c.email_key == attempts.c.account_key,
            )
        )
        .scalar_subquery()
    )
    conn.execute(attempts.update().values(user_id=owner))
    conn.execute(
        attempts.update()
        .where(attempts.c.user_id.is_not(None))
        .values(account_key=sa.literal("user:") + sa.cast(attempts.c.user_id, sa.String))
    )


def downgrade() -> None:
    with op.batch_alter_table("login_attempts") as batch:
        batch.drop_index("ix_login_attempts_user_id")
        batch.drop_constraint("fk_login_attempts_user_id_users", type_="foreignkey")
        batch.drop_column("user_id")
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("moderated_at")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("uq_users_username_skeleton", type_="unique")
        batch.drop_column("is_moderator")
        batch.drop_column("username_skeleton")
