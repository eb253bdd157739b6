"""Strings of the Chat page (the chat core's own strings are in ``chat.py``)."""

STRINGS: dict[str, dict[str, str]] = {
    "chatpage.current": {"ko": "지금 감정", "en": "Current emotion"},
    "chatpage.source.camera": {
        "ko": "카메라가 읽은 표정 · 확신도 {confidence}",
        "en": "Read by the camera · {confidence} confidence",
    },
    "chatpage.source.camera_plain": {"ko": "카메라가 읽은 표정", "en": "Read by the camera"},
    "chatpage.source.manual": {"ko": "직접 고른 감정", "en": "Chosen by you"},
    "chatpage.none": {
        "ko": "아직 읽은 표정이 없어요. 지금 기분을 아래에서 골라 주세요. 고르지 않아도 "
        "대화는 할 수 있어요.",
        "en": "No expression captured yet. Pick how you feel below, or just start chatting.",
    },
    "chatpage.pick": {"ko": "지금 기분 고르기", "en": "How do you feel?"},
    "chatpage.change": {"ko": "감정 바꾸기", "en": "Change the emotion"},
    "chatpage.capture_link": {"ko": "카메라로 표정 읽기", "en": "Read my expression"},
    "chatpage.conversation": {"ko": "대화", "en": "Conversation"},
    "chatpage.conversation_new": {"ko": "✨ 새 대화", "en": "✨ New conversation"},
    "chatpage.untitled": {"ko": "(제목 없음)", "en": "(untitled)"},
    "chatpage.new": {"ko": "새 대화", "en": "New conversation"},
    "chatpage.clear": {"ko": "기록 지우기", "en": "Clear history"},
    "chatpage.clear_confirm": {
        "ko": "모든 대화 기록을 지울까요? 지운 기록은 되돌릴 수 없어요.",
        "en": "Delete all of your conversations? This can't be undone.",
    },
    "chatpage.clear_yes": {"ko": "네, 모두 지울게요", "en": "Yes, delete them all"},
    "chatpage.cleared": {"ko": "대화 기록을 모두 지웠어요.", "en": "Your chat history is deleted."},
    "chatpage.empty": {
        "ko": "무엇이든 편하게 말을 걸어 보세요. 아래 제안을 한 번 눌러 시작해도 돼요.",
        "en": "Say anything you like, or start with one click on a suggestion below.",
    },
    "chatpage.opening": {"ko": "바로 시작하기", "en": "Start with this"},
    "chatpage.offline_name": {"ko": "오프라인 도우미", "en": "offline helper"},
    "chatpage.answered_by": {"ko": "답변: {name}", "en": "Answered by {name}"},
    "chatpage.no_reply": {
        "ko": "이 메시지에는 아직 답이 없어요.",
        "en": "This message has no reply yet.",
    },
    "chatpage.unsent": {
        "ko": "저장하지 못해 보내지 못한 메시지: {text}",
        "en": "Not sent, because it could not be saved: {text}",
    },
    "chatpage.send_again": {"ko": "다시 보내기", "en": "Send again"},
}
