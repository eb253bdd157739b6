"""The offline responder: every emotion x topic x language, topic matching, variety, speed."""

from __future__ import annotations

import random
import re
import statistics
import time

import pytest

from core.chat import ChatConfig, Turn, Utterance, make_backend, respond
from core.emotions import EMOTIONS
from core.offline_library import CLOSERS, LIBRARY
from core.offline_responder import (
    OfflineResponder,
    chunk_text,
    compose_reply,
    emotion_in_text,
    match_topic,
    small_talk,
)
from core.prompts import ADDITIONAL_PROMPTS_KO, TOPICS, prompt_for_topic

LANGS = ("en", "ko")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]")


def hangul_ratio(text: str) -> float:
    hangul, latin = len(HANGUL.findall(text)), len(LATIN.findall(text))
    return hangul / max(hangul + latin, 1)


def user(text: str) -> list[Utterance]:
    return [Utterance("user", text)]


def item_of(reply: str, emotion: str, topic: str, lang: str) -> str | None:
    """The library item of emotion x topic that the reply contains."""
    index = 1 if lang == "ko" else 0
    found = [pair[index] for pair in LIBRARY[emotion][topic] if pair[index] in reply]
    return found[0] if found else None


# -- every emotion x topic x language ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("emotion", EMOTIONS)
def test_every_emotion_topic_language(emotion, topic, lang):
    replies = set()
    items = set()
    for seed in range(12):
        prompt = prompt_for_topic(emotion, topic, lang, random.Random(seed))
        reply = OfflineResponder(random.Random(seed)).reply(
            Turn(user(prompt), emotion=emotion, confidence=0.9, lang=lang)
        )
        assert reply.strip()
        assert prompt not in reply  # not an echo
        ratio = hangul_ratio(reply)
        if lang == "ko":
            assert ratio > 0.6, reply
        else:
            assert ratio < 0.1, reply
        item = item_of(reply, emotion, topic, lang)
        assert item is not None, f"no {emotion}/{topic} item in: {reply}"
        replies.add(reply)
        items.add(item)
    assert len(replies) >= 3  # varied across seeds
    assert len(items) >= 2


def test_library_is_complete_and_bilingual():
    for emotion in EMOTIONS:
        for section in ("openers", "free", *TOPICS):
            pairs = LIBRARY[emotion][section]
            assert len(pairs) >= 3, (emotion, section)
            for english, korean in pairs:
                assert english.strip() and korean.strip()
                assert not HANGUL.search(english) or "(" in english, english
                assert hangul_ratio(korean) > 0.5, korean
    for topic in TOPICS:
        assert len(CLOSERS[topic]) >= 3


def test_library_avoids_harmful_suggestions():
    text = " ".join(p[0] + " " + p[1] for e in LIBRARY.values() for v in e.values() for p in v)
    for word in ("alcohol", "beer", "wine", "soju", "whisky", "vodka", "cigarette", "소주", "맥주"):
        assert word not in text.lower(), word


# -- topic matching --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, topic",
    [
        ("What should I eat tonight?", "food"),
        ("any snack ideas", "food"),
        ("Where should I go this weekend? A short trip maybe", "travel"),
        ("recommend a workout", "exercise"),
        ("I want to go for a run", "exercise"),
        ("any songs for me?", "music"),
        ("Got a playlist?", "music"),
        ("What should I watch on Netflix?", "movie"),
        ("a good film please", "movie"),
        ("why do I feel like this", "cause"),
        ("give me a quote", "phrase"),
        ("do you feel the same?", "empathy"),
        ("can you relate?", "empathy"),
        ("I need advice", "needs"),
        ("뭐 먹을까?", "food"),
        ("맛있는 음식을 추천해 줘", "food"),
        ("배고픈데 뭐가 좋을까", "food"),
        ("여행을 가고 싶어요", "travel"),
        ("주말에 가볼만한 곳", "travel"),
        ("운동을 해야 할까?", "exercise"),
        ("산책이라도 할까", "exercise"),
        ("노래 좀 추천해줘", "music"),
        ("음악을 듣고 싶어", "music"),
        ("영화를 보고 싶어", "movie"),
        ("넷플릭스에서 볼 만한 거", "movie"),
        ("왜 이렇게 기분이 이상하지", "cause"),
        ("이유가 뭘까", "cause"),
        ("좋은 명언 하나만", "phrase"),
        ("힘이 되는 한마디 해 줘", "phrase"),
        ("너도 이런 기분 알아?", "empathy"),
        ("내 마음 이해해?", "empathy"),
        ("나 지금 뭐가 필요할까", "needs"),
        ("어떻게 해야 할지 모르겠어", "needs"),
        ("hello", None),
        ("오늘 회사에서 있었던 일", None),
    ],
)
def test_topic_matching_in_both_languages(text, topic):
    assert match_topic(text) == topic


