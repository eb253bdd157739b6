"""Strings of the protections against abuse: look-alike names, rate limits, moderation."""

STRINGS: dict[str, dict[str, str]] = {
    "auth.err.username_lookalike": {
        "ko": "이미 있는 아이디와 너무 비슷해 보여요. 다른 아이디를 골라 주세요.",
        "en": "That username looks too much like an existing one. Please pick another.",
    },
    # Rate limits ({minutes}: whole minutes until the next one is allowed)
    "limit.registrations": {
        "ko": "이 창에서 계정을 너무 많이 만들었어요. {minutes}분 뒤에 다시 시도해 주세요.",
        "en": "Too many accounts created from this window. Please try again in {minutes} min.",
    },
    "limit.posts": {
        "ko": "글을 너무 자주 올렸어요. {minutes}분 뒤에 다시 올려 주세요. "
        "쓴 내용은 그대로 있어요.",
        "en": "You're posting very often. Please publish again in {minutes} min; "
        "what you wrote is kept.",
    },
    "limit.comments": {
        "ko": "댓글을 너무 자주 달았어요. {minutes}분 뒤에 다시 시도해 주세요. "
        "쓴 내용은 그대로 있어요.",
        "en": "You're commenting very often. Please try again in {minutes} min; "
        "what you wrote is kept.",
    },
    "limit.chat": {
        "ko": "메시지를 너무 빨리 보내고 있어요. {minutes}분 뒤에 다시 보내 주세요. "
        "메시지는 아래에 남아 있어요.",
        "en": "You're sending messages very quickly. Please send again in {minutes} min; "
        "your message is kept below.",
    },
    "limit.reports": {
        "ko": "신고를 너무 많이 했어요. {minutes}분 뒤에 다시 시도해 주세요.",
        "en": "You've reported a lot of posts. Please try again in {minutes} min.",
    },
    # Drafts kept after a failed save
    "board.discard_draft": {"ko": "임시 저장 지우기", "en": "Discard draft"},
    "mypage.export_unavailable": {
        "ko": "데이터베이스에 다시 연결되면 내보낼 수 있어요.",
        "en": "Export is available again once the database can be reached.",
    },
    # Moderation
    "nav.moderation": {"ko": "관리", "en": "Moderation"},
    "moderation.title": {"ko": "게시판 관리", "en": "Moderation"},
    "moderation.intro": {
        "ko": "신고되었거나 숨겨진 글이에요. 괜찮은 글은 되살리고"
        "(이전 신고는 더 이상 세지 않아요), 문제가 있는 글은 삭제하세요.",
        "en": "Reported and hidden posts. Restore a post that is fine (earlier reports stop "
        "counting) or remove one that is not.",
    },
    "moderation.empty": {
        "ko": "살펴볼 글이 없어요.",
        "en": "Nothing to review.",
    },
    "moderation.not_moderator": {
        "ko": "관리자만 볼 수 있는 페이지예요.",
        "en": "Only moderators can use this page.",
    },
    "moderation.reports_n": {"ko": "신고 {n}건", "en": "{n} report(s)"},
    "moderation.hidden": {"ko": "숨김", "en": "hidden"},
    "moderation.visible": {"ko": "공개 중", "en": "visible"},
    "moderation.restore": {"ko": "되살리기", "en": "Restore"},
    "moderation.remove": {"ko": "삭제", "en": "Remove"},
    "moderation.open": {"ko": "글 보기", "en": "Open post"},
    "moderation.remove_confirm": {
        "ko": "이 글과 댓글을 모두 삭제할까요? 되돌릴 수 없어요.",
        "en": "Remove this post with its comments? This cannot be undone.",
    },
    "moderation.remove_yes": {"ko": "네, 삭제할게요", "en": "Yes, remove it"},
    "moderation.restored": {"ko": "글을 되살렸어요.", "en": "Post restored."},
    "moderation.removed": {"ko": "글을 삭제했어요.", "en": "Post removed."},
}
