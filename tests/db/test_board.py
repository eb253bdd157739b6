"""Board data on both databases: CRUD, keyset pages, search, mood, ownership, reports."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from core.board import (
    BODY_MAX,
    COMMENT_MAX,
    TITLE_MAX,
    InvalidInput,
    NotAllowed,
    NotFound,
    check_post,
    clean_text,
    escape_like,
    parse_post_id,
    search_words,
)
from db import board
from db.models import Comment, Post, PostReport
from db.types import utcnow
from tests.factories import make_user


def _post(session: Session, user_id: int, title: str = "A day", body: str = "It was fine.", **kw):
    return board.create_post(session, user_id=user_id, title=title, body=body, **kw)


def _all_pages(session: Session, **filters) -> list[list[int]]:
    pages, cursor = [], None
    while True:
        page = board.list_posts(session, cursor=cursor, **filters)
        pages.append([item.id for item in page.items])
        if page.next_cursor is None:
            return pages
        cursor = page.next_cursor


# --- rules (no database) ------------------------------------------------------------


def test_titles_and_bodies_are_trimmed_and_bounded() -> None:
    ok = check_post("  Hello \n  world ", "\r\n  body\r\n", "happy")
    assert ok.value is not None and not ok.errors
    assert (ok.value.title, ok.value.body) == ("Hello world", "body")
    assert check_post("   ", "x", None).errors == {"title": ["board.err.title_required"]}
    assert check_post("t" * (TITLE_MAX + 1), "x", None).errors["title"] == ["board.err.title_long"]
    assert check_post("t" * TITLE_MAX, "b" * BODY_MAX, None).errors == {}
    assert check_post("t", "b" * (BODY_MAX + 1), None).errors["body"] == ["board.err.body_long"]
    assert check_post("t", " \n ", None).errors["body"] == ["board.err.body_required"]
    assert check_post("t", "b", "furious").errors["mood"] == ["board.err.mood_invalid"]


def test_control_characters_and_nul_are_removed() -> None:
    assert clean_text("a\x00b\x07c\u200bd\ufeff") == "abcd"
    assert clean_text("line1\r\nline2\tx") == "line1\nline2\tx"


@given(st.text(max_size=300))
@settings(max_examples=200)
def test_clean_text_is_idempotent_and_never_keeps_nul(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\x00" not in once and once == once.strip()


def test_post_ids_from_the_url_are_validated() -> None:
    assert parse_post_id("12") == 12
    for bad in (None, "", "0", "-1", "1e3", "12abc", " 12", "٣", "99999999999", "2147483648"):
        assert parse_post_id(bad) is None, bad


def test_search_words_are_distinct_and_bounded() -> None:
    assert search_words("  오늘   Coffee coffee 오늘 ") == ("오늘", "Coffee")
    assert len(search_words("a b c d e f g h")) == 5
    assert search_words(None) == () and search_words("   ") == ()
    assert escape_like("50%_a\\b") == "%50\\%\\_a\\\\b%"


# --- CRUD ---------------------------------------------------------------------------


def test_create_read_update_delete_a_post_with_comments(session: Session) -> None:
    author, reader = make_user(session), make_user(session)
    post_id = _post(session, author.id, "  첫 글 ", "오늘은 좋은 날\n", mood="happy")
    comment_id = board.add_comment(session, post_id=post_id, user_id=reader.id, body=" 좋아요 ")
    detail = board.get_post(session, post_id, viewer_id=reader.id)
    assert detail is not None
    assert (detail.title, detail.body, detail.mood, detail.author) == (
        "첫 글",
        "오늘은 좋은 날",
        "happy",
        author.username,
    )
    assert [(c.id, c.body, c.author) for c in detail.comments] == [
        (comment_id, "좋아요", reader.username)
    ]

    board.update_post(
        session, post_id=post_id, user_id=author.id, title="고친 글", body="새 내용", mood=None
    )
    board.update_comment(session, comment_id=comment_id, user_id=reader.id, body="정말 좋아요")
    detail = board.get_post(session, post_id, viewer_id=author.id)
    assert detail is not None
    assert (detail.title, detail.body, detail.mood) == ("고친 글", "새 내용", None)
    assert detail.comments[0].body == "정말 좋아요"

    board.delete_comment(session, comment_id=comment_id, user_id=reader.id)
    assert board.get_post(session, post_id, viewer_id=author.id).comments == []
    board.add_comment(session, post_id=post_id, user_id=reader.id, body="다시")
    board.delete_post(session, post_id=post_id, user_id=author.id)
    assert board.get_post(session, post_id, viewer_id=author.id) is None
    assert session.scalar(select(func.count()).select_from(Comment)) == 0  # cascaded


def test_invalid_input_is_refused_with_field_keys(session: Session) -> None:
    user = make_user(session)
    with pytest.raises(InvalidInput) as caught:
        _post(session, user.id, title="", body="x" * (BODY_MAX + 1))
    assert caught.value.errors == {
        "title": ["board.err.title_required"],
        "body": ["board.err.body_long"],
    }
    post_id = _post(session, user.id)
    with pytest.raises(InvalidInput) as caught:
        board.add_comment(session, post_id=post_id, user_id=user.id, body="c" * (COMMENT_MAX + 1))
    assert caught.value.errors == {"body": ["board.err.comment_long"]}
    with pytest.raises(InvalidInput):
        board.add_comment(session, post_id=post_id, user_id=user.id, body=" \n ")
    assert board.add_comment(session, post_id=post_id, user_id=user.id, body="c" * COMMENT_MAX)


def test_nul_characters_are_stored_safely(session: Session) -> None:
    user = make_user(session)
    post_id = _post(session, user.id, title="a\x00b", body="c\x00d")
    detail = board.get_post(session, post_id, viewer_id=user.id)
    assert (detail.title, detail.body) == ("ab", "cd")


def test_missing_things_are_not_found(session: Session) -> None:
    user = make_user(session)
    assert board.get_post(session, 999_999, viewer_id=user.id) is None
    with pytest.raises(NotFound):
        board.add_comment(session, post_id=999_999, user_id=user.id, body="x")
    with pytest.raises(NotFound):
        board.update_post(session, post_id=999_999, user_id=user.id, title="t", body="b", mood=None)
    with pytest.raises(NotFound):
        board.delete_comment(session, comment_id=999_999, user_id=user.id)


# --- ownership ----------------------------------------------------------------------


def test_a_forged_id_cannot_touch_anothers_post_or_comment(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        owner, intruder = make_user(s), make_user(s)
        owner_id, intruder_id = owner.id, intruder.id
        post_id = _post(s, owner_id, "mine", "my words")
        comment_id = board.add_comment(s, post_id=post_id, user_id=owner_id, body="my comment")

    attempts = [
        lambda s: board.update_post(
            s, post_id=post_id, user_id=intruder_id, title="pwned", body="pwned", mood=None
        ),
        lambda s: board.delete_post(s, post_id=post_id, user_id=intruder_id),
        lambda s: board.update_comment(s, comment_id=comment_id, user_id=intruder_id, body="x"),
        lambda s: board.delete_comment(s, comment_id=comment_id, user_id=intruder_id),
    ]
    for attempt in attempts:
        with pytest.raises(NotAllowed), session_factory.begin() as s:
            attempt(s)

    with session_factory() as s:
        detail = board.get_post(s, post_id, viewer_id=owner_id)
        assert detail is not None
        assert (detail.title, detail.body) == ("mine", "my words")
        assert [c.body for c in detail.comments] == ["my comment"]


def test_one_cannot_report_ones_own_post(session: Session) -> None:
    user = make_user(session)
    post_id = _post(session, user.id)
    with pytest.raises(NotAllowed):
        board.report_post(session, post_id=post_id, user_id=user.id, threshold=3)


# --- reports ------------------------------------------------------------------------


def test_reports_hide_a_post_at_the_threshold_once_per_user(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        author = make_user(s)
        readers = [make_user(s) for _ in range(3)]
        author_id, reader_ids = author.id, [r.id for r in readers]
        post_id = _post(s, author_id, "reported", "text")

    def report(user_id: int) -> board.ReportOutcome:
        with session_factory.begin() as s:
            return board.report_post(s, post_id=post_id, user_id=user_id, threshold=3)

    assert report(reader_ids[0]) is board.ReportOutcome.REPORTED
    assert report(reader_ids[0]) is board.ReportOutcome.ALREADY  # one per user
    assert report(reader_ids[1]) is board.ReportOutcome.REPORTED
    with session_factory() as s:
        assert [p.id for p in board.list_posts(s).items] == [post_id]
        assert s.scalar(select(func.count()).select_from(PostReport)) == 2
        assert board.has_reported(s, post_id=post_id, user_id=reader_ids[0])
    assert report(reader_ids[2]) is board.ReportOutcome.HIDDEN

    with session_factory() as s:
        assert board.list_posts(s).items == []
        assert board.get_post(s, post_id, viewer_id=reader_ids[0]) is None
        mine = board.get_post(s, post_id, viewer_id=author_id)
        assert mine is not None and mine.hidden  # the author still sees it, marked
        own = board.list_posts(s, author_id=author_id, include_hidden=True).items
        assert [p.id for p in own] == [post_id] and own[0].hidden
        # include_hidden needs author_id: nobody lists everyone's hidden posts
        assert board.list_posts(s, include_hidden=True).items == []
    with pytest.raises(NotFound), session_factory.begin() as s:
        board.add_comment(s, post_id=post_id, user_id=reader_ids[0], body="hi")


def test_threshold_is_a_setting(session: Session) -> None:
    author, reader = make_user(session), make_user(session)
    post_id = _post(session, author.id)
    assert (
        board.report_post(session, post_id=post_id, user_id=reader.id, threshold=1)
        is board.ReportOutcome.HIDDEN
    )


# --- listing ------------------------------------------------------------------------


def test_empty_board(session: Session) -> None:
    page = board.list_posts(session)
    assert page.items == [] and page.next_cursor is None


@pytest.mark.parametrize(
    ("count", "sizes"), [(1, [1]), (20, [20]), (21, [20, 1]), (45, [20, 20, 5])]
)
def test_keyset_pages_of_twenty(session: Session, count: int, sizes: list[int]) -> None:
    user = make_user(session)
    start = utcnow() - timedelta(days=1)
    ids = []
    for i in range(count):
        post_id = _post(session, user.id, f"post {i}")
        session.execute(
            update(Post).where(Post.id == post_id).values(created_at=start + timedelta(minutes=i))
        )
        ids.append(post_id)
    pages = _all_pages(session)
    assert [len(p) for p in pages] == sizes
    assert [i for p in pages for i in p] == list(reversed(ids))  # newest first, no gaps


def test_ties_in_created_at_are_neither_skipped_nor_repeated(session: Session) -> None:
    user = make_user(session)
    same = utcnow() - timedelta(hours=1)
    ids = [_post(session, user.id, f"tie {i}") for i in range(43)]
    session.execute(update(Post).values(created_at=same))
    pages = _all_pages(session)
    assert [len(p) for p in pages] == [20, 20, 3]
    assert [i for p in pages for i in p] == sorted(ids, reverse=True)


def test_pages_show_author_mood_and_comment_counts(session: Session) -> None:
    author, other = make_user(session), make_user(session)
    quiet = _post(session, author.id, "quiet", mood="neutral")
    busy = _post(session, author.id, "busy")
    for _ in range(3):
        board.add_comment(session, post_id=busy, user_id=other.id, body="hi")
    items = {item.id: item for item in board.list_posts(session).items}
    assert (items[quiet].comment_count, items[busy].comment_count) == (0, 3)
    assert items[quiet].author == author.username and items[quiet].mood == "neutral"
    assert board.comment_counts(session, []) == {}


def test_mood_filter(session: Session) -> None:
    user = make_user(session)
    happy = [_post(session, user.id, f"h{i}", mood="happy") for i in range(3)]
    _post(session, user.id, "sad", mood="sad")
    _post(session, user.id, "none")
    assert [p.id for p in board.list_posts(session, mood="happy").items] == happy[::-1]
    assert board.list_posts(session, mood="fear").items == []
    assert board.list_posts(session, mood="<script>").items == []  # not an emotion


def test_my_posts_only(session: Session) -> None:
    me, other = make_user(session), make_user(session)
    mine = _post(session, me.id, "mine")
    _post(session, other.id, "theirs")
    assert [p.id for p in board.list_posts(session, author_id=me.id).items] == [mine]


# --- search -------------------------------------------------------------------------


@pytest.fixture
def corpus(session: Session) -> dict[str, int]:
    user = make_user(session)
    posts = {
        "korean": ("오늘 하루", "친구랑 커피를 마셨다. 행복했다."),
        "dream": ("꿈 이야기", "이상한 꿈을 꿨어요"),
        "english": ("Rainy Monday", "Coffee and JAZZ all evening"),
        "both": ("비 오는 날", "rainy day, coffee 한 잔"),
        "wild": ("100% sure", "under_score and back\\slash"),
        "plain": ("Nothing", "to see here"),
    }
    return {key: _post(session, user.id, t, b) for key, (t, b) in posts.items()}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("커피", {"korean"}),  # two syllables, inside a word with a particle
        ("꿈", {"dream"}),  # one syllable
        ("행복", {"korean"}),
        ("coffee", {"english", "both"}),  # case-insensitive
        ("COFFEE rainy", {"english", "both"}),  # every word must occur
        ("rainy 커피", set()),
        ("jazz", {"english"}),
        ("Rainy Monday", {"english"}),  # title words
        ("100%", {"wild"}),  # LIKE wildcards are literal
        ("%", {"wild"}),
        ("_", {"wild"}),
        ("back\\slash", {"wild"}),
        ("no-such-word", set()),
        ("   ", {"korean", "dream", "english", "both", "wild", "plain"}),
    ],
)
def test_search_in_title_and_body(
    session: Session, corpus: dict[str, int], query: str, expected: set[str]
) -> None:
    found = {item.id for item in board.list_posts(session, query=query).items}
    assert found == {corpus[key] for key in expected}


def test_search_combines_with_mood_and_skips_hidden(session: Session) -> None:
    author, reader = make_user(session), make_user(session)
    keep = _post(session, author.id, "커피 한 잔", "좋다", mood="happy")
    _post(session, author.id, "커피 두 잔", "좋다", mood="sad")
    hidden = _post(session, author.id, "커피 세 잔", "좋다", mood="happy")
    board.report_post(session, post_id=hidden, user_id=reader.id, threshold=1)
    assert [p.id for p in board.list_posts(session, query="커피", mood="happy").items] == [keep]


def test_search_pages_with_keyset(session: Session) -> None:
    user = make_user(session)
    ids = [_post(session, user.id, f"sunny {i}", "walk") for i in range(25)]
    for i in range(10):
        _post(session, user.id, f"other {i}", "stay in")
    pages = _all_pages(session, query="sunny")
    assert [len(p) for p in pages] == [20, 5]
    assert [i for p in pages for i in p] == ids[::-1]


def test_search_beyond_the_scan_window(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both phases of the PostgreSQL search (and the plain one on SQLite) agree."""
    monkeypatch.setattr(board, "SCAN_WINDOW", 5)
    monkeypatch.setattr(board, "CHECK_BATCH", 2)
    user = make_user(session)
    rare = [_post(session, user.id, f"반딧불이 {i}", "밤") for i in range(3)]
    fillers = [_post(session, user.id, f"filler {i}", "반딧불 없음") for i in range(12)]
    late = _post(session, user.id, "반딧불이 마지막", "밤")
    assert fillers
    assert [p.id for p in board.list_posts(session, query="반딧불이").items] == [
        late,
        *rare[::-1],
    ]
    pages = _all_pages(session, query="반딧불이", limit=2)
    assert [i for p in pages for i in p] == [late, *rare[::-1]]
    assert board.list_posts(session, query="없는낱말").items == []
    newest_fillers = [p.id for p in board.list_posts(session, query="FILLER", limit=3).items]
    assert newest_fillers == fillers[::-1][:3]


