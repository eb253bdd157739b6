"""User and model text made inert for Streamlit's Markdown: no link, no remote image.

Streamlit renders Markdown with GitHub's extensions, and the extension that
turns ``https://...``, ``www.…`` and ``name@host`` into links runs on the parsed
text, *after* backslash escapes are resolved, so escaping punctuation does not
stop it (seen in Chromium: an escaped title still became a link). A message
with ``![x](http://host/leak.png)`` makes every reader's browser fetch that URL,
a way to leak data when a model is steered by injected text.

So the few character sequences that form links are broken with U+2060 WORD
JOINER, which is invisible and zero-width, and other formatting is kept:

- ``](`` and ``]:`` (inline links and images, reference definitions);
- ``://``, ``www.`` and ``@`` (automatic links of URLs, web addresses, emails);
- ``<`` is escaped (``<scheme:…>`` autolinks, raw HTML);
- ``$`` is escaped (Streamlit reads ``$…$`` as LaTeX).

Code spans and fenced code blocks are left as written: nothing links there, and
an escape would show.
"""

from __future__ import annotations

import re

WJ = "\u2060"  # WORD JOINER: no width, no glyph, no line break

_CODE = re.compile(r"(```.*?(?:```|$)|~~~.*?(?:~~~|$)|`[^`\n]*`)", re.DOTALL)
_BREAKS = re.compile(r"\]\(|\]:|://|www\.|@", re.IGNORECASE)


def break_links(text: str) -> str:
    """``text`` with every sequence that could form a link or image broken invisibly."""
    return _BREAKS.sub(lambda m: _break(m.group(0)), text)


def _break(found: str) -> str:
    if found.startswith("]"):
        return f"]{WJ}{found[1:]}"
    if found.lower() == "www.":
        return f"{found[:3]}{WJ}."
    return f"{WJ}{found}"


def inert_markdown(text: str) -> str:
    """Markdown as written (bold, lists, code...) minus links, images, HTML and LaTeX."""
    parts = _CODE.split(text)
    for index in range(0, len(parts), 2):  # even parts are outside code
        prose = parts[index].replace("<", r"\<").replace("$", r"\$")
        parts[index] = break_links(prose)
    return "".join(parts)
