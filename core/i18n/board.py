"""Strings of the Board page."""

STRINGS: dict[str, dict[str, str]] = {
    "board.title": {"ko": "게시판", "en": "Board"},
    "board.intro": {
        "ko": "오늘 하루와 기분을 나눠요. 서로에게 다정하게 말해 주세요.",
        "en": "Share your day and how you feel. Please be kind to each other.",
    },
    # List
    "board.search": {"ko": "검색", "en": "Search"},
    "board.search_placeholder": {
        "ko": "제목이나 내용에 들어간 단어",
        "en": "Words in the title or the text",
    },
    "board.mood_filter": {"ko": "기분", "en": "Mood"},
    "board.mood_all": {"ko": "모든 기분", "en": "All moods"},
    "board.write": {"ko": "글쓰기", "en": "Write a post"},
    "board.empty": {
        "ko": "아직 글이 없어요. 첫 번째 이야기를 들려주세요!",
        "en": "No posts yet. Be the first to share your day!",
    },
    "board.no_results": {
        "ko": "조건에 맞는 글이 없어요. 다른 낱말이나 기분으로 찾아보세요.",
        "en": "No posts match. Try other words or another mood.",
    },
    "board.newer": {"ko": "← 최신 글", "en": "← Newer"},
    "board.older": {"ko": "이전 글 →", "en": "Older →"},
    "board.page": {"ko": "{n}페이지", "en": "Page {n}"},
    "board.comments_n": {"ko": "💬 {n}", "en": "💬 {n}"},
    "board.edited": {"ko": "(수정됨)", "en": "(edited)"},
    "board.hidden_badge": {"ko": "🚫 신고가 쌓여 숨겨짐", "en": "🚫 Hidden after reports"},
    # Write / edit
    "board.edit_title": {"ko": "글 수정하기", "en": "Edit post"},
    "board.field_title": {"ko": "제목", "en": "Title"},
    "board.field_body": {"ko": "내용", "en": "Text"},
    "board.field_mood": {"ko": "지금 기분", "en": "Mood"},
    "board.mood_none": {"ko": "선택 안 함", "en": "No mood tag"},
    "board.mood_prefilled": {
        "ko": "마지막으로 확인한 표정에서 가져왔어요. 바꿔도 돼요.",
        "en": "Taken from your last confirmed expression; change it if you like.",
    },
    "board.publish": {"ko": "올리기", "en": "Publish"},
    "board.save": {"ko": "저장", "en": "Save"},
    "board.cancel": {"ko": "취소", "en": "Cancel"},
    "board.created": {"ko": "글을 올렸어요.", "en": "Your post is up."},
    "board.updated": {"ko": "글을 수정했어요.", "en": "Post updated."},
    "board.deleted": {"ko": "글을 삭제했어요.", "en": "Post deleted."},
    # Post view
    "board.back": {"ko": "← 목록으로", "en": "← Back to the list"},
    "board.edit": {"ko": "수정", "en": "Edit"},
    "board.delete": {"ko": "삭제", "en": "Delete"},
    "board.delete_confirm": {
        "ko": "이 글을 삭제할까요? 댓글도 함께 삭제되고 되돌릴 수 없어요.",
        "en": "Delete this post? Its comments go too, and this can't be undone.",
    },
    "board.delete_yes": {"ko": "네, 삭제할게요", "en": "Yes, delete"},
    "board.report": {"ko": "신고", "en": "Report"},
    "board.report_help": {
        "ko": "부적절한 글이면 알려 주세요. 신고가 쌓이면 검토할 때까지 숨겨져요.",
        "en": "Tell us if this post is inappropriate. After enough reports it is hidden "
        "until reviewed.",
    },
    "board.reported": {
        "ko": "신고했어요. 알려 줘서 고마워요.",
        "en": "Reported. Thank you for letting us know.",
    },
    "board.report_already": {
        "ko": "이미 이 글을 신고했어요.",
        "en": "You have already reported this post.",
    },
    "board.report_hidden": {
        "ko": "신고해 줘서 고마워요. 이 글은 검토할 때까지 숨겨져요.",
        "en": "Thank you. This post is now hidden until it is reviewed.",
    },
    "board.hidden_notice": {
        "ko": "이 글은 신고가 쌓여 검토할 때까지 다른 사람에게 보이지 않아요.",
        "en": "This post was reported and is hidden from others until it is reviewed.",
    },
    "board.not_found": {
        "ko": "글을 찾을 수 없어요. 삭제되었거나 주소가 잘못되었어요.",
        "en": "That post can't be found. It may have been deleted, or the link is wrong.",
    },
    "board.bad_link": {
        "ko": "글 주소가 올바르지 않아요. 목록을 보여 드릴게요.",
        "en": "That post link isn't valid; here is the list instead.",
    },
    # Comments
    "board.comments": {"ko": "댓글 {n}개", "en": "Comments ({n})"},
    "board.no_comments": {
        "ko": "아직 댓글이 없어요. 따뜻한 한마디를 남겨 주세요.",
        "en": "No comments yet. Leave a kind word.",
    },
    "board.comment_field": {"ko": "댓글", "en": "Comment"},
    "board.comment_add": {"ko": "댓글 달기", "en": "Add comment"},
    "board.comment_added": {"ko": "댓글을 달았어요.", "en": "Comment added."},
    "board.comment_updated": {"ko": "댓글을 수정했어요.", "en": "Comment updated."},
    "board.comment_deleted": {"ko": "댓글을 삭제했어요.", "en": "Comment deleted."},
    "board.comment_delete_confirm": {
        "ko": "이 댓글을 삭제할까요?",
        "en": "Delete this comment?",
    },
    # Crisis
    "board.crisis_title": {
        "ko": "지금 많이 힘드신가요?",
        "en": "Are you going through a hard time?",
    },
    "board.crisis_body": {
        "ko": "글에서 힘든 마음이 느껴졌어요. 혼자 견디지 않아도 돼요. "
        "아래 도움을 받을 수 있는 곳이 있어요.",
        "en": "Your post sounds like things are really hard right now. You don't have to "
        "carry this alone; these people can help.",
    },
    # Errors
    "board.err.title_required": {"ko": "제목을 입력해 주세요.", "en": "Enter a title."},
    "board.err.title_long": {
        "ko": "제목은 100자까지 쓸 수 있어요.",
        "en": "A title has at most 100 characters.",
    },
    "board.err.body_required": {"ko": "내용을 입력해 주세요.", "en": "Write some text."},
    "board.err.body_long": {
        "ko": "내용은 5,000자까지 쓸 수 있어요.",
        "en": "The text has at most 5,000 characters.",
    },
    "board.err.mood_invalid": {
        "ko": "기분을 목록에서 골라 주세요.",
        "en": "Pick a mood from the list.",
    },
    "board.err.comment_required": {"ko": "댓글을 입력해 주세요.", "en": "Write a comment."},
    "board.err.comment_long": {
        "ko": "댓글은 1,000자까지 쓸 수 있어요.",
        "en": "A comment has at most 1,000 characters.",
    },
    "board.err.not_found": {
        "ko": "글이나 댓글을 찾을 수 없어요. 이미 삭제되었을 수 있어요.",
        "en": "That post or comment can't be found; it may have been deleted.",
    },
    "board.err.not_allowed": {
        "ko": "내가 쓴 글과 댓글만 수정하거나 삭제할 수 있어요.",
        "en": "You can only edit or delete your own posts and comments.",
    },
    "board.err.report_own": {
        "ko": "내 글은 신고할 수 없어요.",
        "en": "You can't report your own post.",
    },
    "board.err.invalid": {
        "ko": "입력한 내용을 확인해 주세요.",
        "en": "Please check what you typed.",
    },
    "board.err.generic": {"ko": "처리하지 못했어요.", "en": "That didn't work."},
}
