"""Prompt generation: the original ten follow-ups, Korean versions, suggestions, system prompts."""

from __future__ import annotations

import random
import re

import pytest

from core.emotions import EMOTIONS
from core.prompts import (
    ADDITIONAL_PROMPTS,
    ADDITIONAL_PROMPTS_KO,
    PROMPT_TOPICS,
    TOPICS,
    crisis_system_prompt,
    detect_language,
    emotion_line,
    make_prompt,
    normalize_confidence,
    prompt_for_topic,
    suggestions,
    system_prompt,
    topic_label,
    topic_of_prompt,
)
from core.safety import crisis_resources

ORIGINAL = (
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
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_additional_prompts_are_exactly_the_original_ten():
    assert tuple(ADDITIONAL_PROMPTS) == ORIGINAL


def test_every_prompt_has_a_topic_and_every_topic_a_prompt():
    assert len(PROMPT_TOPICS) == len(ADDITIONAL_PROMPTS) == len(ADDITIONAL_PROMPTS_KO) == 10
    assert set(PROMPT_TOPICS) == set(TOPICS)
    assert PROMPT_TOPICS.count("empathy") == 2
    assert dict(zip(ORIGINAL, PROMPT_TOPICS, strict=True))["What do I need?"] == "needs"


@pytest.mark.parametrize("emotion", EMOTIONS)
def test_make_prompt_english_uses_the_raw_label(emotion):
    prompt = make_prompt(emotion, random.Random(0))
    prefix = f"I'm feeling {emotion} now. "
    assert prompt.startswith(prefix)
    assert prompt[len(prefix) :] in ORIGINAL


def test_make_prompt_example_from_the_spec():
    seen = {make_prompt("happy", random.Random(seed)) for seed in range(200)}
    assert "I'm feeling happy now. What exercise will help me?" in seen


@pytest.mark.parametrize("lang, prompts", [("en", ORIGINAL), ("ko", ADDITIONAL_PROMPTS_KO)])
def test_all_ten_follow_ups_are_reachable(lang, prompts):
    seen = set()
    for seed in range(400):
        prompt = make_prompt("sad", random.Random(seed), lang=lang)
        seen.update(p for p in prompts if prompt.endswith(p))
    assert seen == set(prompts)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_make_prompt_is_deterministic_per_seed(lang):
    for seed in range(20):
        first = [make_prompt(e, random.Random(seed), lang=lang) for e in EMOTIONS]
        again = [make_prompt(e, random.Random(seed), lang=lang) for e in EMOTIONS]
        assert first == again
    assert len({make_prompt("fear", random.Random(s), lang=lang) for s in range(30)}) > 3


def test_make_prompt_without_rng_still_works():
    assert make_prompt("angry").startswith("I'm feeling angry now. ")


@pytest.mark.parametrize("emotion", EMOTIONS)
def test_korean_prompts_are_korean_sentences(emotion):
    rng = random.Random(1)
    for _ in range(10):
        prompt = make_prompt(emotion, rng, lang="ko")
        assert HANGUL.search(prompt)
        assert not re.search(r"[A-Za-z]", prompt), prompt
        assert prompt.split(" ", 1)[0].startswith("지금")
        assert any(prompt.endswith(p) for p in ADDITIONAL_PROMPTS_KO)


def test_korean_follow_ups_are_polite_and_distinct():
    assert len(set(ADDITIONAL_PROMPTS_KO)) == 10
    for prompt in ADDITIONAL_PROMPTS_KO:
        assert prompt[-1] in ".?", prompt
        assert "당신" not in prompt  # unnatural in Korean


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("topic", TOPICS)
def test_prompt_for_topic_round_trips(topic, lang):
    prompt = prompt_for_topic("happy", topic, lang, random.Random(3))
    assert topic_of_prompt(prompt) == topic


def test_prompt_for_unknown_topic_is_an_error():
    with pytest.raises(ValueError):
        prompt_for_topic("happy", "weather")


def test_topic_of_free_text_is_none():
    assert topic_of_prompt("hello there") is None


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("emotion", [*EMOTIONS, None, "unknown"])
def test_suggestions_have_distinct_topics_and_an_opening(emotion, lang):
    result = suggestions(emotion, lang, random.Random(7))
    topics = [s.topic for s in result.items]
    assert len(topics) == 3
    assert len(set(topics)) == 3
    assert topic_of_prompt(result.opening) not in topics
    for item in result.items:
        assert item.label and item.label != f"chat.topic.{item.topic}"
        assert topic_of_prompt(item.prompt) == item.topic
        if lang == "ko":
            assert HANGUL.search(item.label) and HANGUL.search(item.prompt)
        else:
            assert not HANGUL.search(item.label + item.prompt)


def test_suggestions_are_seedable_and_vary():
    assert suggestions("sad", "en", random.Random(5)) == suggestions("sad", "en", random.Random(5))
    variants = {suggestions("sad", "en", random.Random(s)).items for s in range(20)}
    assert len(variants) > 5


def test_suggestion_count_is_bounded():
    assert len(suggestions("happy", "en", random.Random(1), count=5).items) == 5
    assert len(suggestions("happy", "en", random.Random(1), count=99).items) == len(TOPICS) - 1
    assert len(suggestions("happy", "en", random.Random(1), count=0).items) == 1


def test_topic_labels_exist_in_both_languages():
    for topic in TOPICS:
        assert topic_label(topic, "en") != topic_label(topic, "ko")


# -- system prompts -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_system_prompt_names_emotion_confidence_and_rules(lang):
    prompt = system_prompt("sad", 0.87, lang)
    assert "Detected emotion: sad (confidence 87%)" in prompt
    assert "estimate" in prompt and "facial expression" in prompt
    assert "trust the user's words" in prompt
    assert "Do not diagnose" in prompt
    assert "brief" in prompt and "practical" in prompt and "warm" in prompt.lower()
    language = "Korean" if lang == "ko" else "English"
    assert f"the app is set to {language}" in prompt
    assert "Answer in the language the user writes in" in prompt
    assert ("한국어(해요체)로 답하세요" in prompt) == (lang == "ko")


def test_system_prompt_confidence_forms():
    assert "(confidence 87%)" in system_prompt("happy", 87, "en")  # percentage in
    assert "(confidence unknown)" in system_prompt("happy", None, "en")
    assert "confidence is low" in system_prompt("happy", 0.3, "en")
    assert "confidence is low" not in system_prompt("happy", 0.9, "en")
    assert "none" in system_prompt(None, None, "en")
    assert "none" in emotion_line("bogus", 0.5)


def test_normalize_confidence():
    assert normalize_confidence(None) is None
    assert normalize_confidence(float("nan")) is None
    assert normalize_confidence(0.5) == 0.5
    assert normalize_confidence(50) == 0.5
    assert normalize_confidence(-1) == 0.0
    assert normalize_confidence(1000) == 1.0


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_crisis_system_prompt_points_to_help_without_advice(lang):
    resources = crisis_resources(lang)
    prompt = crisis_system_prompt(lang, resources, "sad", 0.6)
    assert prompt.startswith("[crisis]")
    for resource in resources:
        assert str(resource) in prompt
    assert "Do not give advice" in prompt
    assert "emergency" in prompt
    assert "Detected emotion: sad (confidence 60%)" in prompt


@pytest.mark.parametrize(
    "text, default, expected",
    [
        ("오늘 너무 힘들어", "en", "ko"),
        ("I feel great today", "ko", "en"),
        ("BTS 노래 추천해줘", "en", "ko"),
        ("I love 김치 so much", "ko", "en"),
        ("ㅠㅠ", "en", "ko"),
        ("?!", "en", "en"),
        ("ok", "ko", "ko"),
        ("", "ko", "ko"),
        ("😊😊", "en", "en"),
    ],
)
def test_detect_language(text, default, expected):
    assert detect_language(text, default) == expected
