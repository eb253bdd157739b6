"""Model card: what the expression model is, how accurate it measured, its limits."""

import pandas as pd
import streamlit as st

from core.emotions import EMOJI, label
from core.model_card import load_model_card, per_class_rows
from ui.state import lang, tr

st.title(f"📊 {tr('model_card.title')}")
st.markdown(tr("model_card.intro"))

try:
    card = load_model_card()
except (OSError, ValueError):
    st.warning(tr("model_card.missing"))
    st.stop()

current = lang()
for evaluation in card.get("evaluations", []):
    st.subheader(evaluation["title"])
    st.caption(
        tr(
            "model_card.accuracy",
            acc=evaluation["accuracy"],
            n=evaluation["n"],
            missed=evaluation.get("missed", 0.0),
        )
    )
    rows = per_class_rows(evaluation)
    table = pd.DataFrame(
        {
            tr("model_card.col_emotion"): [
                f"{EMOJI[row['emotion']]} {label(row['emotion'], current)}" for row in rows
            ],
            tr("model_card.col_n"): [row["n"] for row in rows],
            tr("model_card.col_recall"): [row["recall"] for row in rows],
            tr("model_card.col_precision"): [row["precision"] for row in rows],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            tr("model_card.col_recall"): st.column_config.ProgressColumn(
                format="percent", min_value=0.0, max_value=1.0
            ),
            tr("model_card.col_precision"): st.column_config.NumberColumn(format="percent"),
        },
    )

st.subheader(tr("model_card.limits_title"))
st.markdown(tr("model_card.limits"))
with st.expander("model_card.json"):
    st.json(
        {key: card[key] for key in ("model", "detector", "pipeline", "versions") if key in card}
    )