@pytest.mark.parametrize("prompt", ADDITIONAL_PROMPTS_KO)
def test_korean_follow_ups_match_with_particles_and_spacing(prompt):
    expected = match_topic(prompt)
    assert expected is not None
    assert match_topic(prompt.replace(" ", "")) == expected
    assert match_topic(prompt.replace(" ", "  ")) == expected


@pytest.mark.parametrize(
    "text, emotion",
    [
        ("I'm actually really sad", "sad"),
        ("I'm so anxious about tomorrow", "fear"),
        ("I'm not sad, I'm happy", "happy"),
        ("I don't feel angry", None),
        ("play me a sad song", None),
        ("I'm feeling surprise now.", "surprise"),
        ("I'm feeling disgust now.", "disgust"),
        ("사실 좀 슬퍼요", "sad"),
        ("너무 화가 나요", "angry"),
        ("불안해서 잠이 안 와", "fear"),
        ("안 슬퍼", None),
        ("슬프지 않아", None),
        ("신나는 노래 추천해줘", None),
        ("영화나 음악 추천해줘", None),
        ("기분이 좋아요!", "happy"),
        ("지금 깜짝 놀랐어요.", "surprise"),
    ],
)
def test_emotion_in_the_users_words(text, emotion):
    assert emotion_in_text(text) == emotion


def test_small_talk():
    assert small_talk("hi!") == "greeting"
    assert small_talk("안녕하세요") == "greeting"
    assert small_talk("thanks a lot") == "thanks"
    assert small_talk("고마워요") == "thanks"
    assert small_talk("hi, can you tell me about a long list of things I should do") is None


# -- behaviour -------------------------------------------------------------------------


def test_message_language_wins_over_ui_language():
    responder = OfflineResponder(random.Random(1))
    korean = responder.reply(
        Turn(user("노래 추천해 줘"), emotion="happy", confidence=0.9, lang="en")
    )
    assert hangul_ratio(korean) > 0.6
    english = responder.reply(
        Turn(user("recommend a song"), emotion="happy", confidence=0.9, lang="ko")
    )
    assert hangul_ratio(english) < 0.1
    neutral = responder.reply(Turn(user("??"), emotion="happy", confidence=0.9, lang="ko"))
    assert hangul_ratio(neutral) > 0.6


def test_users_words_win_over_the_camera():
    reply = OfflineResponder(random.Random(2)).reply(
        Turn(
            user("Honestly I'm sad. Recommend a movie"), emotion="happy", confidence=0.95, lang="en"
        )
    )
    assert item_of(reply, "sad", "movie", "en")
    assert "camera guessed" in reply and "sad" in reply


def test_low_confidence_first_reply_says_so():
    reply = OfflineResponder(random.Random(2)).reply(
        Turn(user("hello there friend, how are you"), emotion="fear", confidence=0.2, lang="en")
    )
    assert "isn't very sure" in reply


def test_no_face_falls_back_to_neutral():
    reply = OfflineResponder(random.Random(2)).reply(
        Turn(user("recommend some music"), emotion=None, confidence=None, lang="en")
    )
    assert item_of(reply, "neutral", "music", "en")


def test_greeting_and_thanks():
    responder = OfflineResponder(random.Random(3))
    hello = responder.reply(Turn(user("안녕!"), emotion="happy", confidence=0.8, lang="ko"))
    assert "행복" in hello and "{label}" not in hello
    thanks = responder.reply(Turn(user("thanks!"), emotion="happy", confidence=0.8, lang="en"))
    assert "welcome" in thanks or "Glad" in thanks


def test_free_text_gets_a_caring_reply_not_an_echo():
    text = "today my team lead yelled at me in front of everyone"
    reply = OfflineResponder(random.Random(4)).reply(
        Turn(user(text), emotion="angry", confidence=0.9, lang="en")
    )
    index = 0
    assert any(pair[index] in reply for pair in LIBRARY["angry"]["free"])
    assert text not in reply


def test_empty_history_does_not_crash():
    assert compose_reply(Turn([], emotion="sad", confidence=0.5, lang="ko"), rng=random.Random(1))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("topic", ["music", "movie", "food"])
