"""Offline replies for "neutral" (calm): (English, Korean) pairs per topic."""

CONTENT: dict[str, tuple[tuple[str, str], ...]] = {
    "openers": (
        (
            "You seem calm and steady right now. A nice place to be.",
            "지금은 차분하고 안정돼 보여요. 좋은 상태예요.",
        ),
        (
            "A calm moment is a good moment to try something small and nice.",
            "마음이 평온할 때가 작고 좋은 걸 시도해 보기 딱 좋은 때예요.",
        ),
        (
            "Steady and calm today. Here's an idea to add a little colour.",
            "오늘은 잔잔하고 평온하네요. 하루에 색을 조금 더해 줄 아이디어예요.",
        ),
    ),
    "food": (
        (
            "A colourful bibimbap: plenty of vegetables, an egg and a little gochujang. "
            "Balanced and satisfying, good for a steady mood.",
            "채소 듬뿍, 달걀 하나, 고추장 조금 넣은 알록달록한 비빔밥 어때요? 균형 잡히고 "
            "든든해서 안정된 기분에 잘 어울려요.",
        ),
        (
            "Cook something simple you've never made, like a Spanish omelette or your own "
            "twist on kimchi fried rice. Calm days are good for small experiments.",
            "안 해 본 간단한 요리에 도전해 보세요. 스페인식 오믈렛이나 나만의 김치볶음밥 같은 "
            "거요. 평온한 날은 작은 실험을 하기 좋아요.",
        ),
        (
            "Seasonal fruit, whatever's best right now: strawberries in spring, peaches in "
            "summer, persimmons in autumn, mandarins in winter.",
            "제철 과일을 드셔 보세요. 봄엔 딸기, 여름엔 복숭아, 가을엔 감, 겨울엔 귤처럼 지금 "
            "가장 맛있는 걸로요.",
        ),
    ),
    "travel": (
        (
            "Gyeongju: a slow walk through history, with ancient tombs, Bulguksa Temple and "
            "quiet hanok streets. Perfect for a calm mood.",
            "경주를 추천해요. 고분과 불국사, 조용한 한옥 골목을 천천히 걸으며 역사를 느껴 "
            "보세요. 평온한 기분에 딱이에요.",
        ),
        (
            "Jeonju's hanok village, for bibimbap, a walk along the stone walls and a cup of "
            "traditional tea.",
            "전주 한옥마을에 가서 비빔밥도 먹고, 돌담길을 걷고, 전통차 한 잔 마셔 보세요.",
        ),
        (
            "A corner of your own city you've never explored: a library, a bookshop or a "
            "market. Small trips keep calm days from turning dull.",
            "내가 사는 도시의 안 가 본 동네도 좋아요. 처음 가 보는 도서관이나 책방, 시장 같은 "
            "곳이요. 작은 여행이 잔잔한 하루를 지루하지 않게 해 줘요.",
        ),
    ),
    "exercise": (
        (
            "A 20-minute yoga flow or stretching routine: a calm mind is great for tuning "
            "into your body.",
            "20분 요가나 스트레칭 루틴을 해 보세요. 마음이 차분할 때 몸에 집중하기 좋아요.",
        ),
        (
            "A 30-minute brisk walk or light jog with a podcast. Easy to start, good for body "
            "and mind.",
            "팟캐스트를 들으며 30분 빠르게 걷거나 가볍게 뛰어 보세요. 시작하기 쉽고 몸과 "
            "마음에 다 좋아요.",
        ),
        (
            "A short bodyweight set, about 10 minutes: 3 rounds of 10 squats, 10 push-ups "
            "(on your knees is fine) and a 30-second plank.",
            "10분짜리 맨몸 운동 어때요? 스쿼트 10개, 푸시업 10개(무릎 대고 해도 돼요), 플랭크 "
            "30초를 3세트 하면 돼요.",
        ),
    ),
    "music": (
        (
            '"Don\'t Know Why" by Norah Jones: smooth, unhurried and warm.',
            '노라 존스의 "Don\'t Know Why"는 부드럽고 느긋하고 따뜻해요.',
        ),
        (
            '"Through the Night" (밤편지) by IU: soft and gentle, for a quiet mood.',
            '아이유의 "밤편지"는 잔잔한 기분에 어울리는 부드럽고 다정한 노래예요.',
        ),
        (
            '"Every Day, Every Moment" (모든 날, 모든 순간) by Paul Kim: warm and easy to '
            "listen to.",
            '폴킴의 "모든 날, 모든 순간"은 따뜻하고 편하게 들을 수 있는 곡이에요.',
        ),
        (
            "A lo-fi or jazz playlist while you read or work. A calm mood is great for focus.",
            "책을 읽거나 일할 때 로파이나 재즈 플레이리스트를 틀어 보세요. 차분할 때 집중이 잘 "
            "되거든요.",
        ),
    ),
    "movie": (
        (
            "Paterson (2016): a week in the life of a bus driver who writes poems. A quiet "
            "film that makes ordinary days look special.",
            '"패터슨"(2016)은 시를 쓰는 버스 기사의 일주일을 담은 영화예요. 평범한 하루를 '
            "특별하게 보이게 해 줘요.",
        ),
        (
            "Perfect Days (2023): a Tokyo toilet cleaner finds joy in routine, music and "
            "trees. Calm and beautiful.",
            '"퍼펙트 데이즈"(2023)는 도쿄의 화장실 청소부가 반복되는 일상과 음악, 나무에서 '
            "기쁨을 찾는 이야기예요. 잔잔하고 아름다워요.",
        ),
        (
            "Spirited Away (2001), if you'd like a bit of wonder on a calm day.",
            '"센과 치히로의 행방불명"(2001)은 잔잔한 날에 약간의 경이로움을 더하고 싶을 때 좋아요.',
        ),
        (
            "Little Forest (2018): slow seasonal cooking and quiet country life.",
            '"리틀 포레스트"(2018)는 계절 따라 요리하며 조용히 사는 시골 생활을 담은 느린 '
            "영화예요.",
        ),
    ),
    "cause": (
        (
            "A calm face usually just means things are steady, and that's a perfectly good "
            "state. Not every moment needs a strong feeling.",
            "평온한 표정은 대개 지금 상황이 안정적이라는 뜻이에요. 그것도 충분히 좋은 "
            "상태예요. 모든 순간에 강한 감정이 필요한 건 아니니까요.",
        ),
        (
            'Sometimes "neutral" on camera hides tiredness or feeling a bit flat. How do you '
            "actually feel inside?",
            "가끔은 카메라에 평온하게 보여도 속은 피곤하거나 조금 무기력할 수 있어요. 실제로 "
            "마음은 어때요?",
        ),
        (
            "You may simply be focused; concentration looks calm from the outside. What "
            "were you doing before this?",
            "그냥 집중하고 있었을 수도 있어요. 집중하면 겉으로는 평온해 보이거든요. 여기 "
            "오기 전에 뭘 하고 있었어요?",
        ),
    ),
    "phrase": (
        (
            '"Nothing is worth more than this day." (attributed to Goethe)',
            '"오늘 하루보다 더 가치 있는 것은 없다." (괴테의 말로 알려져 있어요)',
        ),
        (
            'A Korean proverb: "Starting is half the work" (시작이 반이다). A calm day is a '
            "good day to start something small.",
            '"시작이 반이다"라는 말처럼, 평온한 날은 작은 일을 시작하기 좋은 날이에요.',
        ),
        (
            "Try: \"I'm here, it's now, and that's enough.\"",
            '이렇게 말해 보세요. "나는 지금 여기 있고, 그걸로 충분해."',
        ),
    ),
    "empathy": (
        (
            "I'm an AI, so in a way I'm always a bit \"neutral\". But I understand calm as a "
            "quiet, steady feeling, and it's nice to share a calm moment with you.",
            "저는 AI라서 어떻게 보면 늘 '평온한' 편이에요. 그래도 평온함이 조용하고 안정된 "
            "느낌이라는 건 알고, 이렇게 잔잔한 순간을 함께하니 좋네요.",
        ),
        (
            "Not exactly, but I get it: not happy, not sad, just okay. That's a real feeling too.",
            "똑같진 않지만 알 것 같아요. 기쁘지도 슬프지도 않은, 그냥 괜찮은 상태요. 그것도 "
            "충분히 의미 있는 감정이에요.",
        ),
        (
            "I can't feel it the way you do, but I'm glad to keep you company on a quiet day.",
            "사람처럼 느끼진 못해도, 조용한 하루에 말동무가 되어 드릴게요.",
        ),
    ),
    "needs": (
        (
            "Maybe a small goal for today: one thing to finish and one thing to enjoy.",
            "오늘의 작은 목표 하나 어때요? 끝낼 일 하나, 즐길 일 하나.",
        ),
        (
            "Calm is a great base. Maybe what you need is a little spark: a new song, a walk "
            "somewhere new, or a call with a friend.",
            "평온함은 좋은 바탕이에요. 어쩌면 작은 자극이 필요할지도 몰라요. 새 노래, 처음 가 "
            "보는 길 산책, 친구와의 통화 같은 거요.",
        ),
        (
            "A quick check-in with your body: water, a stretch, some daylight. Small upkeep "
            "keeps a calm mood steady.",
            "몸 상태를 한번 살펴보세요. 물 한 잔, 스트레칭, 햇볕 조금. 작은 관리가 평온한 "
            "기분을 오래 지켜 줘요.",
        ),
    ),
    "free": (
        (
            "Thanks for sharing. How's your day going so far?",
            "이야기해 줘서 고마워요. 오늘 하루는 어떻게 보내고 있어요?",
        ),
        (
            "You seem steady right now. Would you like a recommendation (music, a film, "
            "food, a place) or just a chat?",
            "지금 차분해 보여요. 음악이나 영화, 음식, 가 볼 만한 곳을 추천해 드릴까요, 아니면 "
            "그냥 수다 떨까요?",
        ),
        (
            "I'm listening. Tell me more, or ask me for an idea to make today a bit more "
            "interesting.",
            "듣고 있어요. 더 이야기해 주거나, 오늘을 조금 더 재밌게 만들 아이디어를 물어봐 주세요.",
        ),
    ),
}
