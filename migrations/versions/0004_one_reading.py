"""one reading: captures stored as shown, picked moods, crisis verdict on messages

- ``emotion_readings.confidence`` may be NULL: a mood the user picked in Chat
  (``source = "picked"``) is saved as a reading with no camera confidence.
- ``emotion_readings.faces``: how many faces the capture saw (the card said so).
- ``chat_messages.crisis_lang``: set on an assistant message that answered a
  crisis turn, to the language of the crisis resources shown with it. The page
  used to re-assess the whole history on every rerun; now the verdict made when
  the reply was written is stored with it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 19:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("emotion_readings") as batch:
        batch.alter_column("confidence", existing_type=sa.Float(), nullable=True)
        batch.add_column(sa.Column("faces", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("chat_messages") as batch:
        batch.add_column(sa.Column("crisis_lang", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("chat_messages") as batch:
        batch.drop_column("crisis_lang")
    op.execute("UPDATE emotion_readings SET confidence = 0 WHERE confidence IS NULL")
    with op.batch_alter_table("emotion_readings") as batch:
        batch.drop_column("faces")
        batch.alter_column("confidence", existing_type=sa.Float(), nullable=False)
