"""Streamlit's own widget texts in the session's language.

A few built-in widgets write English that no argument replaces: the file
uploader's "Upload" button and "10MB per file • JPG, PNG" line, the camera's
"Take Photo" and "Clear photo", an empty select box's "Choose an option", the
password field's "Show password". On a Korean page they were the only English
left. A small script, drawn once per page run by Home.py, rewrites exactly
these strings in the page (a MutationObserver re-applies it whenever Streamlit
redraws a widget); nothing else is touched, and English pages get no script.
"""

from __future__ import annotations

import json

import streamlit as st

from core.i18n import t

# Streamlit's English text -> our i18n key: whole (trimmed) text nodes inside the
# file uploader and the camera input, nowhere else.
TEXTS: dict[str, str] = {
    "Upload": "widget.upload",
    "Browse files": "widget.upload",
    "Take Photo": "widget.take_photo",
    "Clear photo": "widget.clear_photo",
}
# Attributes (placeholder, aria-label) with fixed English values.
ATTRIBUTES: dict[str, str] = {
    "Choose an option": "widget.choose",
    "Show password": "widget.show_password",
    "Hide password": "widget.hide_password",
}

_SCRIPT = """
<script>
(() => {
  const config = %s;
  const state = window.__syeWidgetText || (window.__syeWidgetText = {});
  state.config = config;
  if (state.observer) { state.apply(document.body); return; }
  const WIDGETS = '[data-testid="stFileUploader"], [data-testid="stCameraInput"]';
  const limit = /^(\\d+(?:\\.\\d+)?\\s*[KMG]B) per file(?: \\u2022 (.*))?$/;
  state.apply = (root) => {
    const { texts, attributes, perFile } = state.config;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue.trim();
      // Only inside Streamlit's own widgets: a post titled "Upload" stays as written.
      if (!text || !node.parentElement?.closest(WIDGETS)) continue;
      if (texts[text] !== undefined) {
        node.nodeValue = node.nodeValue.replace(text, texts[text]);
        continue;
      }
      const match = text.match(limit);
      if (match) {
        const types = match[2] ? ` \u2022 ${match[2]}` : '';
        node.nodeValue = perFile.replace('{size}', match[1]) + types;
      }
    }
    if (root.querySelectorAll) {
      for (const [english, local] of Object.entries(attributes)) {
        for (const name of ['placeholder', 'aria-label', 'title']) {
          root.querySelectorAll(`[${name}="${english}"]`)
            .forEach((el) => el.setAttribute(name, local));
        }
      }
    }
  };
  const around = (node) => (node.nodeType === 1 ? node : node.parentNode) || document.body;
  state.observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach((n) => state.apply(around(n)));
      else state.apply(around(record.target).parentNode || document.body);
    }
  });
  state.observer.observe(document.body, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ['placeholder', 'aria-label'],
  });
  state.apply(document.body);
})();
</script>
"""


def replacements(language: str) -> dict[str, object]:
    """What the script rewrites, in ``language``."""
    return {
        "texts": {english: t(key, language) for english, key in TEXTS.items()},
        "attributes": {english: t(key, language) for english, key in ATTRIBUTES.items()},
        "perFile": t("widget.per_file", language),
    }


def translate_builtin_widgets(language: str) -> None:
    """Draw the script for a non-English page (no visible element)."""
    if language == "en":
        return
    body = _SCRIPT % json.dumps(replacements(language), ensure_ascii=False)
    st.html(body, unsafe_allow_javascript=True)
