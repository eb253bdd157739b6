"""Offline replies for "disgust": (English, Korean) pairs per topic."""

CONTENT: dict[str, tuple[tuple[str, str], ...]] = {
    "openers": (
        (
            "Something left a bad taste, it seems. Let's clear it out.",
            "뭔가 찜찜하고 불쾌한 일이 있었나 봐요. 그 기분을 깨끗이 씻어 내 봐요.",
        ),
        (
            'Disgust is your mind saying "not for me". Useful, but unpleasant to sit in.',
            "역겨움은 마음이 '이건 나랑 안 맞아'라고 말하는 신호예요. 쓸모 있는 감정이지만, "
            "계속 머물러 있기엔 불편하죠.",
        ),
        (
            "Let's freshen things up a little, body and mind.",
            "몸도 마음도 조금 산뜻하게 바꿔 봐요.",
        ),
    ),
    "food": (
        (
            "Warm ginger tea with a little honey. Ginger is a time-tested way to settle a "
            "queasy stomach, and the warmth helps you relax.",
            "꿀을 조금 넣은 따뜻한 생강차를 추천해요. 생강은 메스꺼운 속을 달래는 데 오래 써 온 "
            "재료고, 따뜻함이 몸을 풀어 줘요.",
        ),
        (
            "A bowl of warm nurungji (scorched-rice porridge): mild, nutty and gentle on an "
            "unsettled stomach.",
            "따뜻한 누룽지 한 그릇 어때요? 구수하고 순해서 불편한 속을 편하게 해 줘요.",
        ),
        (
            "Fresh, sharp flavours reset your palate: lemon water, mint tea or a few slices "
            "of cold orange.",
            "레몬물, 민트차, 차가운 오렌지 몇 조각처럼 상큼한 맛이 입안과 기분을 리셋해 줘요.",
        ),
        (
            "Something plain and clean, like crackers with sliced apple. When your stomach "
            'says "ugh", simple food is easiest.',
            "크래커와 사과 몇 조각처럼 담백한 게 좋아요. 속이 울렁거릴 땐 단순한 음식이 제일 "
            "편해요.",
        ),
    ),
    "travel": (
        (
            "A forest with clean air, like the cedar woods of Jeolmul Natural Recreation "
            "Forest on Jeju or the fir-tree path to Woljeongsa temple on Odaesan. The scent "
            "of the trees feels like a reset.",
            "제주 절물자연휴양림의 삼나무 숲이나 오대산 월정사 전나무숲길처럼 공기 맑은 숲을 "
            "추천해요. 나무 향을 맡으면 마음이 리셋되는 느낌이 들어요.",
        ),
        (
            "Wide, open green space, like the sheep pastures of Daegwallyeong in Pyeongchang. "
            "Big sky and clean wind push out that contaminated feeling.",
            "평창 대관령 양떼목장처럼 탁 트인 초원도 좋아요. 넓은 하늘과 맑은 바람이 불쾌했던 "
            "느낌을 밀어내 줘요.",
        ),
        (
            "A tidy, calm place early in the morning before the crowds, like Bukchon or "
            "Jeonju's hanok village. Order and quiet feel cleansing.",
            "사람이 붐비기 전 이른 아침의 북촌이나 전주 한옥마을처럼 단정하고 고요한 곳도 "
            "추천해요. 정돈된 풍경과 고요함이 마음을 깨끗하게 해 줘요.",
        ),
    ),
    "exercise": (
        (
            "A 15-minute walk in fresh air, then a shower. It sounds simple, but literally "
            "washing it off helps the feeling fade.",
            "바깥 공기를 마시며 15분 걷고, 돌아와서 샤워를 해 보세요. 단순해 보여도 말 그대로 "
            "'씻어 내는' 게 그 기분을 옅게 해 줘요.",
        ),
        (
            "3 minutes of slow breathing: in through the nose for 4, hold for 4, out through "
            "the mouth for 6. It calms a queasy, tight stomach.",
            "3분 동안 천천히 호흡해 보세요. 코로 4초 들이쉬고, 4초 멈추고, 입으로 6초 내쉬기. "
            "속이 울렁거리고 조이는 느낌이 가라앉아요.",
        ),
        (
            "10 minutes of gentle yoga: cat-cow, child's pose and a seated twist. Twists "
            "feel like wringing something out.",
            "10분 정도 가벼운 요가를 해 보세요. 고양이-소 자세, 아기 자세, 앉아서 몸 비틀기요. "
            "특히 비틀기 자세는 뭔가를 짜내는 느낌이라 개운해요.",
        ),
    ),
    "music": (
        (
            '"What a Wonderful World" by Louis Armstrong: three minutes of green trees and '
            "red roses, a reminder that not everything is gross.",
            '루이 암스트롱의 "What a Wonderful World"를 들어 보세요. 초록 나무와 빨간 장미를 '
            "노래하면서, 세상에 불쾌한 것만 있는 건 아니라고 알려 줘요.",
        ),
        (
            '"Clair de Lune" by Debussy: soft and clear, like rinsing out your ears.',
            '드뷔시의 "달빛(Clair de Lune)"은 부드럽고 맑아서 귀를 헹궈 주는 느낌이에요.',
        ),
        (
            '"Here Comes the Sun" by The Beatles: a bright fresh-start song for leaving '
            "something unpleasant behind.",
            '비틀스의 "Here Comes the Sun"은 불쾌한 걸 뒤로하고 새로 시작하고 싶을 때 듣기 '
            "좋은 밝은 곡이에요.",
        ),
    ),
    "movie": (
        (
            "Ratatouille (2007): a rat who cooks beautifully. A story about how something "
            "you'd expect to be disgusting can turn out wonderful.",
            '"라따뚜이"(2007)는 요리를 기막히게 하는 쥐 이야기예요. 역겨울 거라 생각했던 게 '
            "멋진 무언가가 될 수 있다는 걸 보여 줘요.",
        ),
        (
            'Spirited Away (2001): in a famous scene a "stink spirit" is scrubbed clean and '
            "turns out to be a river spirit. Very satisfying when you feel grossed out.",
            '"센과 치히로의 행방불명"(2001)에는 오물신을 깨끗이 씻겨 주자 강의 신으로 '
            "돌아오는 유명한 장면이 있어요. 불쾌한 기분일 때 보면 속이 다 시원해요.",
        ),
        (
            "Amélie (2001): bright colours and small, kind pleasures. A palate cleanser of a film.",
            '"아멜리에"(2001)는 선명한 색감과 작고 다정한 즐거움으로 가득한 영화예요. 마음을 '
            "헹궈 주는 입가심 같은 영화죠.",
        ),
    ),
    "cause": (
        (
            "Disgust is usually a reaction to something that feels contaminating or wrong: "
            "a smell, a sight, or someone's behaviour crossing a moral line. Which kind was "
            "it for you?",
            "역겨움은 보통 오염됐거나 잘못됐다고 느끼는 것에 대한 반응이에요. 냄새나 장면일 "
            "수도 있고, 누군가의 행동이 도덕적인 선을 넘었을 때일 수도 있죠. 이번엔 어느 "
            "쪽이었나요?",
        ),
        (
            "Sometimes it points inward, at a moment you keep replaying and cringing at. "
            "That's very human, and it fades faster once you name it.",
            "가끔은 그 감정이 나 자신을 향하기도 해요. 자꾸 떠오르는 민망한 순간 같은 거요. "
            "아주 사람다운 일이고, 이름을 붙여 주면 더 빨리 옅어져요.",
        ),
        (
            "It can be physical too: an upset stomach, tiredness or a stuffy room make "
            'everything feel more "ugh".',
            "몸 상태 때문일 수도 있어요. 속이 안 좋거나, 피곤하거나, 공기가 답답하면 모든 게 "
            "더 불쾌하게 느껴지거든요.",
        ),
    ),
    "phrase": (
        (
            '"This isn\'t mine to carry." Say it once, then open a window.',
            '"이건 내가 짊어질 게 아니야." 한 번 말해 보고, 창문을 열어 보세요.',
        ),
        (
            '"I noticed it. I don\'t have to keep looking at it."',
            '"알아챘으면 됐어. 계속 들여다보지 않아도 돼."',
        ),
        (
            'A Korean proverb says you step around dung "not because you fear it, but '
            "because it's dirty\" (똥이 무서워서 피하나, 더러워서 피하지). Walking away from "
            "something unpleasant isn't losing.",
            '"똥이 무서워서 피하나, 더러워서 피하지"라는 속담처럼, 불쾌한 걸 피하는 건 지는 '
            "게 아니에요.",
        ),
    ),
    "empathy": (
        (
            'I\'m an AI, so I have no stomach to turn, but I understand that "ugh" feeling: '
            "wanting to step back and wash something off.",
            "저는 AI라서 속이 울렁거리진 않지만, 그 '으' 하는 느낌은 이해해요. 한 발 물러서서 "
            "씻어 내고 싶은 마음이요.",
        ),
        (
            "I can't feel it with you, but I see why it bothers you. Disgust often protects "
            "something you value, like cleanliness, fairness or respect.",
            "같이 느낄 수는 없지만 왜 거슬리는지는 알 것 같아요. 역겨움은 청결함, 공정함, "
            "존중처럼 내가 소중히 여기는 걸 지켜 주는 감정이기도 하거든요.",
        ),
        (
            "Not the same way, no. But I'm listening, and you don't have to explain why "
            "something feels gross for the feeling to count.",
            "같은 방식으로 느끼진 못해요. 그래도 듣고 있어요. 왜 불쾌한지 꼭 설명하지 않아도 "
            "그 감정은 충분히 진짜예요.",
        ),
    ),
    "needs": (
        (
            "Some distance from the source, and something fresh: air, water, a clean space.",
            "불쾌함의 원인에서 조금 떨어지는 것, 그리고 신선한 무언가가 필요해요. 바깥 공기, "
            "시원한 물, 깨끗한 공간 같은 거요.",
        ),
        (
            "Maybe a boundary. If a person caused this, it's okay to decide what you will "
            "and won't accept from them.",
            "어쩌면 선을 긋는 게 필요할지도 몰라요. 누군가 때문이라면, 그 사람에게서 "
            "어디까지 받아들일지 정해도 괜찮아요.",
        ),
        (
            "A small reset: tidy one corner, take a shower or change your clothes. Little "
            '"clean" actions shift the feeling surprisingly fast.',
            "작은 리셋이 필요해요. 책상 한 구석 정리하기, 샤워하기, 옷 갈아입기처럼 작게 "
            "'깨끗해지는' 행동이 생각보다 빨리 기분을 바꿔 줘요.",
        ),
    ),
    "free": (
        (
            "That sounds unpleasant. Do you want to tell me what put you off, or shall I "
            "suggest something to freshen up your mood?",
            "불쾌하셨겠어요. 뭐가 그렇게 싫었는지 말해 줄래요, 아니면 기분을 산뜻하게 바꿀 "
            "만한 걸 추천해 드릴까요?",
        ),
        (
            "Ugh, I get it. If you can, step away for a moment and take a few breaths of "
            "fresh air. What happened?",
            "으, 그럴 만해요. 가능하면 잠깐 그 자리에서 벗어나 바깥 공기를 몇 번 들이마셔 "
            "보세요. 무슨 일이 있었어요?",
        ),
        (
            "Your reaction makes sense. I can recommend a palate-cleansing film, a fresh-air "
            "place or a calming song. Or just tell me more.",
            "그렇게 느끼는 게 당연해요. 기분을 헹궈 줄 영화나 바깥 공기 쐬기 좋은 곳, 차분한 "
            "노래를 추천할 수도 있어요. 아니면 그냥 더 이야기해 줘도 좋아요.",
        ),
    ),
}
