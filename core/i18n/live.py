"""Strings of the live video readout's fault states."""

STRINGS: dict[str, dict[str, str]] = {
    "live.analysis_failed": {
        "ko": "지금은 표정을 읽지 못하고 있어요. 영상은 계속 나오고, 곧 다시 시도해요.",
        "en": "Reading expressions is failing right now. The video keeps going and it "
        "keeps trying.",
    },
}
