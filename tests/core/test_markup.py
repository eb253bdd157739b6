"""Inert Markdown: no sequence that forms a link or image survives; code is untouched."""

from __future__ import annotations

import re

import pytest

from core.markup import WJ, break_links, inert_markdown

# What GitHub-flavoured Markdown turns into a link, an image or HTML.
LINK_FORMING = re.compile(r"[a-z]://|www\.|[\w.+-]@|\]\(|\]:|(?<!\\)<|(?<!\\)\$", re.IGNORECASE)


@pytest.mark.parametrize(
    "text",
    [
        "![x](http://127.0.0.1:9/leak.png)",
        "[click](https://evil.test/c) and [ref][r]\n\n[r]: http://evil.test/r",
        "visit WWW.evil.test or https://evil.test/a or mail me@evil.test",
        "<http://evil.test/d> <img src=x> $x$",
    ],
)
def test_nothing_link_forming_survives(text: str) -> None:
    out = inert_markdown(text)
    assert not LINK_FORMING.search(out), out
    # Only invisible joiners and escapes were added: the visible text is the same.
    assert out.replace(WJ, "").replace("\\<", "<").replace("\\$", "$") == text


def test_formatting_and_code_are_kept() -> None:
    text = "**bold** and _it_\n\n- one\n- two\n\n`a@b` and\n```\ncurl https://x.test\n```\n"
    out = inert_markdown(text)
    assert "**bold** and _it_\n\n- one\n- two" in out
    assert "`a@b`" in out and "```\ncurl https://x.test\n```" in out


def test_break_links_keeps_korean_text_as_is() -> None:
    assert break_links("오늘은 좋은 하루") == "오늘은 좋은 하루"
