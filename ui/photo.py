"""Read the expression in one photo (snapshot or upload) and offer it for confirmation."""

from __future__ import annotations

import streamlit as st

from core.image_input import ImageRejected, decode_image
from core.overlay import draw_faces
from core.vision import analyze
from ui.emotion_state import Reading, set_pending_reading
from ui.state import lang, tr


def read_photo(data: bytes, *, source: str, key: str) -> None:
    """Decode, analyse and show the photo; the first time a photo is seen, freeze its reading.

    The image exists only in this function's memory (and the browser): it is never
    written to disk or the database.
    """
    try:
        image = decode_image(data)
    except ImageRejected as rejected:
        st.error(tr(rejected.reason, **rejected.values), icon="⚠️")
        return
    faces = analyze(image.bgr)
    if not faces:
        st.warning(tr("emotion.no_face"), icon="🙈")
        return
    annotated = draw_faces(image.bgr, faces, lang())
    st.image(annotated[:, :, ::-1], width="content")
    if st.session_state.get("photo_read") != key:
        st.session_state["photo_read"] = key
        face = faces[0]
        set_pending_reading(
            Reading(
                emotion=face.emotion,
                confidence=face.scores[face.emotion],
                scores=dict(face.scores),
                source=source,
                faces=len(faces),
            )
        )
