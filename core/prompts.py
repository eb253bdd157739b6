"""Prompts for the emotion chat: the original prompt generator, suggestions, system prompts.

The original design sent ``I'm feeling {emotion} now.`` followed by one of ten
follow-up questions picked at random; :func:`make_prompt` keeps that exactly
(English, raw emotion label) and adds natural Korean equivalents for the Korean UI.
Each follow-up belongs to a topic, which the offline responder answers and the
page shows as clickable suggestions (:func:`suggestions`).
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from core.emotions import EMOTIONS, label
from core.i18n import t

BASE_SENTENCE: Final[str] = "I'm feeling {emotion} now."

ADDITIONAL_PROMPTS: Final[tuple[str, ...]] = (
    "Any recommendations on food to refresh my feeling?",
    "Can you suggest a travel destination that can improve my mood?",
    "What exercise will help me?",
    "Please give me music that suits my mood",
    "Please recommend a movie that makes me feel better",
    "What is the cause of my current mood?",
    "Please introduce me to a helpful phrase",
    "Are you feeling the same way?",
    "Do you understand what this feeling like?",
    "What do I need?",
)

TOPICS: Final[tuple[str, ...]] = (
    "food",
    "travel",
    "exercise",
    "music",
    "movie",
    "cause",
    "phrase",
    "empathy",
    "needs",
)

# Topic of each ADDITIONAL_PROMPTS entry, same order (two empathy questions).
PROMPT_TOPICS: Final[tuple[str, ...]] = (
    "food",
    "travel",
    "exercise",
    "music",
    "movie",
    "cause",
    "phrase",
    "empathy",
    "empathy",
    "needs",
)

# Natural Korean counterparts, same order and topics as ADDITIONAL_PROMPTS.
ADDITIONAL_PROMPTS_KO: Final[tuple[str, ...]] = (
    "기분 전환에 좋은 음식 추천해 줄래요?",
    "기분이 나아질 만한 여행지를 추천해 줄 수 있어요?",
    "어떤 운동을 하면 도움이 될까요?",
    "지금 기분에 어울리는 음악 좀 알려 주세요.",
    "기분이 나아지는 영화 한 편 추천해 주세요.",
    "제가 지금 이런 기분인 이유가 뭘까요?",
    "힘이 되는 글귀 하나 소개해 주세요.",
    "혹시 저랑 같은 기분이에요?",
    "이런 기분이 어떤 건지 이해해요?",
    "지금 저한테 필요한 건 뭘까요?",
)

# "I'm feeling {emotion} now." in Korean: a whole sentence per emotion reads far more
# naturally than slotting the noun label into one template.
BASE_SENTENCES_KO: Final[dict[str, str]] = {
    "angry": "지금 화가 나요.",
    "disgust": "지금 뭔가 역겹고 불쾌해요.",
    "fear": "지금 좀 무섭고 불안해요.",
    "happy": "지금 기분이 좋아요.",
    "sad": "지금 슬퍼요.",
    "surprise": "지금 깜짝 놀랐어요.",
    "neutral": "지금은 마음이 평온해요.",
}

TOPIC_EMOJI: Final[dict[str, str]] = {
    "food": "🍲",
    "travel": "🧳",
    "exercise": "🏃",
    "music": "🎵",
    "movie": "🎬",
    "cause": "🔍",
    "phrase": "💬",
    "empathy": "🤝",
    "needs": "🌱",
}


def _prompts(lang: str) -> tuple[str, ...]:
    return ADDITIONAL_PROMPTS_KO if lang == "ko" else ADDITIONAL_PROMPTS


def base_sentence(emotion: str, lang: str = "en") -> str:
    if lang == "ko":
        return BASE_SENTENCES_KO.get(emotion, f"지금 기분은 {label(emotion, 'ko')}이에요.")
    return BASE_SENTENCE.format(emotion=emotion)


def make_prompt(emotion: str, rng: random.Random | None = None, lang: str = "en") -> str:
    """The original generator: base sentence + one of the ten follow-ups at random.

    English uses the raw label as the original did ("I'm feeling happy now. What
    exercise will help me?"); ``lang="ko"`` gives the Korean counterpart.
    """
    rng = rng or random.Random()  # noqa: S311 - variety, not security
    return f"{base_sentence(emotion, lang)} {rng.choice(_prompts(lang))}"


def prompt_for_topic(
    emotion: str, topic: str, lang: str = "en", rng: random.Random | None = None
) -> str:
    """Base sentence + the follow-up of one topic (a random one of the two for empathy)."""
    indexes = [i for i, t in enumerate(PROMPT_TOPICS) if t == topic]
    if not indexes:
        raise ValueError(f"unknown topic {topic!r}")
    index = (rng or random.Random()).choice(indexes)  # noqa: S311 - variety, not security
    return f"{base_sentence(emotion, lang)} {_prompts(lang)[index]}"


def topic_of_prompt(text: str) -> str | None:
    """The topic of a text that ends with one of the twenty known follow-ups."""
    stripped = text.strip()
    for prompts in (ADDITIONAL_PROMPTS, ADDITIONAL_PROMPTS_KO):
        for prompt, topic in zip(prompts, PROMPT_TOPICS, strict=True):
            if stripped.endswith(prompt):
                return topic
    return None


# -- suggestions ----------------------------------------------------------------------


def topic_label(topic: str, lang: str) -> str:
    """Short chip text with emoji, e.g. "🎵 Music for my mood"."""
    return f"{TOPIC_EMOJI.get(topic, '')} {t(f'chat.topic.{topic}', lang)}".strip()


@dataclass(frozen=True)
class Suggestion:
    topic: str
    label: str  # short chip text
    prompt: str  # full message to send when clicked


@dataclass(frozen=True)
class Suggestions:
    items: tuple[Suggestion, ...]  # distinct topics
    opening: str  # ready-made first message (another topic than the items)


def suggestions(
    emotion: str | None,
    lang: str = "en",
    rng: random.Random | None = None,
    count: int = 3,
) -> Suggestions:
    """A few clickable suggestions of distinct topics plus one opening prompt.

    Seedable: the same ``random.Random(seed)`` gives the same result.
    """
    rng = rng or random.Random()  # noqa: S311 - variety, not security
    emotion = emotion if emotion in EMOTIONS else "neutral"
    count = max(1, min(count, len(TOPICS) - 1))
    picked = rng.sample(TOPICS, count + 1)
    opening_topic, chip_topics = picked[0], picked[1:]
    items = tuple(
        Suggestion(t, topic_label(t, lang), prompt_for_topic(emotion, t, lang, rng))
        for t in chip_topics
    )
    return Suggestions(items, prompt_for_topic(emotion, opening_topic, lang, rng))


# -- system prompts -------------------------------------------------------------------


_LANGUAGE_NAMES: Final[dict[str, str]] = {"ko": "Korean", "en": "English"}


def normalize_confidence(confidence: float | None) -> float | None:
    """0..1 (a value above 1 is read as a percentage); None stays None."""
    if confidence is None:
        return None
    try:
        value = float(confidence)
    except (TypeError, ValueError):
        return None
    if value != value:  # NaN
        return None
    if value > 1:
        value /= 100
    return min(max(value, 0.0), 1.0)


def emotion_line(emotion: str | None, confidence: float | None) -> str:
    """``Detected emotion: happy (confidence 87%)`` - also parsed by the test server."""
    if emotion not in EMOTIONS:
        return "Detected emotion: none (no face or no clear reading)"
    value = normalize_confidence(confidence)
    if value is None:
        return f"Detected emotion: {emotion} (confidence unknown)"
    return f"Detected emotion: {emotion} (confidence {round(value * 100)}%)"


def system_prompt(emotion: str | None, confidence: float | None, lang: str = "en") -> str:
    """The system message of a normal turn."""
    language = _LANGUAGE_NAMES.get(lang, "English")
    value = normalize_confidence(confidence)
    lines = [
        'You are the companion chatbot of "Show your emotion" (너의 머리 속이 보여), an app '
        "that reads the user's facial expression through their webcam and talks with them "
        "about how they feel.",
        emotion_line(emotion, confidence),
    ]
    if emotion in EMOTIONS:
        lines.append(
            f"That is an automatic estimate from one facial expression "
            f'(shown to the user as "{label(emotion, lang)}"), not a fact about their feelings. '
            "Mention it gently, as a guess, never as a verdict."
        )
        if value is not None and value < 0.5:
            lines.append("The confidence is low: hold this reading especially lightly.")
    else:
        lines.append("No reliable reading is available; ask how they feel instead of guessing.")
    lines += [
        "If the user's words disagree with the camera, trust the user's words and follow "
        "the emotion they describe.",
        "Be warm, brief and practical: usually 2 to 5 short sentences or a short list, with "
        "one or two concrete suggestions (a specific food, song, film, place, exercise with "
        "its duration, or phrase) when they ask for ideas, and at most one gentle question.",
        "Do not diagnose, label conditions or give medical advice; you are an AI companion, "
        "not a therapist. Suggest professional help only when distress seems serious.",
        "Never recommend alcohol, drugs, risky activities or anything harmful.",
        f"Answer in the language the user writes in; the app is set to {language}, so use "
        f"{language} when unsure.",
    ]
    if lang == "ko":
        lines.append(
            "사용자가 다른 언어로 쓰지 않는 한 자연스럽고 다정한 한국어(해요체)로 답하세요."
        )
    return "\n".join(lines)


def crisis_system_prompt(
    lang: str = "en",
    resources: Sequence[object] = (),
    emotion: str | None = None,
    confidence: float | None = None,
) -> str:
    """The system message when the latest message suggests risk of self-harm or suicide.

    ``resources`` are shown to the model as lines (their ``str()``), e.g. the
    :class:`core.safety.CrisisResource` items for the user's language.
    """
    language = _LANGUAGE_NAMES.get(lang, "English")
    listed = "\n".join(f"- {r}" for r in resources) or "- local emergency services"
    lines = [
        "[crisis] The user's latest message suggests they may be thinking about suicide or "
        "harming themselves. You are an AI companion, not a therapist or emergency service.",
        emotion_line(emotion, confidence),
        "Respond only with care: acknowledge their pain in plain, warm words, thank them for "
        "telling you, and say clearly that they deserve support right now.",
        "Point them to people who can help now and give these contacts exactly:",
        listed,
        "If they may be in immediate danger, urge them to call emergency services "
        "(Korea 119 or 112, US/Canada 911) or to go to the nearest emergency room.",
        "Gently ask whether they are safe right now and encourage them to reach out to "
        "someone they trust. Keep it short (about 4 to 6 sentences).",
        "Do not give advice, tips, recommendations (food, music, films, travel, exercise), "
        "methods or debate; do not diagnose; do not minimise or moralise; do not promise "
        "secrecy.",
        f"Answer in the language the user writes in ({language} when unsure).",
    ]
    if lang == "ko":
        lines.append("사용자가 다른 언어로 쓰지 않는 한 따뜻하고 차분한 한국어(해요체)로 답하세요.")
    return "\n".join(lines)


# -- language of a message --------------------------------------------------------------


def detect_language(text: str, default: str = "en") -> str:
    """``"ko"`` or ``"en"`` by script; a Hangul syllable counts about two Latin letters.

    Messages without enough letters ("?!", "ok", "👍") keep ``default`` (the UI language).
    """
    hangul = latin = 0
    for char in unicodedata.normalize("NFKC", text[:2000]):
        code = ord(char)
        if 0xAC00 <= code <= 0xD7A3 or 0x3131 <= code <= 0x318E or 0x1100 <= code <= 0x11FF:
            hangul += 1
        elif char.isascii() and char.isalpha():
            latin += 1
    if hangul and hangul * 2 >= latin:
        return "ko"
    if latin >= 3 and not hangul:
        return "en"
    if hangul == 0 and latin == 0:
        return default
    return "ko" if hangul > latin else ("en" if latin >= 3 else default)
