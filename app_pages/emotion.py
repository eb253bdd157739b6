"""Emotion: read the expression live (or from a snapshot/upload), confirm it, carry it to chat."""

import streamlit as st

from core.emotions import EMOJI, label
from core.image_input import ACCEPTED_EXTENSIONS
from db.readings import add_reading
from ui import live_view
from ui.emotion_state import (
    EmotionContext,
    pending_reading,
    set_current_emotion,
    set_pending_reading,
)
from ui.emotion_view import confirm_panel
from ui.photo import read_photo
from ui.resources import vision_ready
from ui.state import db_errors, db_session, lang, require_user, tr

user = require_user()
st.title(f"🎥 {tr('emotion.title')}")

with st.expander(tr("emotion.consent_title"), expanded=not st.session_state.get("camera_consent")):
    st.markdown(tr("emotion.consent_body"))
    st.page_link("app_pages/model_card.py", label=tr("emotion.model_card_link"), icon="📊")
consent = st.checkbox(tr("emotion.consent_check"), key="camera_consent")

if consent:
    vision_ready()
    modes = {
        "live": tr("emotion.mode_live"),
        "snapshot": tr("emotion.mode_snapshot"),
        "upload": tr("emotion.mode_upload"),
    }
    mode = (
        st.segmented_control(
            tr("emotion.mode"),
            list(modes),
            format_func=modes.__getitem__,
            default="live",
            key="emotion_mode",
        )
        or "live"
    )

    if mode == "live":
        live_view.render()
    elif mode == "snapshot":
        shot = st.camera_input(tr("emotion.snapshot_label"), key="snapshot")
        if shot is not None:
            read_photo(shot.getvalue(), source="snapshot", key=f"snap-{shot.file_id}")
    else:
        upload = st.file_uploader(
            tr("emotion.upload_label"), type=list(ACCEPTED_EXTENSIONS), key="upload"
        )
        if upload is not None:
            read_photo(upload.getvalue(), source="upload", key=f"up-{upload.file_id}")

reading = pending_reading()
if reading is not None:
    chosen, confirmed, discarded = confirm_panel(reading)
    if discarded:
        set_pending_reading(None)
        st.rerun()
    if confirmed:
        saved = False
        with db_errors(), db_session() as session:
            add_reading(
                session,
                user_id=user.id,
                scores=reading.scores,
                chosen=chosen,
                source=reading.source,
            )
            saved = True
        if saved:
            set_pending_reading(None)
            # A corrected reading is the user's word, not the camera's: no confidence.
            confidence = reading.confidence if chosen == reading.emotion else None
            set_current_emotion(EmotionContext(chosen, confidence, reading.source))
            st.session_state["just_saved"] = chosen
            st.rerun()

if saved_emotion := st.session_state.get("just_saved"):
    st.success(tr("emotion.saved", emoji=EMOJI[saved_emotion], label=label(saved_emotion, lang())))
    if st.button(tr("emotion.go_chat"), type="primary", key="go_chat"):
        st.session_state.pop("just_saved", None)
        st.switch_page("app_pages/chat.py")
