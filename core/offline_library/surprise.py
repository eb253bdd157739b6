"""Offline replies for "surprise": (English, Korean) pairs per topic."""

CONTENT: dict[str, tuple[tuple[str, str], ...]] = {
    "openers": (
        (
            "Whoa, something caught you off guard! Let's catch our breath.",
            "어머, 뭔가 깜짝 놀랄 일이 있었나 봐요! 우선 숨 한번 고르고요.",
        ),
        (
            "Surprise can go either way, exciting or unsettling. Either way, here's a little "
            "something.",
            "놀람은 좋은 쪽일 수도, 당황스러운 쪽일 수도 있죠. 어느 쪽이든 이런 건 어때요?",
        ),
        (
            "Life just threw you something unexpected. Let's make room to take it in.",
            "예상 못 한 일이 찾아왔군요. 천천히 받아들일 여유를 만들어 봐요.",
        ),
    ),
    "food": (
        (
            "Something grounding and familiar after a jolt: a warm cup of tea and a simple "
            "rice bowl. Everyday food helps your body settle.",
            "놀란 뒤엔 익숙하고 든든한 게 좋아요. 따뜻한 차 한 잔과 간단한 덮밥 한 그릇이요. "
            "늘 먹던 음식이 몸을 진정시켜 줘요.",
        ),
        (
            "If it was a happy surprise, celebrate with something special, like the dessert "
            "you'd normally skip.",
            "좋은 일로 놀란 거라면 특별한 걸로 축하해요. 평소엔 참던 디저트 같은 거요.",
        ),
        (
            "Give yourself a surprise of your own: a fruit you've never tried, such as "
            "dragon fruit, fresh figs or a ripe persimmon.",
            "이번엔 내가 나를 놀라게 해 볼 차례예요. 용과, 생무화과, 잘 익은 홍시처럼 안 먹어 "
            "본 과일 하나를 골라 보세요.",
        ),
    ),
    "travel": (
        (
            "Somewhere full of surprises, like Gamcheon Culture Village in Busan, where every "
            "alley hides colourful murals and art.",
            "골목마다 알록달록한 벽화와 작품이 숨어 있는 부산 감천문화마을처럼 놀라움이 가득한 "
            "곳을 추천해요.",
        ),
        (
            "A random day trip: open a map, pick a town you've never heard of within two "
            "hours by train, and go see what's there.",
            "'무작위 당일치기' 어때요? 지도를 펴고 기차로 두 시간 안쪽의 처음 들어 보는 동네를 "
            "골라 그냥 가 보는 거예요.",
        ),
        (
            "Nature's own surprises on Jeju: the Manjanggul lava tube, or Seongsan "
            "Ilchulbong at sunrise.",
            "제주 만장굴 용암동굴이나 해 뜰 무렵의 성산일출봉처럼 자연이 만든 놀라움을 보러 가 "
            "보세요.",
        ),
    ),
    "exercise": (
        (
            "After a jolt, steady your body first: 2 minutes of slow breathing with long "
            "exhales, then a 10-minute walk.",
            "깜짝 놀란 뒤엔 몸부터 안정시켜요. 2분 동안 길게 내쉬는 호흡을 하고, 이어서 10분 "
            "정도 걸어 보세요.",
        ),
        (
            "Shake it out: 1 minute of loosely shaking your hands, arms and legs, the way "
            "animals do after a fright, then stand still and breathe.",
            "몸을 털어 보세요. 동물들이 놀란 뒤에 그러듯이 1분 동안 손, 팔, 다리를 가볍게 털고, "
            "가만히 서서 숨을 쉬어 보세요.",
        ),
        (
            "Use up the adrenaline: 15 minutes of jump rope or a quick jog.",
            "올라온 아드레날린을 써 보세요. 줄넘기나 가벼운 달리기 15분이요.",
        ),
    ),
    "music": (
        (
            '"Don\'t Stop Me Now" by Queen: if the surprise was a good one, ride that wave.',
            '퀸의 "Don\'t Stop Me Now"는 좋은 일로 놀랐다면 그 기세를 타기 딱 좋아요.',
        ),
        (
            '"September" by Earth, Wind & Fire: joyful and bouncy, made for happy surprises.',
            '어스 윈드 앤 파이어의 "September"는 통통 튀는 즐거운 곡이라 기분 좋은 놀람과 잘 '
            "어울려요.",
        ),
        (
            'If it was unsettling: "Gymnopédie No. 1" by Erik Satie. Slow piano to bring '
            "your pulse back down.",
            '당황스러운 놀람이었다면 에릭 사티의 "짐노페디 1번"을 들어 보세요. 느린 피아노가 '
            "빨라진 맥박을 가라앉혀 줘요.",
        ),
    ),
    "movie": (
        (
            "Up (2009): an old man ties thousands of balloons to his house and flies away. "
            "Full of surprises and heart.",
            '"업"(2009)은 할아버지가 집에 풍선 수천 개를 매달고 날아가는 이야기예요. 놀라움과 '
            "감동이 가득해요.",
        ),
        (
            "The Truman Show (1998): a man discovers his whole life is a TV show. "
            "Surprising, funny and thought-provoking.",
            '"트루먼 쇼"(1998)는 자기 인생 전체가 TV 쇼였다는 걸 알게 되는 남자의 이야기예요. '
            "놀랍고 재밌고 생각할 거리도 많아요.",
        ),
        (
            "The Grand Budapest Hotel (2014): a whirlwind caper full of twists, in candy colours.",
            '"그랜드 부다페스트 호텔"(2014)은 사탕 같은 색감 속에서 반전이 이어지는 신나는 '
            "모험극이에요.",
        ),
    ),
    "cause": (
        (
            "Surprise happens when reality doesn't match what you expected: news, a message, "
            "a sudden change. What didn't you see coming?",
            "놀람은 현실이 예상과 다를 때 생겨요. 소식이나 메시지, 갑작스러운 변화 같은 거요. "
            "어떤 일이 예상 밖이었어요?",
        ),
        (
            "Surprise itself lasts only seconds; what follows tells you more. Is it turning "
            "into excitement, confusion or worry?",
            "놀람 자체는 몇 초면 지나가요. 그 뒤에 따라오는 감정이 더 많은 걸 말해 주죠. "
            "지금 그게 설렘, 혼란, 걱정 중 어느 쪽으로 바뀌고 있나요?",
        ),
        (
            "Sometimes raised eyebrows alone look like surprise to the camera. Did something "
            "actually surprise you, or were you just concentrating?",
            "가끔은 눈썹만 올라가도 카메라가 놀람으로 읽기도 해요. 정말 놀랄 일이 있었나요, "
            "아니면 그냥 집중하고 있었나요?",
        ),
    ),
    "phrase": (
        (
            'The old story behind "새옹지마" (the old man\'s lost horse): his runaway horse '
            "came back leading another, and bad luck turned to good. Unexpected turns can "
            "lead somewhere good.",
            '"새옹지마"라는 말처럼, 뜻밖의 일이 어디로 이어질지는 아무도 몰라요. 달아난 말이 '
            "좋은 말을 데리고 돌아왔듯, 나쁜 일이 좋은 일로 바뀌기도 하죠.",
        ),
        (
            '"Wonder is the beginning of wisdom." (attributed to Socrates)',
            '"경이로움은 지혜의 시작이다." (소크라테스의 말로 전해져요)',
        ),
        (
            'Tell yourself: "I don\'t have to react right away. I can take a moment."',
            '스스로에게 말해 보세요. "바로 반응하지 않아도 돼. 잠깐 시간을 가져도 괜찮아."',
        ),
    ),
    "empathy": (
        (
            "I'm an AI, so nothing really startles me, but I understand that jolt: the "
            "racing heart and the mind scrambling to catch up.",
            "저는 AI라서 깜짝 놀라는 일은 없지만, 그 덜컥하는 느낌은 이해해요. 심장이 뛰고 "
            "머리가 따라잡느라 바쁜 느낌이요.",
        ),
        (
            "Not the same way, but I'm curious with you! What happened?",
            "똑같이 느끼진 못해도 저도 같이 궁금해요! 무슨 일이었어요?",
        ),
        (
            "I can't feel it, but I understand surprise can be exciting and unsettling at "
            "once. Both are okay.",
            "느낄 수는 없지만, 놀람이 설레면서 동시에 불안할 수도 있다는 건 알아요. 둘 다 "
            "괜찮아요.",
        ),
    ),
    "needs": (
        (
            "A moment to process. Sit down, breathe, and let it settle before deciding anything.",
            "받아들일 시간이 필요해요. 잠깐 앉아서 숨을 고르고, 무언가 결정하기 전에 마음이 "
            "가라앉게 두세요.",
        ),
        (
            "Someone to tell. Surprises are easier to digest once you say them out loud to a "
            "friend.",
            "이야기할 사람이요. 놀라운 일은 친구에게 소리 내어 말하면 훨씬 소화하기 쉬워져요.",
        ),
        (
            "If it's good news, a little celebration; if not, a plan with just one first "
            "step. Which kind of surprise was it?",
            "좋은 소식이라면 작은 축하가, 아니라면 첫 단계 하나짜리 계획이 필요해요. 어떤 "
            "놀람이었어요?",
        ),
    ),
    "free": (
        (
            "Wow, that sounds unexpected! Was it a good surprise or a tough one?",
            "와, 예상 못 한 일이었겠네요! 좋은 쪽으로 놀란 거예요, 아니면 당황스러운 쪽이에요?",
        ),
        (
            "Take a breath; that's a lot to take in. Want to tell me more about it?",
            "숨 한번 고르세요. 받아들일 게 많았겠어요. 좀 더 이야기해 줄래요?",
        ),
        (
            "Surprises shake things up. I can suggest music to match the moment or something "
            "calming, or we can talk it through.",
            "놀라운 일은 마음을 흔들어 놓죠. 지금 기분에 맞는 음악이나 마음을 가라앉힐 만한 걸 "
            "추천할 수도 있고, 같이 이야기해 봐도 좋아요.",
        ),
    ),
}
