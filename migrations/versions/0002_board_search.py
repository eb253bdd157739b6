"""board search: an n-gram GIN index over post title and body (PostgreSQL)

Keyset pagination needs no new index: ``ix_posts_created_id (created_at, id)``
from 0001 serves ``ORDER BY created_at DESC, id DESC`` with a row-value bound,
and ``ix_comments_post_id_id`` serves the comment counts of a page.

Search is a case-insensitive substring match of every word against title and
body. ``pg_trgm`` was the first candidate, but it extracts no trigram from a
pattern shorter than three characters, and most Korean words are one or two
syllables (``꿈``, ``행복``, ``친구``): those searches would read every post.
So this index stores, for each whitespace-separated word of
``lower(title || ' ' || body)``, all its substrings of one, two and three
characters. A search asks for posts holding every trigram of each query word
(its only n-gram when shorter), which is exact for words of up to three
characters and a tight pre-filter for longer ones; the app then checks the real
match on the few candidates (see ``db.board._pg_search``, which also reads the
newest posts in order first, the faster plan for common words). It needs no
extension and works in any locale and script.

For autogenerate to agree, ``db.models.Post.__table_args__`` needs the same
index, spelled as PostgreSQL stores it::

    Index(
        "ix_posts_search_grams",
        text("board_grams((title::text || ' '::text) || body)"),
        postgresql_using="gin",
    ).ddl_if(dialect="postgresql")

SQLite has no such index type; there a search filters while reading the
newest-first index, which is fine at the sizes SQLite deployments see.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Separators are ASCII whitespace only: the app splits a query on all Unicode
# whitespace (a superset), so a query word's n-grams never span a separator here.
# Duplicates are left in: GIN de-duplicates keys itself, faster than DISTINCT.
# COST is high so the planner never prefers evaluating it row by row.
GRAMS_FUNCTION = r"""
CREATE OR REPLACE FUNCTION board_grams(doc text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $fn$
    SELECT coalesce(array_agg(substr(word, i, n)), '{}'::text[])
    FROM regexp_split_to_table(lower(doc), '[ \t\n\r\f\v]+') AS word,
         generate_series(1, char_length(word)) AS i,
         (VALUES (1), (2), (3)) AS v(n)
    WHERE i + n <= char_length(word) + 1
$fn$
"""
# What a search asks the index for: each word's trigrams (its only n-gram when
# shorter than three characters). A post containing the word has all of them.
QUERY_GRAMS_FUNCTION = r"""
CREATE OR REPLACE FUNCTION board_query_grams(query text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
    SELECT coalesce(array_agg(DISTINCT substr(word, i, least(char_length(word), 3))),
                    '{}'::text[])
    FROM regexp_split_to_table(lower(query), '[ \t\n\r\f\v]+') AS word,
         generate_series(1, char_length(word) - least(char_length(word), 3) + 1) AS i
    WHERE word <> ''
$fn$
"""
SEARCH_INDEX = (
    "CREATE INDEX ix_posts_search_grams ON posts USING gin (board_grams(title || ' ' || body))"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(GRAMS_FUNCTION)
    op.execute(QUERY_GRAMS_FUNCTION)
    op.execute(SEARCH_INDEX)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_posts_search_grams")
    op.execute("DROP FUNCTION IF EXISTS board_query_grams(text)")
    op.execute("DROP FUNCTION IF EXISTS board_grams(text)")