def test_postgresql_search_reads_a_bounded_number_of_candidates(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Posts holding every n-gram of the word but not the word are read at most MAX_CANDIDATES."""
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("the candidate list is the PostgreSQL search path")
    from sqlalchemy import event

    monkeypatch.setattr(board, "SCAN_WINDOW", 2)
    monkeypatch.setattr(board, "CHECK_BATCH", 2)
    monkeypatch.setattr(board, "MAX_CANDIDATES", 4)
    user = make_user(session)
    _post(session, user.id, "반딧불이 오래된 글", "밤")  # the only real match, oldest
    decoys = [_post(session, user.id, f"반딧불 딧불이 {i}", "no word") for i in range(10)]
    assert decoys
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append(statement)

    bind = session.get_bind()
    event.listen(bind, "before_cursor_execute", record)
    try:
        found = board.list_posts(session, query="반딧불이").items
    finally:
        event.remove(bind, "before_cursor_execute", record)
    assert found == []  # beyond the cap: the page ends rather than reading everything
    candidate_queries = [s for s in statements if "board_query_grams" in s]
    assert len(candidate_queries) == 1 and "LIMIT" in candidate_queries[0]
    checks = [s for s in statements if "posts.id IN" in s and "LIKE" in s]
    assert 1 <= len(checks) <= 4 // 2  # MAX_CANDIDATES / CHECK_BATCH batches at most


def test_search_index_exists_on_postgresql(session: Session) -> None:
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("the n-gram index is PostgreSQL-only")
    from sqlalchemy import text

    grams = session.scalar(text("SELECT board_query_grams('Coffee 꿈 행복한')"))
    assert sorted(grams) == sorted(["cof", "off", "ffe", "fee", "꿈", "행복한"])
    plan = "\n".join(
        session.scalars(
            text(
                "EXPLAIN SELECT id FROM posts WHERE board_grams(title || ' ' || body) "
                "@> board_query_grams('반딧불이')"
            )
        )
    )
    assert "ix_posts_search_grams" in plan


def test_search_folds_case_beyond_ascii_on_postgresql(session: Session) -> None:
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("SQLite's lower() folds ASCII only")
    user = make_user(session)
    post_id = _post(session, user.id, "Un ÉTÉ à Paris", "Straße und ΣΟΦΙΑ")
    for query in ("été", "STRAßE", "σοφια", "PARIS"):
        assert [p.id for p in board.list_posts(session, query=query).items] == [post_id], query
