"""Crisis layer: spot messages that suggest suicide or self-harm, and point to help.

:func:`assess` runs a keyword/phrase layer in Korean and English on a normalised
copy of the message (Unicode NFKC, case, apostrophes, zero-width characters; for
Korean also a copy without spaces or punctuation, so "죽고 싶어", "죽고싶다" and
"죽.고.싶.어" are one phrase). The phrases are chosen against idioms that only
sound violent: "this heat is killing me", "I could kill for a pizza", "killer app",
"dying to see it", "죽을 만큼 맛있어", "배고파 죽겠다" (``~해 죽겠다`` is an
intensifier) and the like never match. Optionally the provider's moderation
endpoint is asked too (through a callable, see :func:`assess`); its failures never
block the chat and the keyword layer always applies.

When a message is a crisis, the chat answers with care and points to people who
can help (:func:`crisis_resources`, :func:`crisis_message`) instead of advice.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from core.i18n import t
from core.prompts import detect_language

log = logging.getLogger(__name__)

Moderator = Callable[[str], "bool | None"]

# -- normalisation ---------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_NOT_EN = re.compile(r"[^a-z0-9']+")
_NOT_KO = re.compile(r"[^0-9a-z\uac00-\ud7a3]+")


def _normalise(text: str) -> tuple[tuple[str, ...], str]:
    """(English forms: words separated by single spaces; compact form for Korean).

    Invisible characters are removed ("k\u00adill" is "kill"); a zero-width space
    may also separate words ("kill\u200bmyself"), so there is a second English form
    with it read as a space.
    """
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    removed = _INVISIBLE.sub("", text)
    forms = [removed]
    if "\u200b" in text:
        forms.append(_INVISIBLE.sub("", text.replace("\u200b", " ")))
    english = tuple(" " + _NOT_EN.sub(" ", form).strip() + " " for form in forms)
    return english, _NOT_KO.sub("", removed)


# -- English phrases (matched on " words like this ") -------------------------------------

_ME = r"(?:my ?self|myself)"
_NEG = r"(?:don'?t|do not|dont|doesn'?t|does not|no longer|never)"
_INTENT = (
    r"(?:want(?:s|ed)? to|wanna|wana|going to|gonna|planning to|plan to|trying to|"
    r"try to|thinking (?:about|of)|think about|thought about|feel like|wish i could|"
    r"i'?ll|i will|should|need to|decided to|ready to|urge to|urges to|tempted to)"
)

_EN_PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("kill_myself", rf" kill(?:ing|ed)? {_ME} (?!laughing |with laughter )"),
        (
            "suicide",
            r"(?<!career)(?<!political)(?<!social)(?<!professional)(?<!commercial)"
            r"(?<!electoral)(?<!fashion)(?<!financial)"
            r" suicid(?:e|al|ally) "
            r"(?!squad |squeeze |bomb|door|mission |run |runs |lane |knot )",
        ),
        (
            "end_my_life",
            r" (?:end|ending|take|taking) my (?:own )?life (?!savings |insurance |story )",
        ),
        ("end_it_all", r" (?:end|ending) it all "),
        (
            "not_live",
            rf" {_NEG} (?:want|wanna|wish) (?:to )?(?:be alive|exist|go on living|"
            r"be here anymore|be here any more|be on this earth|live (?!(?:in|with|near|at|"
            r"on|by|here|there|alone|abroad|together|far|close|next|under|without|off|a|an|"
            r"the|my|your|his|her|our|their|that|this|so|for|through|forever) )"
            r"(?!like (?!this |that )))",
        ),
        ("cant_go_on", r" can'?t go on living | cannot go on living "),
        (
            "want_die",
            r" (?:want(?:s|ed)? to|wanna|wana|wish i could|ready to|deserve to|i should) "
            r"(?:just )?die (?!of |from |laughing |with laughter |my |her |his |the |"
            r"a little |inside |happy |old |in peace |someday |one day )",
        ),
        (
            "be_dead",
            r" (?:want(?:s)? to be|wanna be|wish i (?:was|were)|i'?d rather be|"
            r"would rather be|better off) dead ",
        ),
        ("better_without_me", r" better off without me "),
        ("never_born", r" wish i (?:was|were|had) never (?:been )?born "),
        (
            "no_reason_to_live",
            r" no (?:reason|point|will) (?:to|in) (?:live|living|being alive|go on|going on) ",
        ),
        (
            "not_worth_living",
            r" (?:life|living) (?:is|isn'?t|is not|isnt) (?:not )?worth (?:living|it anymore) "
            r"| not worth living ",
        ),
        ("self_harm", r" self ?(?:harm|harming|harmed|injury|injure|injuring|mutilation) "),
        (
            "hurt_myself",
            rf" (?:{_INTENT}|been|keep|kept|started|start) (?:cut|cutting|burn|burning|"
            rf"hurt|hurting|harm|harming|starve|starving|punish|punishing) {_ME} ",
        ),
        (
            "hurt_myself_on_purpose",
            rf" (?:cut|cutting|hurt|hurting|harm|harming|burn|burning) {_ME} "
            r"(?:on purpose|deliberately|intentionally|again) ",
        ),
        ("unalive", rf" unalive {_ME} | unalive me | unaliving "),
        ("hang_myself", rf" hang(?:ing)? {_ME} "),
        ("shoot_myself", rf" shoot(?:ing)? {_ME} (?!in the foot )"),
        (
            "jump_off",
            rf" {_INTENT} (?:jump|throw {_ME}) (?:off|from|in front of) ",
        ),
        (
            "pills",
            r" (?:take|taking|took|swallow|swallowing|swallowed) (?:all|a bunch of|too many|"
            r"a lot of|the whole bottle of) (?:my |the |of my |of the )?(?:pills|sleeping pills) ",
        ),
        ("disappear_forever", r" (?:want to|wanna|wish i could|just) disappear forever "),
        (
            "never_wake_up",
            r" (?:wish i|want to|wanna|hope i) (?:could )?(?:go to sleep and |"
            r"fall asleep and |sleep and )?never wake up ",
        ),
    )
)

# -- Korean phrases (matched on the compact form: no spaces, no punctuation) ---------------

_NOT_PLACE = r"(?<!에)(?<!에서)(?<!여기)(?<!거기)(?<!저기)(?<!이곳)(?<!그곳)(?<!이집)(?<!동네)"

_KO_PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("자살", r"자살(?!골|폭탄|특공|테러|공격)"),
        (
            "죽고싶",
            r"(?<!안)죽고싶(?!지않|진않|지는않|지도않|은생각은없|은마음은없)"
            r"(?!을(?:만큼|정도로)(?:맛있|좋|행복|귀엽|설레|웃기|재밌|예쁘|사랑))",
        ),
        ("죽어버리", r"죽어버리(?:고싶|겠|려고)|죽어버릴(?:까|래|거)"),
        ("죽는게낫", r"죽는(?:게|것이|편이|게더)(?:나아|낫|나을)"),
        ("죽어야", r"(?:내가|난|나는|나같은건|나같은게|그냥|차라리)죽어야(?:겠|할것같|돼|해|하나)"),
        (
            "살기싫",
            _NOT_PLACE + r"(?:살기(?:가)?싫|살고싶지(?:가)?않|살고싶지도않|사는게싫|사는것이싫|"
            r"사는게지겹|살아있기싫|살아있고싶지않|더는못살겠|더이상못살겠)",
        ),
        (
            "살이유없음",
            r"살아갈이유가?없|살이유가?없|살아야할이유(?:가|를)?(?:없|모르)|살아서뭐(?:해|하)|"
            r"살아갈자신이없|살의미가없|사는의미가없|살아갈의미가없",
        ),
        (
            "삶을끝내",
            r"(?:삶|인생|목숨)을(?:끝내|끊|마감하)|(?:삶|인생)을?(?:포기하고싶|포기할래)|"
            r"(?:삶|인생)을?끝내(?:고싶|려고|야겠|버리고|버릴)|생을마감|스스로목숨|"
            r"목숨을?끊|극단적(?:인)?선택",
        ),
        ("자해", r"자해(?!공갈)"),
        ("손목", r"손목(?:을)?(?:긋|그었|그을|그어|자르고|칼)"),
        (
            "뛰어내리",
            r"뛰어내리고싶|뛰어내릴까|뛰어내릴거|(?:옥상|다리|한강|창문|베란다|건물|아파트)에서?뛰어내",
        ),
        ("한강수온", r"한강(?:물)?(?:수온|온도)"),
        (
            "사라지고싶",
            r"(?:사라지|없어지|사라져버리|없어져버리|증발하)고싶|"
            r"(?:내가|나는|난|제가|저는|전|나같은건|나같은게)(?:그냥|차라리|영원히)?"
            r"(?:사라|없어)(?:졌으면|져야|지면좋)",
        ),
        (
            "세상을떠나",
            r"세상을떠나(?:고싶|려고|야겠|버리고)|이세상에서사라지|(?:내가|나는|난|제가|저는|전)이?세상에없었으면",
        ),
        ("목매", r"목을?매(?:달|고싶|고죽|다는생각)"),
        (
            "약을모아",
            r"수면제(?:을|를)?(?:다|왕창|한꺼번에|모아|모아서|통째로)(?:먹|삼키|털어)|"
            r"약(?:을|를)?(?:왕창|한꺼번에|모아서?|통째로|한통)(?:다)?(?:먹|삼키|털어)",
        ),
        (
            "죽는방법",
            r"(?:죽는|죽을수있는|자살하는)(?:방법|법)|(?:편하게|고통없이|안아프게|쉽게)죽",
        ),
        ("태어나지말", r"태어나지(?:말았어야|않았으면|않았더라면|말걸)"),
        ("나같은건", r"나같은(?:건|게|애는|사람은|놈은|년은)(?:없어져|사라져|죽어)"),
    )
)


# -- result ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SafetyResult:
    crisis: bool
    lang: str  # language to answer in: the message's, else the UI language
    source: str | None = None  # "keyword" or "moderation" when crisis
    matched: tuple[str, ...] = ()  # names of the phrases that matched (for logs and tests)


def keyword_matches(text: str) -> tuple[str, ...]:
    """Names of the crisis phrases found in text (empty when none)."""
    english, compact = _normalise(text)
    found = [name for name, pattern in _EN_PATTERNS if any(map(pattern.search, english))]
    found += [name for name, pattern in _KO_PATTERNS if pattern.search(compact)]
    return tuple(found)


def assess(
    text: str | None, lang: str = "ko", *, moderate: Moderator | None = None
) -> SafetyResult:
    """Whether a user message suggests suicide or self-harm. Never raises.

    ``moderate`` is an optional callable (``backend.moderate``) returning True when
    the provider flags self-harm, False when not, None when it could not tell; it is
    only asked when no phrase matched, and any exception from it is ignored.
    """
    text = text if isinstance(text, str) else ""
    reply_lang = "ko"
    try:
        reply_lang = detect_language(text, lang if lang in ("ko", "en") else "ko")
        matched = keyword_matches(text)
    except Exception:  # pragma: no cover - defensive: the chat must never break here
        log.exception("keyword safety check failed")
        matched = ()
    if matched:
        return SafetyResult(True, reply_lang, "keyword", matched)
    if moderate is not None and text.strip():
        try:
            flagged = moderate(text)
        except Exception:
            log.warning("moderation check failed; continuing with the keyword layer only")
            flagged = None
        if flagged:
            return SafetyResult(True, reply_lang, "moderation", ("moderation",))
    return SafetyResult(False, reply_lang)


SELF_HARM_CATEGORIES: Final[tuple[str, ...]] = (
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
)


def self_harm_flagged(moderation_response: Any) -> bool:
    """True when any result of a moderation response has a self-harm category set."""
    for result in getattr(moderation_response, "results", None) or ():
        categories = getattr(result, "categories", None)
        if categories is None:
            continue
        if hasattr(categories, "model_dump"):
            values = categories.model_dump(by_alias=True)
        elif isinstance(categories, Mapping):
            values = dict(categories)
        else:
            values = {}
        if any(values.get(name) for name in SELF_HARM_CATEGORIES):
            return True
        if any(
            getattr(categories, attr, False) is True
            for attr in ("self_harm", "self_harm_intent", "self_harm_instructions")
        ):
            return True
    return False


# -- crisis resources --------------------------------------------------------------------


@dataclass(frozen=True)
class CrisisResource:
    name: str
    contact: str  # what to do: "109", "call or text 988"
    hours: str = ""
    url: str = ""

    def __str__(self) -> str:
        text = f"{self.name}: {self.contact}"
        if self.hours:
            text += f" ({self.hours})"
        if self.url:
            text += f" - {self.url}"
        return text

    def markdown(self) -> str:
        text = f"**{self.name}**: {self.contact}"
        if self.hours:
            text += f" ({self.hours})"
        if self.url:
            text += f" · {self.url}"
        return text


DEFAULT_CRISIS_RESOURCES: Final[dict[str, tuple[CrisisResource, ...]]] = {
    "ko": (CrisisResource("자살예방상담전화", "국번 없이 109", "24시간"),),
    "en": (
        CrisisResource(
            "988 Suicide & Crisis Lifeline (US/Canada)",
            "call or text 988",
            "24/7",
            "https://988lifeline.org",
        ),
        CrisisResource("Korea Suicide Prevention Hotline (자살예방상담전화)", "call 109", "24/7"),
    ),
}

_FIELD_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "name": ("name", "label", "title"),
    "contact": ("contact", "phone", "number", "tel", "text"),
    "hours": ("hours", "available", "note"),
    "url": ("url", "link", "website"),
}


def _parse_resource(entry: object) -> CrisisResource | None:
    if isinstance(entry, CrisisResource):
        return entry
    if not isinstance(entry, Mapping):
        return None
    values: dict[str, str] = {}
    for field, aliases in _FIELD_ALIASES.items():
        for alias in aliases:
            value = entry.get(alias)
            if value not in (None, ""):
                values[field] = str(value).strip()
                break
    if not values.get("name") or not values.get("contact"):
        return None
    return CrisisResource(**values)


def crisis_resources(
    lang: str, overrides: Mapping[str, Iterable[object]] | None = None
) -> tuple[CrisisResource, ...]:
    """The crisis contacts for a language.

    ``overrides`` is the settings value: ``{"ko": [{"name": ..., "contact": ...,
    "hours": ..., "url": ...}], "en": [...]}`` (``phone``/``number`` are accepted for
    ``contact``). A language missing from it, or whose entries are all malformed,
    keeps the defaults: Korea's 109 for Korean, 988 (plus 109) for English.
    """
    lang = lang if lang in DEFAULT_CRISIS_RESOURCES else "en"
    if overrides:
        try:
            entries = overrides.get(lang)
            parsed = tuple(
                r for r in (_parse_resource(e) for e in (entries or ())) if r is not None
            )
        except (AttributeError, TypeError):
            parsed = ()
        if parsed:
            return parsed
    return DEFAULT_CRISIS_RESOURCES[lang]


def format_resources(resources: Iterable[CrisisResource]) -> str:
    """Markdown bullet list of contacts."""
    return "\n".join(f"- {r.markdown()}" for r in resources)


def crisis_message(lang: str, resources: Iterable[CrisisResource] | None = None) -> str:
    """The fixed, careful reply of the offline responder in a crisis turn."""
    lang = lang if lang in DEFAULT_CRISIS_RESOURCES else "en"
    listed = tuple(resources) if resources is not None else crisis_resources(lang)
    return t("safety.crisis_message", lang, resources=format_resources(listed))


def ai_notice(lang: str) -> str:
    """The visible note that the user talks with an AI, not a therapist."""
    return t("safety.ai_notice", lang)
