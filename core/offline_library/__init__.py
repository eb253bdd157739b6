"""Curated content of the offline responder, in English and Korean.

One module per emotion holds ``CONTENT``: for each topic of
:data:`core.prompts.TOPICS`, plus ``"openers"`` and ``"free"`` (replies to free
text), a tuple of ``(english, korean)`` pairs. Items are concrete (a named food and
why, a real song or film fitting the mood, an exercise with its duration, a place
in Korea, a sourced quote or proverb) and were chosen to be harmless: no alcohol,
no risky activities, no medical claims beyond everyday ones.
"""

from __future__ import annotations

from typing import Final

from core.offline_library import angry, disgust, fear, happy, neutral, sad, surprise

Pair = tuple[str, str]  # (English, Korean)

LIBRARY: Final[dict[str, dict[str, tuple[Pair, ...]]]] = {
    "angry": angry.CONTENT,
    "disgust": disgust.CONTENT,
    "fear": fear.CONTENT,
    "happy": happy.CONTENT,
    "sad": sad.CONTENT,
    "surprise": surprise.CONTENT,
    "neutral": neutral.CONTENT,
}

# A follow-up line after a topic answer (shared by all emotions).
CLOSERS: Final[dict[str, tuple[Pair, ...]]] = {
    "food": (
        ("Want another food idea?", "다른 음식도 추천해 드릴까요?"),
        ("Does that sound good to you?", "어때요, 괜찮아 보여요?"),
        (
            "If that's not your taste, ask me for another one.",
            "입맛에 안 맞으면 다른 걸 물어봐 주세요.",
        ),
    ),
    "travel": (
        ("Shall I suggest another destination?", "다른 여행지도 추천해 드릴까요?"),
        ("Have you been anywhere like that before?", "그런 곳에 가 본 적 있어요?"),
        ("If you'd rather stay close to home, tell me.", "가까운 곳이 좋으면 말해 주세요."),
    ),
    "exercise": (
        (
            "Give it a try and tell me how you feel afterwards.",
            "한번 해 보고 어땠는지 알려 주세요.",
        ),
        ("Shall I suggest another one?", "다른 운동도 알려 드릴까요?"),
        ("Only go as far as feels comfortable.", "몸이 편한 만큼만 해도 충분해요."),
    ),
    "music": (
        ("Want another song?", "다른 노래도 추천해 드릴까요?"),
        ("Do you know it already?", "혹시 이미 아는 노래예요?"),
        ("Shall I suggest one with a different vibe?", "분위기가 다른 곡도 추천해 드릴까요?"),
    ),
    "movie": (
        ("Want another film?", "다른 영화도 추천해 드릴까요?"),
        ("Have you seen it?", "혹시 본 적 있어요?"),
        (
            "Tell me if you'd like something lighter or deeper.",
            "더 가볍거나 여운이 깊은 영화가 필요하면 말해 주세요.",
        ),
    ),
    "cause": (
        ("If you want to talk about it, I'm listening.", "이야기하고 싶으면 언제든 들을게요."),
        ("What do you think it might be?", "스스로는 어떤 이유 같아요?"),
        (
            "You don't have to figure it out right now.",
            "지금 당장 이유를 알아내지 않아도 괜찮아요.",
        ),
    ),
    "phrase": (
        ("Want another phrase?", "다른 글귀도 들려 드릴까요?"),
        ("Maybe write it somewhere you'll see it today.", "오늘 자주 보는 곳에 적어 두면 좋아요."),
        ("Does it speak to you?", "마음에 와닿나요?"),
    ),
    "empathy": (
        ("How are you feeling now?", "지금은 기분이 어때요?"),
        ("Tell me more, if you want.", "원하면 더 이야기해 주세요."),
        ("I'm here.", "여기 있을게요."),
    ),
    "needs": (
        ("Which of those feels doable right now?", "그중에 지금 할 수 있을 것 같은 게 있나요?"),
        ("What do you think you need?", "스스로는 뭐가 필요하다고 느껴요?"),
        ("Want a concrete idea for that?", "그걸 위한 구체적인 방법도 알려 드릴까요?"),
    ),
}

# {label} is the emotion with its emoji in the reply language.
GREETINGS: Final[tuple[Pair, ...]] = (
    (
        "Hi! The camera reads your expression as {label} right now. How would you put it "
        "in your own words?",
        "안녕하세요! 카메라로는 지금 {label} 표정으로 보여요. 직접 말로 표현하면 지금 기분이 "
        "어때요?",
    ),
    (
        "Hello! I'm here to talk about how you feel. Your expression looks like {label}; "
        "does that fit?",
        "반가워요! 지금 기분에 대해 이야기 나누려고 여기 있어요. 표정은 {label}처럼 보이는데, "
        "맞아요?",
    ),
)

THANKS: Final[tuple[Pair, ...]] = (
    (
        "You're welcome! I'm here whenever you want to talk.",
        "천만에요! 이야기하고 싶을 때 언제든 찾아 주세요.",
    ),
    (
        "Glad it helped. Take good care of yourself today.",
        "도움이 됐다니 다행이에요. 오늘도 스스로를 잘 돌봐 주세요.",
    ),
)

# When the user's words name another emotion than the camera's reading.
WORDS_OVER_CAMERA: Final[Pair] = (
    "(The camera guessed {camera}, but I'll go by what you told me: {user}.)",
    "(카메라는 {camera}으로 읽었지만, 말해 준 {user}에 맞춰 이야기할게요.)",
)

# First reply only, when the camera's confidence is low.
LOW_CONFIDENCE: Final[Pair] = (
    "(The camera isn't very sure about this reading, so tell me if it's off.)",
    "(카메라도 이번 판단은 확신이 없어요. 틀렸다면 알려 주세요.)",
)