def test_same_item_never_twice_in_a_row(topic, lang):
    responder = OfflineResponder(random.Random(11))
    history: list[Utterance] = []
    previous = None
    for turn in range(15):
        history.append(Utterance("user", prompt_for_topic("sad", topic, lang)))
        reply = responder.reply(Turn(history, emotion="sad", confidence=0.9, lang=lang))
        item = item_of(reply, "sad", topic, lang)
        assert item is not None
        assert item != previous, f"turn {turn} repeated {item}"
        previous = item
        history.append(Utterance("assistant", reply))


def test_items_cycle_through_the_library_before_repeating():
    responder = OfflineResponder(random.Random(5))
    history: list[Utterance] = []
    seen = []
    for _ in range(3):
        history.append(Utterance("user", "recommend a movie"))
        reply = responder.reply(Turn(history, emotion="happy", confidence=0.9, lang="en"))
        seen.append(item_of(reply, "happy", "movie", "en"))
        history.append(Utterance("assistant", reply))
    assert len(set(seen)) == 3


def test_dict_messages_are_accepted():
    reply = OfflineResponder(random.Random(1)).reply(
        Turn(
            [{"role": "user", "content": "recommend a song"}],
            emotion="sad",
            confidence=0.9,
            lang="en",
        )
    )
    assert item_of(reply, "sad", "music", "en")


# -- streaming -------------------------------------------------------------------------


def test_stream_yields_small_chunks_that_join_to_the_reply():
    messages = user("Please recommend a movie that makes me feel better")
    full = OfflineResponder(random.Random(9)).reply(
        Turn(messages, emotion="sad", confidence=0.9, lang="en")
    )
    chunks = list(
        OfflineResponder(random.Random(9)).stream(
            Turn(messages, emotion="sad", confidence=0.9, lang="en")
        )
    )
    assert "".join(chunks) == full
    assert len(chunks) > 10
    assert max(len(c.strip()) for c in chunks) < 40
    assert chunk_text("a  b\n\nc") == ["a  ", "b\n\n", "c"]


def test_first_chunk_under_50_ms_for_every_combination():
    timings = []
    long_history = [
        Utterance("user" if i % 2 == 0 else "assistant", "words " * 200) for i in range(199)
    ]
    for lang in LANGS:
        for emotion in EMOTIONS:
            for topic in TOPICS:
                messages = [
                    *long_history,
                    Utterance("user", prompt_for_topic(emotion, topic, lang)),
                ]
                responder = OfflineResponder(random.Random(1))
                started = time.perf_counter()
                next(responder.stream(Turn(messages, emotion=emotion, confidence=0.8, lang=lang)))
                timings.append(time.perf_counter() - started)
    assert max(timings) < 0.050, f"slowest first chunk {max(timings) * 1000:.1f} ms"
    assert statistics.median(timings) < 0.005


def test_optional_delay_keeps_the_first_chunk_immediate():
    responder = OfflineResponder(random.Random(1), delay_s=0.01)
    started = time.perf_counter()
    chunks = responder.stream(
        Turn(user("recommend a song"), emotion="happy", confidence=1, lang="en")
    )
    next(chunks)
    first = time.perf_counter() - started
    rest = list(chunks)
    total = time.perf_counter() - started
    assert first < 0.05
    assert total >= 0.01 * len(rest) * 0.9


@pytest.mark.parametrize("lang, number", [("ko", "109"), ("en", "988")])
def test_crisis_turn_gets_the_fixed_careful_message(lang, number):
    text = "죽고 싶어" if lang == "ko" else "I want to end my life"
    backend = make_backend(ChatConfig())
    reply = respond(backend, Turn(user(text), emotion="sad", confidence=0.9, lang="ko"))
    assert reply.crisis and reply.backend == "offline"
    body = "".join(reply.chunks)
    assert number in body
    for topic in ("movie", "music", "food"):
        assert item_of(body, "sad", topic, lang) is None  # no advice
    assert reply.resources and any(number in r.contact for r in reply.resources)


def test_offline_is_the_default_backend():
    backend = make_backend(ChatConfig(api_key="  ", base_url=""))
    assert isinstance(backend, OfflineResponder)
    assert backend.name == "offline"
    assert backend.moderate("anything") is None
    reply = respond(
        backend, Turn(user("recommend a song"), emotion="happy", confidence=0.8, lang="en")
    )
    assert not reply.crisis and "".join(reply.chunks)
