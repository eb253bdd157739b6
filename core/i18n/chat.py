"""Strings of the emotion chat: errors, backend labels, suggestion chips."""

STRINGS: dict[str, dict[str, str]] = {
    "chat.title": {"ko": "감정 대화", "en": "Talk about it"},
    "chat.input_placeholder": {
        "ko": "지금 기분이나 궁금한 걸 적어 보세요",
        "en": "Tell me how you feel or ask for an idea",
    },
    "chat.suggestions": {"ko": "이런 건 어때요?", "en": "Try asking"},
    "chat.retry": {"ko": "다시 시도", "en": "Retry"},
    "chat.backend_offline": {
        "ko": "오프라인 도우미가 답하고 있어요 (AI 모델 미연결)",
        "en": "Answered by the offline helper (no AI model connected)",
    },
    "chat.backend_model": {"ko": "{model} 모델이 답하고 있어요", "en": "Answered by {model}"},
    # ChatError message keys
    "chat.error.auth": {
        "ko": "AI 서비스 인증에 실패했어요. API 키 설정을 확인해 주세요.",
        "en": "The AI service rejected the credentials. Please check the API key setting.",
    },
    "chat.error.rate_limit": {
        "ko": "지금 요청이 너무 많아요. 잠시 후 다시 시도해 주세요.",
        "en": "Too many requests right now. Please wait a moment and retry.",
    },
    "chat.error.quota": {
        "ko": "AI 서비스 사용 한도를 넘었어요. 관리자에게 요금제나 한도를 확인해 달라고 해 주세요.",
        "en": "The AI service quota is used up. Ask the administrator to check the plan or limits.",
    },
    "chat.error.timeout": {
        "ko": "AI 서비스의 응답이 너무 늦어요. 다시 시도해 주세요.",
        "en": "The AI service took too long to answer. Please retry.",
    },
    "chat.error.unavailable": {
        "ko": "AI 서비스에 연결할 수 없어요. 잠시 후 다시 시도해 주세요.",
        "en": "The AI service is unreachable right now. Please retry in a moment.",
    },
    "chat.error.server": {
        "ko": "AI 서비스에서 오류가 났어요. 잠시 후 다시 시도해 주세요.",
        "en": "The AI service had an error. Please retry in a moment.",
    },
    "chat.error.cancelled": {
        "ko": "답변을 기다리다 취소했어요.",
        "en": "You cancelled waiting for the answer.",
    },
    "chat.waiting": {
        "ko": "답변을 기다리는 중… {seconds}초",
        "en": "Waiting for the answer… {seconds} s",
    },
    "chat.cancel": {"ko": "기다리지 않기", "en": "Stop waiting"},
    "chat.error.empty": {
        "ko": "AI 서비스가 빈 답변을 보냈어요. 다시 시도해 주세요.",
        "en": "The AI service sent an empty answer. Please retry.",
    },
    "chat.error.bad_request": {
        "ko": "AI 서비스가 요청을 처리하지 못했어요. 메시지를 조금 바꿔서 다시 보내 주세요.",
        "en": "The AI service could not process the request. Try rephrasing your message.",
    },
    "chat.error.model": {
        "ko": "설정된 AI 모델을 찾을 수 없어요. 모델 이름 설정을 확인해 주세요.",
        "en": "The configured AI model was not found. Please check the model name setting.",
    },
    "chat.error.kept_message": {
        "ko": "보낸 메시지는 그대로 남아 있어요.",
        "en": "Your message is kept.",
    },
    # Suggestion chips (core.prompts.topic_label)
    "chat.topic.food": {"ko": "음식 추천", "en": "Food ideas"},
    "chat.topic.travel": {"ko": "여행지 추천", "en": "A place to go"},
    "chat.topic.exercise": {"ko": "운동 추천", "en": "An exercise"},
    "chat.topic.music": {"ko": "음악 추천", "en": "Music for my mood"},
    "chat.topic.movie": {"ko": "영화 추천", "en": "A movie"},
    "chat.topic.cause": {"ko": "이 기분의 이유", "en": "Why do I feel this?"},
    "chat.topic.phrase": {"ko": "힘이 되는 글귀", "en": "A helpful phrase"},
    "chat.topic.empathy": {"ko": "내 마음 알아?", "en": "Do you get it?"},
    "chat.topic.needs": {"ko": "나에게 필요한 것", "en": "What do I need?"},
}
