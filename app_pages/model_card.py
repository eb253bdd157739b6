"""Model card: which models read a face, how accurate they measured, their limits."""

import pandas as pd
import streamlit as st

from core.emotions import EMOJI, label
from core.model_card import comparison_rows, confusion_table, load_model_card, per_class_rows
from ui.state import lang, tr

st.title(f"📊 {tr('model_card.title')}")
st.markdown(tr("model_card.intro"))

try:
    card = load_model_card()
except (OSError, ValueError):
    st.warning(tr("model_card.missing"))
    st.stop()

current = lang()

# Each model's name, source and training data for people (the card's JSON has ids
# and developer notes in English); a model not listed here shows the card's text.
MODEL_TEXT: dict[str, tuple[str, str, str]] = {
    "cnn": ("model_card.model_cnn", "model_card.source_cnn", "model_card.trained_cnn"),
    "cnn2": ("model_card.model_cnn2", "model_card.source_cnn", "model_card.trained_cnn"),
    "cnn48": ("model_card.model_cnn48", "model_card.source_cnn", "model_card.trained_cnn"),
    "faceapi": (
        "model_card.model_faceapi",
        "model_card.source_faceapi",
        "model_card.trained_faceapi",
    ),
    "fer": ("model_card.model_fer", "model_card.source_fer", "model_card.trained_fer"),
}


def emotion_name(emotion: str) -> str:
    return f"{EMOJI[emotion]} {label(emotion, current)}"


def model_name(model_id: str, fallback: str) -> str:
    keys = MODEL_TEXT.get(model_id)
    return tr(keys[0]) if keys else fallback


def model_source(model: dict) -> str:
    keys = MODEL_TEXT.get(model.get("id", ""))
    return tr(keys[1]) if keys else f"{model['source']}; {model['license']}"


def model_training(model: dict) -> str:
    keys = MODEL_TEXT.get(model.get("id", ""))
    return tr(keys[2]) if keys else model["trained_on"]


for evaluation in card.get("evaluations", []):
    st.subheader(tr(f"model_card.eval.{evaluation['id']}"))
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
            tr("model_card.col_emotion"): [emotion_name(row["emotion"]) for row in rows],
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
    with st.expander(tr("model_card.confusion_title")):
        names, matrix = confusion_table(evaluation)
        labels = [emotion_name(e) for e in names]
        st.dataframe(pd.DataFrame(matrix, index=labels, columns=labels))
        pairs = ", ".join(
            tr("model_card.pair", true=label(t, current), read=label(p, current), share=s)
            for t, p, s in evaluation.get("confused", [])[:3]
        )
        if pairs:
            st.caption(tr("model_card.confused", pairs=pairs))

if card.get("comparison"):
    st.subheader(tr("model_card.compare_title"))
    ids, rows = comparison_rows(card)
    st.dataframe(
        pd.DataFrame(
            {
                tr("model_card.col_model"): [
                    tr("model_card.ensemble")
                    if row["ensemble"]
                    else model_name(row["name"], row["name"])
                    for row in rows
                ],
                **{tr(f"model_card.eval.{i}"): [row[i] for row in rows] for i in ids},
            }
        ),
        hide_index=True,
        column_config={
            tr(f"model_card.eval.{i}"): st.column_config.NumberColumn(format="percent") for i in ids
        },
    )

if card.get("models"):
    st.subheader(tr("model_card.models_title"))
    st.dataframe(
        pd.DataFrame(
            {
                tr("model_card.col_model"): [
                    model_name(m.get("id", ""), m["name"]) for m in card["models"]
                ],
                tr("model_card.col_weight"): [m["weight"]["camera"] for m in card["models"]],
                tr("model_card.col_source"): [model_source(m) for m in card["models"]],
                tr("model_card.col_trained_on"): [model_training(m) for m in card["models"]],
            }
        ),
        hide_index=True,
        column_config={
            tr("model_card.col_weight"): st.column_config.NumberColumn(format="percent")
        },
    )
    st.subheader(tr("model_card.data_title"))
    st.markdown(tr("model_card.data"))

st.subheader(tr("model_card.limits_title"))
st.markdown(tr("model_card.limits"))
with st.expander(tr("model_card.details_title")):
    st.json(
        {
            key: card[key]
            for key in ("ensemble", "detector", "pipeline", "training", "versions")
            if key in card
        }
    )
