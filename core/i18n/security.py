"""Strings of the protections against abuse: look-alike names, rate limits, moderation."""

STRINGS: dict[str, dict[str, str]] = {
    "auth.err.username_lookalike": {
        "ko": "이미 있는 아이디와 너무 비슷해 보여요. 다른 아이디를 골라 주세요.",
        "en": "That username looks too much like an existing one. Please pick another.",
    },
}
