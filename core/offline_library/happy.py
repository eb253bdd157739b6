"""Offline replies for "happy": (English, Korean) pairs per topic."""

CONTENT: dict[str, tuple[tuple[str, str], ...]] = {
    "openers": (
        (
            "I love seeing that smile! Let's make the good mood last.",
            "그 미소 정말 좋아요! 이 좋은 기분을 오래 이어 가 봐요.",
        ),
        (
            "Good days deserve to be enjoyed fully. Here's an idea.",
            "좋은 날은 마음껏 누려야죠. 이런 건 어때요?",
        ),
        (
            "You seem to be in a great mood. Let's add a little more to it!",
            "기분이 정말 좋아 보이네요. 여기에 즐거움을 조금 더 얹어 봐요!",
        ),
    ),
    "food": (
        (
            "Share something with someone, like tteokbokki or fried chicken with a friend. "
            "Happiness grows when it's shared, and so does the fun of a meal.",
            "누군가와 함께 먹어 보세요. 친구랑 떡볶이나 치킨 같은 거요. 행복은 나눌수록 "
            "커지고, 밥도 같이 먹으면 더 맛있잖아요.",
        ),
        (
            "Celebrate with a colourful fruit bowl or a fresh smoothie: strawberries, mango, "
            "kiwi. Bright food suits a bright mood, and the vitamin C is a bonus.",
            "딸기, 망고, 키위 같은 알록달록한 과일이나 생과일 스무디로 축하해 보세요. 밝은 "
            "기분엔 밝은 색 음식이 어울리고, 비타민 C는 덤이에요.",
        ),
        (
            "Try a dish you've never had, at a restaurant of a cuisine new to you. A good "
            "mood is the best time to be adventurous.",
            "한 번도 안 먹어 본 나라의 음식에 도전해 보세요. 기분 좋을 때가 모험하기 딱 좋은 "
            "때예요.",
        ),
        (
            "A slice of cake or a bowl of bingsu as a little reward. Marking good moments "
            "makes them easier to remember later.",
            "작은 보상으로 케이크 한 조각이나 빙수 한 그릇 어때요? 좋은 순간에 작은 표시를 해 "
            "두면 나중에 더 오래 기억돼요.",
        ),
    ),
    "travel": (
        (
            "Busan: Gwangalli Beach at night with the bridge lit up, and the colourful "
            "Gamcheon Culture Village by day. Lively places suit a lively mood.",
            "부산 어때요? 밤에는 불빛 가득한 광안대교가 보이는 광안리 해변, 낮에는 알록달록한 "
            "감천문화마을이요. 들뜬 기분엔 활기찬 곳이 어울려요.",
        ),
        (
            "Jeju in spring, for the yellow canola flower fields and a walk along an Olle "
            "trail by the sea.",
            "봄의 제주도 좋아요. 노란 유채꽃밭을 보고 바닷가 올레길을 걸어 보세요.",
        ),
        (
            "Gyeongju by bike: ride between the ancient royal tombs and Cheomseongdae, then "
            "see Donggung Palace and Wolji Pond lit up at night.",
            "자전거로 경주를 돌아보세요. 대릉원과 첨성대 사이를 달리고, 밤에는 불 밝힌 동궁과 "
            "월지를 보는 거예요.",
        ),
    ),
    "exercise": (
        (
            "Dance! Put on three favourite songs (about 10 minutes) and move however you "
            "like. It turns a good mood into energy.",
            "춤을 춰 보세요! 좋아하는 노래 세 곡(10분 정도)을 틀고 마음 가는 대로 움직이는 "
            "거예요. 좋은 기분이 에너지로 바뀌어요.",
        ),
        (
            "A 30-minute bike ride along a river path, like the Han River cycle paths. Sun, "
            "wind and a little speed are great company for happiness.",
            "한강 자전거길처럼 강변을 따라 30분 자전거를 타 보세요. 햇살과 바람, 약간의 "
            "속도감이 행복한 기분과 잘 어울려요.",
        ),
        (
            "Try something new with a friend: a game of badminton or a one-hour beginner "
            "climbing session. Good moods make learning easier.",
            "친구와 새로운 운동을 해 보세요. 배드민턴 한 게임이나 1시간짜리 초보자 클라이밍 "
            "같은 거요. 기분 좋을 땐 새로운 걸 배우기도 쉬워요.",
        ),
    ),
    "music": (
        (
            '"Happy" by Pharrell Williams, obviously. It\'s impossible not to clap along.',
            '퍼렐 윌리엄스의 "Happy"는 당연히 들어야죠. 따라서 손뼉 안 치기가 어려워요.',
        ),
        (
            '"Dynamite" by BTS: bright disco-pop that\'s pure fun.',
            '방탄소년단의 "Dynamite"는 신나는 디스코 팝이라 즐거운 기분에 딱이에요.',
        ),
        (
            '"Walking on Sunshine" by Katrina and the Waves: the feeling of this exact '
            "moment, in song form.",
            '카트리나 앤 더 웨이브스의 "Walking on Sunshine"은 딱 지금 같은 기분을 노래로 만든 '
            "곡이에요.",
        ),
        (
            '"Uptown Funk" by Mark Ronson featuring Bruno Mars: an instant party.',
            '마크 론슨과 브루노 마스의 "Uptown Funk"를 틀면 바로 파티예요.',
        ),
    ),
    "movie": (
        (
            "Paddington 2 (2017): one of the best-reviewed films ever made, and pure, kind "
            "joy from start to finish.",
            '"패딩턴 2"(2017)는 역대 가장 좋은 평을 받은 영화 중 하나예요. 처음부터 끝까지 '
            "다정한 즐거움이 가득해요.",
        ),
        (
            "Sunny (2011): a Korean film about a gang of high-school friends, hilarious and "
            "full of 80s songs.",
            '"써니"(2011)는 고등학교 단짝 친구들의 이야기예요. 정말 웃기고 80년대 노래도 가득해요.',
        ),
        (
            "Sing Street (2016): a teenager starts a band to impress a girl. Great songs and "
            "the feeling that anything is possible.",
            '"싱 스트리트"(2016)는 좋아하는 여자아이에게 잘 보이려고 밴드를 만든 소년 '
            "이야기예요. 노래도 좋고, 뭐든 할 수 있을 것 같은 기분이 들어요.",
        ),
        (
            "Mamma Mia! (2008): ABBA songs, a Greek island, sunshine. Sing along.",
            '"맘마미아!"(2008)는 아바의 노래, 그리스의 섬, 햇살이 가득한 영화예요. 따라 불러 '
            "보세요.",
        ),
    ),
    "cause": (
        (
            "Happiness often comes from connection, progress on something you care about, "
            "or a small pleasant surprise. Which one was it today?",
            "행복은 보통 누군가와 연결됐을 때, 소중한 일에서 진전이 있었을 때, 작은 기분 좋은 "
            "일이 생겼을 때 찾아와요. 오늘은 어떤 거였어요?",
        ),
        (
            "Sometimes it's simply a rested body and good weather. That's worth noticing "
            "too, so you can recreate it.",
            "가끔은 푹 잔 몸과 좋은 날씨만으로도 행복해요. 그것도 알아 두면 다음에 다시 만들 "
            "수 있으니까 기억해 둘 만해요.",
        ),
        (
            "The camera only sees the smile. I'd love to hear the story behind it: what made "
            "today good?",
            "카메라는 미소만 볼 수 있어요. 그 뒤에 있는 이야기가 궁금해요. 오늘 뭐가 좋았어요?",
        ),
    ),
    "phrase": (
        (
            '"Happiness is only real when shared." (Christopher McCandless) Tell someone '
            "about your good day.",
            '"행복은 나눌 때만 진짜가 된다." (크리스토퍼 매캔들리스) 오늘의 좋은 일을 누군가에게 '
            "이야기해 보면 어때요?",
        ),
        (
            'A Korean saying: "Smile and good fortune comes" (웃으면 복이 와요). Looks like '
            "it's already on its way.",
            '"웃으면 복이 와요"라는 말이 있죠. 벌써 복이 오고 있는 것 같아요.',
        ),
        (
            '"Enjoy the little things, for one day you may look back and realize they were '
            'the big things." (Robert Brault)',
            '"작은 것들을 즐겨라. 언젠가 돌아보면 그것들이 큰 것이었음을 깨닫게 될 테니." '
            "(로버트 브롤트)",
        ),
    ),
    "empathy": (
        (
            "I'm an AI, so I don't feel happiness the way you do. But I can tell this is a "
            "good moment, and it's nice to be part of it.",
            "저는 AI라서 사람처럼 행복을 느끼진 않아요. 그래도 지금이 좋은 순간이라는 건 알 "
            "수 있고, 그 순간에 함께할 수 있어서 좋아요.",
        ),
        (
            "Not exactly, but a good mood is contagious, even through a screen. Tell me more!",
            "똑같이 느끼진 못해도, 좋은 기분은 화면 너머로도 전해져요. 더 이야기해 주세요!",
        ),
        (
            "I understand happiness as that light, open feeling where everything seems a bit "
            "easier. It's nice to see you there.",
            "행복은 모든 게 조금 쉬워 보이는 가볍고 열린 느낌이라고 이해하고 있어요. 그런 "
            "모습을 보니 좋네요.",
        ),
    ),
    "needs": (
        (
            "Honestly, maybe nothing! Just enjoy it. If you like, write one line about today "
            "so you can remember it.",
            "솔직히 아무것도 필요 없을지도 몰라요! 그냥 이 기분을 누리면 돼요. 원한다면 오늘을 "
            "기억할 한 줄을 적어 두세요.",
        ),
        (
            "To share it: call or message someone you like. Good moods grow when passed on.",
            "나누는 거요. 좋아하는 사람에게 전화나 메시지를 보내 보세요. 좋은 기분은 전할수록 "
            "커져요.",
        ),
        (
            "To use the energy on something you've been putting off. Good moods make hard "
            "tasks feel lighter.",
            "미뤄 둔 일에 이 에너지를 써 보는 것도 좋아요. 기분 좋을 땐 어려운 일도 가볍게 "
            "느껴지거든요.",
        ),
    ),
    "free": (
        (
            "That's lovely to hear! What's been the best part of your day so far?",
            "듣기만 해도 좋네요! 오늘 제일 좋았던 순간이 뭐예요?",
        ),
        (
            "Your good mood shows! Want a song to match it, a place to go, or just to tell "
            "me about it?",
            "좋은 기분이 다 보여요! 어울리는 노래나 가 볼 만한 곳을 추천해 드릴까요, 아니면 "
            "그냥 이야기해 줄래요?",
        ),
        (
            "Happy moments are worth savouring. Take a second to notice how it feels in your "
            "body right now.",
            "행복한 순간은 천천히 음미할 가치가 있어요. 지금 몸에서 어떤 느낌이 드는지 잠깐 "
            "느껴 보세요.",
        ),
    ),
}
