"""Crisis layer: phrases in both languages, idioms that must not trigger, resources."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.i18n import catalog, t
from core.i18n import chat as chat_strings
from core.i18n import safety as safety_strings
from core.safety import (
    DEFAULT_CRISIS_RESOURCES,
    CrisisResource,
    SafetyResult,
    ai_notice,
    assess,
    crisis_message,
    crisis_resources,
    format_resources,
    keyword_matches,
    self_harm_flagged,
)

CRISIS_KO = [
    "죽고 싶어",
    "죽고싶다",
    "죽고 싶다",
    "진짜 죽고싶어요",
    "요즘 너무 힘들어서 죽고 싶은 생각이 들어",
    "죽.고.싶.어",
    "자살",
    "자살하고 싶어",
    "자 살 할까",
    "자해를 했어",
    "요즘 자해하고 싶어",
    "살기 싫어",
    "살기싫다",
    "힘들어서 살기 싫어요",
    "더 이상 살고 싶지 않아",
    "사는 게 싫어",
    "살 이유가 없어",
    "살아서 뭐해",
    "그냥 사라지고 싶어",
    "내가 없어졌으면 좋겠어",
    "차라리 죽는 게 나아",
    "그냥 죽어야겠다",
    "인생 끝내고 싶다",
    "삶을 포기하고 싶어",
    "목숨을 끊고 싶어",
    "스스로 목숨을 끊을까",
    "극단적 선택을 하고 싶어",
    "손목을 긋고 싶어",
    "옥상에서 뛰어내리고 싶어",
    "뛰어내리고 싶다",
    "수면제를 다 먹을까",
    "약을 한꺼번에 먹으면 어떻게 돼",
    "편하게 죽는 방법 알려줘",
    "태어나지 말았어야 했어",
    "나 같은 건 없어져야 해",
    "세상을 떠나고 싶어",
    "한강 수온 몇 도야",
]
CRISIS_EN = [
    "I want to kill myself",
    "i'm going to kill myself",
    "I KEEP THINKING ABOUT KILLING MYSELF",
    "I want to end my life",
    "thinking of ending my life",
    "I want to take my own life",
    "I just want to end it all",
    "I don't want to live anymore",
    "I dont want to live",
    "I do not want to be alive",
    "I don't want to live like this anymore",
    "I want to die",
    "i just wanna die",
    "I wish I was dead",
    "everyone would be better off without me",
    "I wish I had never been born",
    "there's no reason to live",
    "life isn't worth living",
    "I've been self-harming again",
    "self harm",
    "I want to hurt myself",
    "I've been cutting myself",
    "I cut myself on purpose",
    "I feel suicidal",
    "suicide",
    "I'm thinking about suicide",
    "I'm going to jump off a bridge",
    "I took all my pills",
    "I want to unalive myself",
    "I wish I could go to sleep and never wake up",
    "I want to disappear forever",
    "I can't go on living",
    "I don\u2019t want to live anymore",  # typographic apostrophe
    "ｋｉｌｌ ｍｙｓｅｌｆ",  # full-width letters
    "kill\u200bmyself",  # zero-width space
    "end   my\n life",
]
NEAR_MISSES_EN = [
    "this heat is killing me",
    "I could kill for a pizza",
    "killer app",
    "you killed it on stage!",
    "the suspense is killing me",
    "I'm dying to see that movie",
    "I nearly died laughing",
    "I'd die for a coffee right now",
    "my phone died",
    "I want to die my hair blue",
    "I want to die of embarrassment",
    "dead tired",
    "drop-dead gorgeous",
    "that was career suicide",
    "Suicide Squad was a fun movie",
    "I don't want to live in Seoul",
    "I don't want to live with my parents",
    "I hurt myself playing football",
    "I cut myself while cooking",
    "don't shoot yourself in the foot",
    "I'll shoot myself in the foot if I skip this",
    "kill the lights please",
    "my boss will kill me",
    "we're all going to die someday",
    "at the end of my life I want to look back happily",
    "that game was a suicide mission",
    "how do I take my life savings out of the bank",
]
NEAR_MISSES_KO = [
    "죽을 만큼 맛있어",
    "배고파 죽겠다",
    "더워 죽겠네",
    "웃겨 죽는 줄 알았어",
    "피곤해 죽겠어",
    "보고 싶어 죽겠다",
    "죽여주는 맛이야",
    "죽을 뻔했어 진짜",
    "죽고 싶지 않아",
    "안 죽고 싶어",
    "서울에 살기 싫어",
    "여기 살고 싶지 않아",
    "이 동네 살기 싫다",
    "자살골 넣었어 ㅋㅋ",
    "자해공갈단 뉴스 봤어",
    "모기는 죽어야 해",
    "이런 일이 세상에 없었으면 좋겠다",
    "이 여드름이 없어졌으면 좋겠어",
    "스트레스가 사라졌으면 좋겠다",
    "일을 다 끝내고 싶어",
    "한강 가서 치킨 먹고 싶다",
    "돈에 목매는 사람들",
    "죽고 싶을 만큼 맛있어",
    "감기약을 다 먹었어",
]


@pytest.mark.parametrize("text", CRISIS_KO)
def test_korean_crisis_phrases(text):
    result = assess(text, "ko")
    assert result.crisis, text
    assert result.source == "keyword" and result.matched
    assert result.lang == "ko"


@pytest.mark.parametrize("text", CRISIS_EN)
def test_english_crisis_phrases(text):
    result = assess(text, "ko")
    assert result.crisis, text
    assert result.lang == "en"


@pytest.mark.parametrize("text", NEAR_MISSES_EN + NEAR_MISSES_KO)
def test_idioms_and_near_misses_are_not_crises(text):
    assert keyword_matches(text) == (), text
    assert not assess(text, "en").crisis


def test_crisis_inside_a_longer_message():
    text = "오늘 회사에서 또 혼났어. 다 내 잘못 같고, 솔직히 요즘은 그냥 죽고싶다는 생각만 들어."
    assert assess(text, "ko").crisis
    text = "Work was awful again and honestly I don't want to be alive anymore."
    assert assess(text, "en").crisis


def test_language_of_the_result_follows_the_message_then_the_ui():
    assert assess("죽고 싶어", "en").lang == "ko"
    assert assess("I want to die", "ko").lang == "en"
    assert assess("...", "en").lang == "en"
    assert assess("...", "xx").lang == "ko"


# -- moderation ----------------------------------------------------------------------


def test_moderation_flags_when_keywords_do_not():
    result = assess("something the keywords miss", "en", moderate=lambda text: True)
    assert result == SafetyResult(True, "en", "moderation", ("moderation",))


@pytest.mark.parametrize("verdict", [False, None])
def test_moderation_not_flagging(verdict):
    assert not assess("hello", "en", moderate=lambda text: verdict).crisis


def test_moderation_failure_never_blocks_and_keywords_still_apply():
    def broken(text: str) -> bool:
        raise RuntimeError("moderation down")

    assert not assess("hello", "en", moderate=broken).crisis
    assert assess("I want to kill myself", "en", moderate=broken).crisis


def test_moderation_not_asked_when_keywords_matched_or_text_empty():
    calls: list[str] = []

    def spy(text: str) -> bool:
        calls.append(text)
        return False

    assess("자살", "ko", moderate=spy)
    assess("   ", "ko", moderate=spy)
    assert calls == []


def test_self_harm_flagged_reads_mappings_and_attributes():
    def response(categories: object) -> SimpleNamespace:
        return SimpleNamespace(results=[SimpleNamespace(flagged=True, categories=categories)])

    assert self_harm_flagged(response({"self-harm/intent": True, "violence": False}))
    assert self_harm_flagged(response({"self-harm/instructions": True}))
    assert not self_harm_flagged(response({"violence": True, "self-harm": False}))
    assert self_harm_flagged(response(SimpleNamespace(self_harm=True)))
    assert not self_harm_flagged(response(SimpleNamespace(violence=True)))
    assert not self_harm_flagged(SimpleNamespace(results=[]))
    assert not self_harm_flagged(None)


# -- robustness ------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(["ko", "en", "fr", ""]))
def test_assess_never_raises_on_arbitrary_unicode(text, lang):
    result = assess(text, lang)
    assert isinstance(result, SafetyResult)
    assert result.lang in ("ko", "en")
    assert result.crisis == bool(result.matched)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3) | st.just(" ")))
def test_assess_never_raises_on_hangul_soup(text):
    assess(text, "ko")


def test_assess_accepts_non_strings():
    assert not assess(None, "ko").crisis  # type: ignore[arg-type]
    assert not assess(12345, "ko").crisis  # type: ignore[arg-type]


def test_very_long_message_is_fast():
    import time

    text = ("배고파 죽겠다 this heat is killing me " * 5000) + " 죽고 싶어"
    started = time.perf_counter()
    assert assess(text, "ko").crisis
    assert time.perf_counter() - started < 1.0


# -- resources and messages --------------------------------------------------------------


def test_default_resources():
    ko = crisis_resources("ko")
    assert any("109" in r.contact for r in ko)
    assert any("24" in r.hours for r in ko)
    en = crisis_resources("en")
    assert any("988" in r.contact and "text" in r.contact for r in en)
    assert crisis_resources("fr") == DEFAULT_CRISIS_RESOURCES["en"]


def test_resources_override_per_language():
    overrides = {
        "ko": [
            {"name": "정신건강위기상담", "phone": "1577-0199", "hours": "24시간"},
            {"name": "broken entry"},
            "not a mapping",
        ],
        "en": [],
    }
    ko = crisis_resources("ko", overrides)
    assert ko == (CrisisResource("정신건강위기상담", "1577-0199", "24시간"),)
    assert crisis_resources("en", overrides) == DEFAULT_CRISIS_RESOURCES["en"]
    assert crisis_resources("ko", {"ko": [{"oops": 1}]}) == DEFAULT_CRISIS_RESOURCES["ko"]
    assert crisis_resources("ko", {"ko": None}) == DEFAULT_CRISIS_RESOURCES["ko"]
    assert crisis_resources("ko", "nonsense") == DEFAULT_CRISIS_RESOURCES["ko"]  # type: ignore[arg-type]


def test_resource_text_forms():
    resource = CrisisResource("Line", "call 1", "24/7", "https://example.org")
    assert str(resource) == "Line: call 1 (24/7) - https://example.org"
    assert format_resources([resource]) == "- **Line**: call 1 (24/7) · https://example.org"


@pytest.mark.parametrize("lang, number", [("ko", "109"), ("en", "988")])
def test_crisis_message_points_to_help(lang, number):
    message = crisis_message(lang)
    assert number in message
    assert "AI" in message
    assert message.rstrip().endswith("?")  # asks whether they are safe
    assert "{resources}" not in message


def test_crisis_message_uses_given_resources():
    message = crisis_message("en", [CrisisResource("Campus line", "555-0100")])
    assert "Campus line" in message and "988" not in message.split("Campus line")[0][-50:]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_ai_notice(lang):
    notice = ai_notice(lang)
    assert "AI" in notice
    assert notice != "safety.ai_notice"


def test_i18n_keys_are_prefixed_and_bilingual():
    for module, prefix in ((chat_strings, "chat."), (safety_strings, "safety.")):
        for key, entry in module.STRINGS.items():
            assert key.startswith(prefix), key
            assert entry.get("ko") and entry.get("en"), key
    merged = catalog()
    assert "chat.error.auth" in merged and "safety.crisis_message" in merged
    assert t("chat.backend_model", "en", model="m") == "Answered by m"
