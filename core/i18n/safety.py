"""Strings of the crisis layer and the AI notice."""

STRINGS: dict[str, dict[str, str]] = {
    "safety.ai_notice": {
        "ko": "지금 대화하는 상대는 사람이 아닌 AI예요. 상담사나 치료사가 아니며, 표정으로 "
        "읽은 감정은 추정일 뿐이에요. 힘든 마음이 오래가거나 위험하다고 느껴지면 전문가의 "
        "도움을 받아 주세요.",
        "en": "You're talking with an AI, not a person. It is not a counsellor or therapist, "
        "and the emotion read from your face is only an estimate. If you feel unsafe or the "
        "heaviness lasts, please reach out to a professional.",
    },
    "safety.crisis_title": {
        "ko": "지금 많이 힘드신가요? 혼자 견디지 않아도 돼요.",
        "en": "Going through something really hard? You don't have to face it alone.",
    },
    "safety.resources_heading": {
        "ko": "지금 바로 이야기할 수 있는 곳",
        "en": "People you can talk to right now",
    },
    "safety.emergency": {
        "ko": "지금 위험한 상황이라면 바로 119나 112에 전화해 주세요.",
        "en": "If you are in immediate danger, call your local emergency number now "
        "(911 in the US/Canada, 119 or 112 in Korea).",
    },
    "safety.crisis_message": {
        "ko": "이야기해 줘서 정말 고마워요. 그런 마음이 들 만큼 지금 많이 힘들고 지쳐 "
        "있는 것 같아요. 혼자 견디지 않아도 돼요. 지금 바로 도움을 받아도 "
        "괜찮아요.\n\n"
        "저는 AI라서 충분히 도와드릴 수 없지만, 지금 이야기를 들어 줄 사람들이 있어요:\n"
        "{resources}\n\n"
        "지금 위험한 상황이라면 바로 119나 112에 전화해 주세요. 믿을 수 있는 사람 한 명에게 "
        '"지금 많이 힘들어"라고 연락해 보는 것도 큰 도움이 돼요.\n\n'
        "지금 있는 곳은 안전한가요?",
        "en": "Thank you for telling me. It sounds like you're carrying a lot of pain right "
        "now, and you don't have to carry it alone. You deserve support right now.\n\n"
        "I'm an AI and can't give you the help you deserve, but there are people ready to "
        "listen at any hour:\n"
        "{resources}\n\n"
        "If you are in immediate danger, please call your local emergency number now "
        "(911 in the US/Canada, 119 or 112 in Korea). Reaching out to one person you trust "
        'and telling them "I\'m not okay" can help too.\n\n'
        "Are you safe right now?",
    },
}
