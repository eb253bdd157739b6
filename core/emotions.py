"""The seven expression classes shared by the model, the chat and the board.

The order is the FER model's output order; everything that stores or displays
an emotion uses these exact lowercase labels so values round-trip through the
database, URLs and prompts unchanged.
"""

from __future__ import annotations

from typing import Final, Literal

Emotion = Literal["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]

EMOTIONS: Final[tuple[Emotion, ...]] = (
    "angry",
    "disgust",
    "fear",
    "happy",
    "sad",
    "surprise",
    "neutral",
)

EMOJI: Final[dict[str, str]] = {
    "angry": "😠",
    "disgust": "🤢",
    "fear": "😨",
    "happy": "😊",
    "sad": "😢",
    "surprise": "😮",
    "neutral": "😐",
}

# Adjective forms read naturally in "I think you look ..." / "I'm feeling ... now."
LABELS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "angry": "angry",
        "disgust": "disgusted",
        "fear": "afraid",
        "happy": "happy",
        "sad": "sad",
        "surprise": "surprised",
        "neutral": "calm",
    },
    "ko": {
        "angry": "화남",
        "disgust": "역겨움",
        "fear": "두려움",
        "happy": "행복",
        "sad": "슬픔",
        "surprise": "놀람",
        "neutral": "평온",
    },
}


def is_emotion(value: object) -> bool:
    """True when value is one of the seven labels (used to validate user input)."""
    return isinstance(value, str) and value in EMOTIONS


def label(emotion: str, lang: str) -> str:
    """Display name of an emotion in the UI language, falling back to English."""
    return LABELS.get(lang, LABELS["en"]).get(emotion, emotion)


def with_emoji(emotion: str, lang: str) -> str:
    return f"{EMOJI.get(emotion, '')} {label(emotion, lang)}".strip()
