"""Board data: posts, comments and reports. Every function takes the session.

Ids coming from session state or the URL are never trusted: each change takes
the acting user's id and refuses (:class:`core.board.NotAllowed`) unless that
user owns the row, and a hidden post is found only by its author. Functions
return plain dataclasses, so pages never hold ORM rows after the transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    delete,
    false,
    func,
    literal_column,
    select,
    tuple_,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.board import (
    PAGE_SIZE,
    Cursor,
    InvalidInput,
    NotAllowed,
    NotFound,
    PostInput,
    check_comment,
    check_post,
    escape_like,
    search_words,
)
from core.emotions import is_emotion
from core.ratelimit import Limit
from db.limits import check_account
from db.models import Comment, Post, PostReport, User
from db.moderation import is_moderator
from db.types import utcnow


@dataclass(frozen=True)
class PostSummary:
    id: int
    user_id: int
    author: str
    title: str
    mood: str | None
    hidden: bool
    created_at: datetime
    updated_at: datetime
    comment_count: int


@dataclass(frozen=True)
class PostPage:
    items: list[PostSummary]
    next_cursor: Cursor | None


@dataclass(frozen=True)
class CommentView:
    id: int
    post_id: int
    user_id: int
    author: str
    body: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class PostDetail:
    id: int
    user_id: int
    author: str
    title: str
    body: str
    mood: str | None
    hidden: bool
    created_at: datetime
    updated_at: datetime
    comments: list[CommentView]


class ReportOutcome(StrEnum):
    REPORTED = "reported"
    ALREADY = "already"
    HIDDEN = "hidden"


# PostgreSQL search tuning (see _pg_search): how many of the newest posts are
# checked in order before the n-gram index is asked, and how many of the
# index's candidates are checked per query.
SCAN_WINDOW = 1000
CHECK_BATCH = 100
# At most this many index candidates are read per search page: a word common in
# old posts but rare in new ones (or a crafted query whose n-grams are everywhere
# but whose word is nowhere) would otherwise hand back every row of the table
# to sort and check. Past the cap the page ends with what was found.
MAX_CANDIDATES = 3000


def _doc(title: ColumnElement[str], body: ColumnElement[str]) -> ColumnElement[str]:
    # Spelled exactly like the index expression in migration 0002 (a literal
    # separator, not a bound parameter) so PostgreSQL matches the two.
    return title.concat(literal_column("' '")).concat(body)


def _has_case(word: str) -> bool:
    return word.lower() != word.upper()


def _matches(
    doc: ColumnElement[str], words: Sequence[str], *, postgresql: bool
) -> ColumnElement[bool]:
    """Every word occurs in doc, ignoring case.

    On PostgreSQL this is the hot loop of a search, so each word gets the
    cheapest exact test: LIKE for a word without letter case (Hangul, digits),
    ILIKE under the "C" collation for an ASCII word (ASCII case folding only,
    which is all such a word needs; about twice as fast), plain ILIKE otherwise.
    """
    tests = []
    for word in words:
        pattern = escape_like(word)
        if not postgresql:
            tests.append(doc.ilike(pattern, escape="\\"))
        elif not _has_case(word):
            tests.append(doc.like(pattern, escape="\\"))
        elif word.isascii():
            tests.append(doc.collate("C").ilike(pattern, escape="\\"))
        else:
            tests.append(doc.ilike(pattern, escape="\\"))
    return and_(*tests)


def _newest_first() -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    return Post.created_at.desc(), Post.id.desc()


def _before(cursor: Cursor | None) -> list[ColumnElement[bool]]:
    if cursor is None:
        return []
    return [tuple_(Post.created_at, Post.id) < tuple_(cursor.created_at, cursor.id)]


def _pg_search(
    session: Session,
    base: list[ColumnElement[bool]],
    words: Sequence[str],
    cursor: Cursor | None,
    want: int,
) -> list[int]:
    """Ids of the newest ``want`` matching posts after ``cursor``, in order.

    No single plan is fast for every word: reading the newest posts in order
    finds a common word ("오늘") at once but would read the whole table for a
    rare one; the n-gram index finds a rare word at once but hands back tens of
    thousands of rows to sort for a common one (and asking it how many costs as
    much). PostgreSQL's estimates for both conditions are too rough to choose,
    so the choice is made here:

    1. check the SCAN_WINDOW newest posts in order, stopping at ``want`` hits;
       a word in more than ~2 % of posts ends here;
    2. otherwise the word is rarer, so the index's candidates older than that
       window are few: take them newest first and check them in batches.
    """
    scope = [*base, *_before(cursor)]
    window = (
        select(Post.id, Post.created_at, Post.title, Post.body)
        .where(*scope)
        .order_by(*_newest_first())
        .limit(SCAN_WINDOW)
        .subquery()
    )
    found = list(
        session.scalars(
            select(window.c.id)
            .where(_matches(_doc(window.c.title, window.c.body), words, postgresql=True))
            .order_by(window.c.created_at.desc(), window.c.id.desc())
            .limit(want)
        )
    )
    if len(found) >= want:
        return found
    edge = session.execute(
        select(Post.created_at, Post.id)
        .where(*scope)
        .order_by(*_newest_first())
        .offset(SCAN_WINDOW - 1)
        .limit(1)
    ).first()
    if edge is None:  # the window held every post there is
        return found
    grams = func.board_grams(_doc(Post.title, Post.body)).op("@>")(
        func.board_query_grams(" ".join(words))
    )
    older = [*base, *_before(Cursor(edge.created_at, edge.id)), grams]
    return _check_candidates(session, older, words, want, found)


def _check_candidates(
    session: Session,
    conditions: list[ColumnElement[bool]],
    words: Sequence[str],
    want: int,
    found: list[int],
) -> list[int]:
    """Append to ``found`` the candidates that really match, newest first, up to ``want``."""
    candidates = list(
        session.scalars(
            select(Post.id).where(*conditions).order_by(*_newest_first()).limit(MAX_CANDIDATES)
        )
    )
    doc = _doc(Post.title, Post.body)
    for start in range(0, len(candidates), CHECK_BATCH):
        if len(found) >= want:
            break
        batch = candidates[start : start + CHECK_BATCH]
        hits = set(
            session.scalars(
                select(Post.id).where(Post.id.in_(batch), _matches(doc, words, postgresql=True))
            )
        )
        found += [post_id for post_id in batch if post_id in hits]
    return found[:want]


def _summary_query() -> Select[Any]:
    return select(
        Post.id,
        Post.user_id,
        User.username,
        Post.title,
        Post.mood,
        Post.hidden,
        Post.created_at,
        Post.updated_at,
    ).join(User, User.id == Post.user_id)


def list_posts(
    session: Session,
    *,
    cursor: Cursor | None = None,
    query: str | None = None,
    mood: str | None = None,
    author_id: int | None = None,
    include_hidden: bool = False,
    limit: int = PAGE_SIZE,
) -> PostPage:
    """One page of posts, newest first, after ``cursor`` (keyset pagination).

    Ties in ``created_at`` are broken by id, so no post is skipped or repeated
    across pages. ``include_hidden`` only applies together with ``author_id``:
    an author sees their own reported posts; nobody else does. A search keeps
    the posts containing every word of ``query`` in the title or the body.
    """
    base: list[ColumnElement[bool]] = []
    if not (include_hidden and author_id is not None):
        base.append(Post.hidden.is_(False))
    if author_id is not None:
        base.append(Post.user_id == author_id)
    if mood is not None:
        base.append(Post.mood == mood if is_emotion(mood) else false())
    words = search_words(query)
    postgresql = session.get_bind().dialect.name == "postgresql"
    if words and postgresql:
        ids = _pg_search(session, base, words, cursor, limit + 1)
        rows = (
            session.execute(
                _summary_query().where(Post.id.in_(ids)).order_by(*_newest_first())
            ).all()
            if ids
            else []
        )
    else:
        conditions = [*base, *_before(cursor)]
        if words:
            conditions.append(_matches(_doc(Post.title, Post.body), words, postgresql=False))
        rows = session.execute(
            _summary_query().where(*conditions).order_by(*_newest_first()).limit(limit + 1)
        ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    counts = comment_counts(session, [row.id for row in rows])
    items = [
        PostSummary(
            id=row.id,
            user_id=row.user_id,
            author=row.username,
            title=row.title,
            mood=row.mood,
            hidden=row.hidden,
            created_at=row.created_at,
            updated_at=row.updated_at,
            comment_count=counts.get(row.id, 0),
        )
        for row in rows
    ]
    next_cursor = Cursor(items[-1].created_at, items[-1].id) if more and items else None
    return PostPage(items, next_cursor)


def comment_counts(session: Session, post_ids: Iterable[int]) -> dict[int, int]:
    ids = list(post_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(Comment.post_id, func.count(Comment.id))
        .where(Comment.post_id.in_(ids))
        .group_by(Comment.post_id)
    ).all()
    return {post_id: count for post_id, count in rows}


def _visible_post(session: Session, post_id: int, viewer_id: int) -> Post:
    """The post if the viewer may see it: hidden posts only by their author and moderators."""
    post = session.get(Post, post_id)
    if post is None:
        raise NotFound(post_id)
    if post.hidden and post.user_id != viewer_id and not is_moderator(session, viewer_id):
        raise NotFound(post_id)
    return post


def _own_post(session: Session, post_id: int, user_id: int) -> Post:
    post = session.get(Post, post_id)
    if post is None:
        raise NotFound(post_id)
    if post.user_id != user_id:
        raise NotAllowed(post_id)
    return post


def _own_comment(session: Session, comment_id: int, user_id: int) -> Comment:
    comment = session.get(Comment, comment_id)
    if comment is None:
        raise NotFound(comment_id)
    if comment.user_id != user_id:
        raise NotAllowed(comment_id)
    return comment


def get_post(session: Session, post_id: int, *, viewer_id: int) -> PostDetail | None:
    """The post with its comments (oldest first), or None if missing or hidden from viewer."""
    try:
        post = _visible_post(session, post_id, viewer_id)
    except NotFound:
        return None
    author = session.scalar(select(User.username).where(User.id == post.user_id)) or ""
    rows = session.execute(
        select(Comment, User.username)
        .join(User, User.id == Comment.user_id)
        .where(Comment.post_id == post.id)
        .order_by(Comment.created_at, Comment.id)
    ).all()
    comments = [
        CommentView(
            id=comment.id,
            post_id=comment.post_id,
            user_id=comment.user_id,
            author=username,
            body=comment.body,
            created_at=comment.created_at,
            updated_at=comment.updated_at,
        )
        for comment, username in rows
    ]
    return PostDetail(
        id=post.id,
        user_id=post.user_id,
        author=author,
        title=post.title,
        body=post.body,
        mood=post.mood,
        hidden=post.hidden,
        created_at=post.created_at,
        updated_at=post.updated_at,
        comments=comments,
    )


def _checked_post(title: str, body: str, mood: str | None) -> PostInput:
    check = check_post(title, body, mood)
    if check.errors or not isinstance(check.value, PostInput):
        raise InvalidInput(check.errors)
    return check.value


def _checked_comment(body: str) -> str:
    check = check_comment(body)
    if check.errors or not isinstance(check.value, str):
        raise InvalidInput(check.errors)
    return check.value


def create_post(
    session: Session,
    *,
    user_id: int,
    title: str,
    body: str,
    mood: str | None = None,
    limit: Limit | None = None,
) -> int:
    """Store a new post (InvalidInput with per-field keys otherwise); returns its id.

    With ``limit``, RateLimited when the user already posted that many times.
    """
    data = _checked_post(title, body, mood)
    if limit is not None:
        check_account(session, "posts", user_id, limit, utcnow())
    post = Post(user_id=user_id, title=data.title, body=data.body, mood=data.mood)
    session.add(post)
    session.flush()
    return post.id


def update_post(
    session: Session, *, post_id: int, user_id: int, title: str, body: str, mood: str | None
) -> None:
    post = _own_post(session, post_id, user_id)
    data = _checked_post(title, body, mood)
    post.title, post.body, post.mood = data.title, data.body, data.mood
    session.flush()


def delete_post(session: Session, *, post_id: int, user_id: int) -> None:
    """Delete the user's own post; its comments and reports go with it (cascade)."""
    post = _own_post(session, post_id, user_id)
    session.execute(
        delete(Post).where(Post.id == post_id, Post.user_id == user_id),
        execution_options={"synchronize_session": False},
    )
    session.expunge(post)


