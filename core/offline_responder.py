"""The offline responder: useful, varied replies without any language model.

It is the default chat backend when no API key or base URL is configured. For the
latest user message it

1. picks the reply language: the message's script (Hangul or Latin), else the UI
   language;
2. picks the emotion: one the user names in their own words ("I'm actually sad",
   "좀 불안해요") wins over the camera's reading, which wins over "neutral";
3. matches a topic (food, travel, exercise, music, movie, cause, phrase, empathy,
   needs) from keywords in both languages (Korean matched without spaces, so
   particles and spacing don't matter), else recognises a greeting or thanks,
   else answers the free text for the emotion;
4. composes opener + a concrete item from :mod:`core.offline_library` + a follow-up,
   never reusing an item or opener that appears in the last few assistant messages.

:meth:`OfflineResponder.stream` yields the reply in word-sized chunks, like a
model; the first chunk is ready in well under a millisecond.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterator, Sequence
from typing import Final

from core.chat_turn import Turn
from core.emotions import EMOTIONS, with_emoji
from core.offline_library import (
    CLOSERS,
    GREETINGS,
    LIBRARY,
    LOW_CONFIDENCE,
    THANKS,
    WORDS_OVER_CAMERA,
    Pair,
)
from core.prompts import TOPICS, detect_language, normalize_confidence
from core.safety import crisis_message, crisis_resources

OFFLINE_NAME: Final[str] = "offline"
_RECENT_ASSISTANT = 3  # how many past replies to check for repeats

# -- topic matching --------------------------------------------------------------------

_W = 2  # weight of topic-specific words; generic "needs" words weigh 1


def _en(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b")


_EN_TOPICS: Final[dict[str, tuple[int, re.Pattern[str]]]] = {
    "food": (
        _W,
        _en(
            r"food|foods|eat|eating|meal|meals|snacks?|dish|dishes|recipes?|cook|cooking|"
            r"hungry|dinner|lunch|breakfast|drinks?|desserts?|cuisine|restaurants?"
        ),
    ),
    "travel": (
        _W,
        _en(
            r"travel|travell?ing|trips?|destinations?|vacation|holidays?|getaway|journey|"
            r"visit|sightseeing|places? to go|where (?:should|can|could) i go"
        ),
    ),
    "exercise": (
        _W,
        _en(
            r"exercises?|workouts?|work out|sports?|run|running|jog|jogging|walk|walking|"
            r"yoga|stretch|stretching|gym|fitness|breathing|move my body"
        ),
    ),
    "music": (
        _W,
        _en(r"music|songs?|playlists?|listen|listening|tunes?|albums?|singers?|bands?|tracks?"),
    ),
    "movie": (
        _W,
        _en(r"movies?|films?|cinema|watch|series|netflix|animation|documentar(?:y|ies)"),
    ),
    "cause": (
        _W,
        _en(r"why|cause|causes|reasons?|because|what made me|source of"),
    ),
    "phrase": (
        _W,
        _en(
            r"phrases?|quotes?|quotation|sayings?|proverbs?|mantra|affirmations?|motto|"
            r"words of"
        ),
    ),
    "empathy": (
        _W,
        _en(
            r"same way|feel the same|do you feel|are you feeling|understand|do you get it|"
            r"have you ever felt|can you relate|relate to|know what it'?s like"
        ),
    ),
    "needs": (
        1,
        _en(r"need|needs|what should i do|what can i do|help me|advice|tips?|suggestions?"),
    ),
}

_KO_TOPICS: Final[dict[str, tuple[int, re.Pattern[str]]]] = {
    "food": (
        _W,
        re.compile(
            r"음식|먹(?:을|고|으|는|어|자|기|지)|배고|밥|요리|간식|메뉴|맛집|디저트|레시피|야식|"
            r"식사|마실|음료"
        ),
    ),
    "travel": (
        _W,
        re.compile(r"여행|놀러|휴가|나들이|가볼만한|갈만한|가볼곳|갈곳|떠나볼|드라이브|관광"),
    ),
    "exercise": (
        _W,
        re.compile(r"운동|스트레칭|요가|산책|걷기|달리기|조깅|헬스|체조|호흡|몸을움직|땀흘"),
    ),
    "music": (
        _W,
        re.compile(r"음악|노래|플레이리스트|들을만한|듣기좋은|가수|앨범|곡추천|한곡"),
    ),
    "movie": (
        _W,
        re.compile(r"영화|드라마|(?<!가)볼만한|넷플릭스|애니|시리즈|다큐"),
    ),
    "cause": (_W, re.compile(r"이유|원인|왜|때문")),
    "phrase": (
        _W,
        re.compile(r"글귀|명언|문구|한마디|좋은말|격언|속담|위로의말|응원의말|문장"),
    ),
    "empathy": (
        _W,
        re.compile(
            r"같은기분|같은마음|이해해|이해하|이해돼|공감|너도|당신도|느껴봤|느낀적|어떤건지알"
        ),
    ),
    "needs": (
        1,
        re.compile(r"필요|어떻게해야|뭘해야|뭐해야|뭘하면|어떡|어쩌지|도와|도움|조언|방법|팁"),
    ),
}

_NOT_KO = re.compile(r"[^0-9a-z\uac00-\ud7a3]+")
_SPACES = re.compile(r"\s+")


def _forms(text: str) -> tuple[str, str]:
    lowered = text.casefold().replace("\u2019", "'")
    return f" {_SPACES.sub(' ', lowered)} ", _NOT_KO.sub("", lowered)


def match_topic(text: str) -> str | None:
    """The topic a message asks about, or None for free text.

    Keywords in both languages are scored (topic words 2, generic "what do I need"
    words 1); ties go to the earlier topic in :data:`core.prompts.TOPICS`.
    """
    english, compact = _forms(text)
    best: str | None = None
    best_score = 0
    for topic in TOPICS:
        weight_en, pattern_en = _EN_TOPICS[topic]
        weight_ko, pattern_ko = _KO_TOPICS[topic]
        score = weight_en * len(pattern_en.findall(english))
        score += weight_ko * len(pattern_ko.findall(compact))
        if score > best_score:
            best, best_score = topic, score
    return best


# -- the emotion the user names ---------------------------------------------------------

_EN_EMOTIONS: Final[dict[str, str]] = {
    "angry": r"angry|mad|furious|annoyed|irritated|frustrated|pissed off|livid|fuming",
    "disgust": r"disgust|disgusted|grossed out|sickened|repulsed|nauseous|nauseated",
    "fear": r"fear|scared|afraid|anxious|nervous|worried|frightened|terrified|panicking|"
    r"panicky|fearful",
    "happy": r"happy|glad|joyful|excited|cheerful|delighted|thrilled|in a good mood",
    "sad": r"sad|depressed|unhappy|lonely|upset|heartbroken|miserable|gloomy|"
    r"feeling down|feel down|feeling low|feeling blue",
    "surprise": r"surprise|surprised|shocked|amazed|astonished|stunned|startled",
    "neutral": r"neutral|calm|relaxed|peaceful|meh|so-so|i'?m fine|i'?m okay|i'?m ok",
}
_EN_EMOTION_RE: Final[re.Pattern[str]] = re.compile(
    "|".join(rf"(?P<{e}>\b(?:{p})\b)" for e, p in _EN_EMOTIONS.items())
)
# "a sad song", "a scary movie": the word describes the thing asked for, not the user.
_EN_THING_AFTER = re.compile(
    r"\s+(?:songs?|music|movies?|films?|story|stories|books?|places?|food|ending|playlist)\b"
)
_EN_NEGATION = re.compile(r"(?:\bnot|n't|\bnever|\bno longer|\bnor)\s+(?:\w+\s+)?$")

_KO_EMOTIONS: Final[dict[str, str]] = {
    "angry": r"(?<![영전동만대])화(?:가)?나(?:요|서|네|고|다|$|는일|잖)|화났|"
    r"짜증(?:나|이나|내|난다)|열받|빡(?:쳐|치|친다)|분노|억울(?:해|하다|하고|했)|약올라",
    "disgust": r"역겨(?:워|웠)|역겹(?:다|고|네)|불쾌(?:해|하다|하고|했)|징그러(?:워|웠)|"
    r"징그럽(?:다|고)|구역질|메스꺼|토할것같|혐오스러",
    "fear": r"무서(?:워|웠)|무섭(?:다|고|네)|두려(?:워|웠)|두렵(?:다|고|네)|"
    r"불안(?:해|하다|하고|하네|했)|걱정(?:돼|되|이돼|이되|스러)|겁(?:나|이나)|긴장(?:돼|되|해)|초조(?:해|하다)",
    "happy": r"행복(?:해|하다|하고|하네|했)|기뻐|기쁘(?:다|고|네)|신나(?:요|서|네|고|다|$)|신난다|"
    r"기분(?:이)?좋(?:아|다|네|고|음)|즐거워|즐겁(?:다|고|네)|설레(?:요|서|네|고|다|$)|설렌다",
    "sad": r"슬퍼|슬프(?:다|고|네)|우울(?:해|하다|하고|하네|했)|외로워|외롭(?:다|고|네)|"
    r"속상(?:해|하다|하고|하네|했)|서운(?:해|하다|했)|울적|눈물(?:이)?나|울고싶",
    "surprise": r"놀라(?:요|서|워|웠|$)|놀랐|깜짝|당황(?:했|스러|해)|어이없",
    "neutral": r"평온(?:해|하다|하고|하네)|담담(?:해|하다)|무덤덤|그저그래|그냥그래|그럭저럭",
}
_KO_EMOTION_RE: Final[re.Pattern[str]] = re.compile(
    "|".join(f"(?P<{e}>{p})" for e, p in _KO_EMOTIONS.items())
)
_KO_NEGATED_AFTER = re.compile(r"^(?:지|진|지는|지도)않")


def emotion_in_text(text: str) -> str | None:
    """The emotion the user says they feel ("I'm so anxious", "좀 슬퍼요"), if any.

    The last mention wins; negated mentions ("not sad", "안 슬퍼") and words that
    describe a requested thing ("a sad song") are ignored.
    """
    english, compact = _forms(text)
    found: list[tuple[float, str]] = []
    for match in _EN_EMOTION_RE.finditer(english):
        if _EN_THING_AFTER.match(english, match.end()):
            continue
        if _EN_NEGATION.search(english[: match.start()]):
            continue
        found.append((match.start() / max(len(english), 1), str(match.lastgroup)))
    for match in _KO_EMOTION_RE.finditer(compact):
        before = compact[max(0, match.start() - 1) : match.start()]
        if before in ("안", "못") or _KO_NEGATED_AFTER.match(compact[match.end() :]):
            continue
        found.append((match.start() / max(len(compact), 1), str(match.lastgroup)))
    return max(found)[1] if found else None


# -- small talk ------------------------------------------------------------------------

_GREETING_EN = re.compile(r"^\s*(?:hi|hello|hey|hiya|yo|good (?:morning|afternoon|evening))\b")
_GREETING_KO = re.compile(r"^(?:안녕|반가워|반갑|하이|헬로)")
_THANKS = re.compile(r"\b(?:thanks|thank you|thx|ty|appreciate it)\b|고마워|고맙|감사")


def small_talk(text: str) -> str | None:
    """ "greeting", "thanks" or None for short social messages."""
    english, compact = _forms(text)
    if len(compact) <= 40 and _THANKS.search(english + compact):
        return "thanks"
    if len(compact) <= 25 and (_GREETING_EN.match(english) or _GREETING_KO.match(compact)):
        return "greeting"
    return None


# -- composing -------------------------------------------------------------------------


def _pick(rng: random.Random, pool: Sequence[Pair], index: int, recent: Sequence[str]) -> str:
    """A random item whose text is not in the recent replies (else not in the last one)."""
    fresh = [p for p in pool if not any(p[index] in r for r in recent)]
    if not fresh and recent:
        fresh = [p for p in pool if p[index] not in recent[-1]]
    return rng.choice(fresh or list(pool))[index]


def compose_reply(turn: Turn, rng: random.Random | None = None) -> str:
    """The full offline reply to the latest user message of a (non-crisis) turn."""
    rng = rng or random.Random()  # noqa: S311 - variety, not security
    recent = [m.content for m in turn.history if m.role == "assistant"][-_RECENT_ASSISTANT:]
    latest = turn.latest
    reply_lang = detect_language(latest, turn.lang if turn.lang in ("ko", "en") else "ko")
    index = 1 if reply_lang == "ko" else 0

    camera = turn.emotion if turn.emotion in EMOTIONS else None
    said = emotion_in_text(latest)
    effective = said or camera or "neutral"
    content = LIBRARY[effective]

    notes: list[str] = []
    if said and camera and said != camera:
        notes.append(
            WORDS_OVER_CAMERA[index].format(
                camera=with_emoji(camera, reply_lang), user=with_emoji(said, reply_lang)
            )
        )
    elif camera and not recent:
        value = normalize_confidence(turn.confidence)
        if value is not None and value < 0.4:
            notes.append(LOW_CONFIDENCE[index])

    topic = match_topic(latest)
    if topic is not None:
        opener = _pick(rng, content["openers"], index, recent)
        item = _pick(rng, content[topic], index, recent)
        closer = _pick(rng, CLOSERS[topic], index, recent)
        body = f"{opener}\n\n{item}\n\n{closer}"
    else:
        kind = small_talk(latest)
        if kind == "thanks":
            body = _pick(rng, THANKS, index, recent)
        elif kind == "greeting":
            body = _pick(rng, GREETINGS, index, recent).format(
                label=with_emoji(effective, reply_lang)
            )
        else:
            body = _pick(rng, content["free"], index, recent)
    return "\n\n".join([*notes, body])


_CHUNK = re.compile(r"\S+\s*|\s+")


def chunk_text(text: str) -> list[str]:
    """Word-sized pieces (each with its trailing whitespace) that join back to text."""
    return _CHUNK.findall(text)


class OfflineResponder:
    """Chat backend without a model (see the module docstring)."""

    name = OFFLINE_NAME

    def __init__(self, rng: random.Random | None = None, *, delay_s: float = 0.0) -> None:
        self.rng = rng or random.Random()  # noqa: S311 - variety, not security
        self.delay_s = delay_s  # optional pause between chunks, for visible streaming

    def reply(self, turn: Turn) -> str:
        """The whole reply to ``turn``: in a crisis turn the fixed careful message with
        its contacts (the defaults for the message's language when it names none)."""
        if turn.crisis:
            reply_lang = detect_language(turn.latest, turn.lang)
            listed = turn.resources if turn.resources is not None else crisis_resources(reply_lang)
            return crisis_message(reply_lang, listed)
        return compose_reply(turn, rng=self.rng)

    def stream(self, turn: Turn) -> Iterator[str]:
        """The reply to ``turn`` in word-sized chunks, like a model's stream."""
        return self._chunks(self.reply(turn))

    def _chunks(self, text: str) -> Iterator[str]:
        for position, piece in enumerate(chunk_text(text)):
            if position and self.delay_s > 0:
                time.sleep(self.delay_s)
            yield piece

    def moderate(self, text: str) -> bool | None:
        """No provider to ask offline: the keyword layer alone decides."""
        return None