def add_comment(
    session: Session, *, post_id: int, user_id: int, body: str, limit: Limit | None = None
) -> int:
    post = _visible_post(session, post_id, user_id)
    text = _checked_comment(body)
    if limit is not None:
        check_account(session, "comments", user_id, limit, utcnow())
    comment = Comment(post_id=post.id, user_id=user_id, body=text)
    session.add(comment)
    session.flush()
    return comment.id


def update_comment(session: Session, *, comment_id: int, user_id: int, body: str) -> None:
    comment = _own_comment(session, comment_id, user_id)
    comment.body = _checked_comment(body)
    session.flush()


def delete_comment(session: Session, *, comment_id: int, user_id: int) -> None:
    comment = _own_comment(session, comment_id, user_id)
    session.execute(
        delete(Comment).where(Comment.id == comment_id, Comment.user_id == user_id),
        execution_options={"synchronize_session": False},
    )
    session.expunge(comment)


def report_post(
    session: Session,
    *,
    post_id: int,
    user_id: int,
    threshold: int,
    min_account_age: timedelta = timedelta(0),
    limit: Limit | None = None,
    now: datetime | None = None,
) -> ReportOutcome:
    """Record one report per user per post; at ``threshold`` counting reports the post is hidden.

    Reporting your own post is refused. The unique constraint settles the race
    of a double click: the second insert finds the first and reports ALREADY.
    Accounts are free and instant, so a report counts towards hiding only when
    its author's account is older than ``min_account_age`` (a new account's
    report is kept for the moderators and counts once the account is old
    enough), and only when it is newer than the post's last restore by a
    moderator. With ``limit``, RateLimited when the user reported that often.
    """
    now = now or utcnow()
    post = _visible_post(session, post_id, user_id)
    if post.user_id == user_id:
        raise NotAllowed(post_id)
    if has_reported(session, post_id=post.id, user_id=user_id):
        return ReportOutcome.ALREADY
    if limit is not None:
        check_account(session, "reports", user_id, limit, now)
    try:
        with session.begin_nested():
            session.add(PostReport(post_id=post.id, user_id=user_id, created_at=now))
    except IntegrityError:
        return ReportOutcome.ALREADY
    count = counting_reports(session, post, min_account_age, now)
    if count >= max(threshold, 1) and not post.hidden:
        post.hidden = True
        session.flush()
        return ReportOutcome.HIDDEN
    return ReportOutcome.REPORTED


def counting_reports(
    session: Session, post: Post, min_account_age: timedelta, now: datetime
) -> int:
    """Reports that count towards hiding: by old-enough accounts, since the last restore."""
    query = (
        select(func.count())
        .select_from(PostReport)
        .join(User, User.id == PostReport.user_id)
        .where(PostReport.post_id == post.id, User.created_at <= now - min_account_age)
    )
    if post.moderated_at is not None:
        query = query.where(PostReport.created_at > post.moderated_at)
    return session.scalar(query) or 0


def has_reported(session: Session, *, post_id: int, user_id: int) -> bool:
    return (
        session.scalar(
            select(PostReport.id).where(
                PostReport.post_id == post_id, PostReport.user_id == user_id
            )
        )
        is not None
    )
