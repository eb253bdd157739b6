"""Offline replies for "angry": (English, Korean) pairs per topic."""

CONTENT: dict[str, tuple[tuple[str, str], ...]] = {
    "openers": (
        (
            "Anger usually means something mattered to you. Let's cool the heat a little.",
            "화가 난다는 건 그만큼 중요한 무언가가 있었다는 뜻이에요. 열기를 조금 식혀 봐요.",
        ),
        (
            "That sounds frustrating. Your body is probably still running hot, so let's "
            "start there.",
            "많이 답답하셨겠어요. 몸이 아직 달아올라 있을 테니 거기서부터 시작해 봐요.",
        ),
        (
            "It's okay to be angry. Let's find something that lets the steam out safely.",
            "화가 나는 건 자연스러운 일이에요. 그 열기를 안전하게 빼 줄 만한 걸 찾아봐요.",
        ),
    ),
    "food": (
        (
            "Something cold and crunchy, like chilled cucumber sticks or watermelon. The cold "
            "cools you down, and crunching gives your jaw somewhere to put the tension.",
            "차갑고 아삭한 오이 스틱이나 수박을 먹어 보세요. 시원함이 몸의 열기를 식히고, "
            "아삭아삭 씹는 동안 턱에 들어간 힘도 풀려요.",
        ),
        (
            "A cup of chamomile or peppermint tea. It's caffeine-free, so it won't add jitter "
            "to the adrenaline you already have, and sipping slowly slows your breathing too.",
            "캐모마일이나 페퍼민트 차 한 잔 어떠세요? 카페인이 없어서 이미 올라온 아드레날린에 "
            "불을 더 붙이지 않고, 천천히 마시다 보면 숨도 자연스럽게 느려져요.",
        ),
        (
            "Warm oatmeal, or a banana with a handful of nuts. Anger burns energy, and slow "
            "carbs plus magnesium help you come down without a sugar crash.",
            "따뜻한 오트밀이나 바나나에 견과류 한 줌을 곁들여 보세요. 화가 나면 에너지를 많이 "
            "쓰는데, 천천히 흡수되는 탄수화물과 마그네슘이 몸을 차분하게 진정시켜 줘요.",
        ),
        (
            "A glass of iced maesil-cha (green plum tea): tart, cold, and a classic Korean "
            "way to settle a churning stomach.",
            "시원한 매실차 한 잔도 좋아요. 새콤하고 차가워서 속이 부글부글할 때 가라앉히기 좋아요.",
        ),
    ),
    "travel": (
        (
            "A windy coastline, like the beaches of Gangneung or Sokcho on Korea's east coast. "
            "Watching big waves gives anger somewhere big to go, and the sea air does the rest.",
            "강릉이나 속초 같은 동해 바다에 가 보세요. 크게 부서지는 파도를 보고 있으면 화도 "
            "함께 흘려보내기 쉬워지고, 바닷바람이 나머지를 식혀 줘요.",
        ),
        (
            "A short climb with a view, such as an oreum (volcanic hill) on Jeju or a trail in "
            "Bukhansan National Park. Effort on a slope, then a wide view, makes the thing "
            "that angered you look much smaller.",
            "제주의 오름이나 북한산 둘레길처럼 조금 오르면 탁 트인 풍경이 보이는 곳을 "
            "추천해요. 땀 흘려 오른 뒤 넓은 풍경을 보면 화나게 한 일이 훨씬 작아 보여요.",
        ),
        (
            "Somewhere quiet and green, like the Juknokwon bamboo forest in Damyang. The "
            "rustle of bamboo and the cool shade are naturally calming.",
            "담양 죽녹원처럼 조용하고 푸른 곳도 좋아요. 대나무 잎이 스치는 소리와 시원한 "
            "그늘이 마음을 자연스럽게 가라앉혀 줘요.",
        ),
    ),
    "exercise": (
        (
            "10 minutes of brisk walking or an easy jog, then 2 minutes of slow breathing "
            "(in for 4 seconds, out for 6). Moving burns off stress hormones; the long "
            "exhale switches your body back to calm.",
            "10분 정도 빠르게 걷거나 가볍게 뛰고, 이어서 2분 동안 천천히 호흡해 보세요(4초 "
            "들이쉬고 6초 내쉬기). 움직이면서 스트레스 호르몬을 쓰고, 길게 내쉬는 숨이 몸을 "
            "다시 차분하게 돌려놓아요.",
        ),
        (
            "5 minutes of shadow boxing in 30-second rounds (or punching a pillow), then "
            "shake out your arms. It's a safe outlet for the urge to hit something.",
            "30초씩 끊어서 5분 동안 섀도복싱을 하거나 베개를 쳐 보세요. 끝나면 팔을 털어 "
            "주고요. 뭔가 치고 싶은 충동을 안전하게 풀 수 있어요.",
        ),
        (
            "10 minutes of progressive muscle relaxation: tense your feet, legs, fists, "
            "shoulders and jaw for 5 seconds each, then let go for 15. Anger hides in tight "
            "muscles.",
            "10분 동안 점진적 근육 이완을 해 보세요. 발, 다리, 주먹, 어깨, 턱 순서로 5초씩 "
            "힘을 줬다가 15초 동안 풀어 주는 거예요. 화는 굳은 근육 속에 숨어 있거든요.",
        ),
    ),
    "music": (
        (
            '"Three Little Birds" by Bob Marley: an easy reggae beat that keeps telling you '
            "every little thing is gonna be all right.",
            '밥 말리의 "Three Little Birds"를 들어 보세요. 느긋한 레게 리듬에 \'다 괜찮아질 '
            "거야'라는 가사가 계속 반복돼요.",
        ),
        (
            '"Weightless" by Marconi Union: an ambient track made with sound therapists to '
            "slow your heart rate. Put it on and breathe along with it.",
            '마르코니 유니언의 "Weightless"는 심박수를 낮추도록 사운드 테라피스트와 함께 만든 '
            "앰비언트 곡이에요. 틀어 놓고 숨을 맞춰 보세요.",
        ),
        (
            '"Shake It Off" by Taylor Swift, loud, for one song\'s worth of letting it go. '
            "Then switch to something slower.",
            '테일러 스위프트의 "Shake It Off"를 크게 틀고 한 곡 동안 털어 내 보세요. 그다음엔 '
            "조금 느린 곡으로 넘어가고요.",
        ),
    ),
    "movie": (
        (
            "Kung Fu Panda (2008): funny and warm, and quietly about finding inner peace "
            "when everything is pushing you around.",
            '"쿵푸팬더"(2008)를 추천해요. 웃기고 따뜻하면서도, 흔들릴 때 내면의 평화를 찾는 '
            "이야기가 담겨 있어요.",
        ),
        (
            "Chef (2014): a cook loses his temper, quits, and finds his joy again with a food "
            "truck. Satisfying and gentle.",
            '"아메리칸 셰프"(2014)는 화를 참지 못해 일을 그만둔 요리사가 푸드트럭으로 다시 '
            "즐거움을 찾는 이야기예요. 보고 나면 속이 풀려요.",
        ),
        (
            "Inside Out (2015): watching Anger's head burst into flames is oddly soothing, "
            "and the film shows why every feeling has a job.",
            "\"인사이드 아웃\"(2015)에서 머리에 불이 붙는 '버럭'을 보다 보면 묘하게 속이 "
            "시원해져요. 모든 감정에는 다 역할이 있다는 것도 보여 주고요.",
        ),
    ),
    "cause": (
        (
            "A camera can see a frown, not the reason. Anger often shows up when a boundary "
            "was crossed, something felt unfair, or you were blocked from something you "
            "needed. Does one of those fit?",
            "카메라는 찌푸린 표정은 보지만 이유까지는 몰라요. 화는 보통 내 선이 침범당했을 때, "
            "뭔가 부당하다고 느낄 때, 꼭 필요한 걸 가로막혔을 때 찾아와요. 그중에 해당하는 게 "
            "있나요?",
        ),
        (
            "Sometimes anger sits on top of something softer, like hurt, tiredness or worry. "
            "If you peel it back a little, what's underneath?",
            "때로는 화 밑에 더 여린 감정이 숨어 있기도 해요. 서운함이나 피로, 걱정 같은 "
            "것들이요. 화를 살짝 걷어 내면 그 아래엔 뭐가 있을까요?",
        ),
        (
            "Hunger, poor sleep and a long day shorten everyone's fuse. If that's part of it, "
            "it's not a failing; your body is asking for a break.",
            "배고픔, 부족한 잠, 긴 하루는 누구의 인내심이든 줄여 놓아요. 그런 게 섞여 있다면 "
            "잘못한 게 아니라, 몸이 좀 쉬자고 신호를 보내는 거예요.",
        ),
    ),
    "phrase": (
        (
            '"When angry, count ten before you speak; if very angry, a hundred." '
            "(Thomas Jefferson)",
            '"화가 나면 말하기 전에 열을 세라. 몹시 화가 나면 백을 세라." (토머스 제퍼슨)',
        ),
        (
            'Say to yourself: "I can be angry and still choose what I do next."',
            '속으로 이렇게 말해 보세요. "화가 나도, 다음에 뭘 할지는 내가 고를 수 있어."',
        ),
        (
            '"Anger is a wind which blows out the lamp of the mind." (Robert G. Ingersoll) '
            "Give the lamp a minute to relight before deciding anything.",
            '"분노는 마음의 등불을 꺼 버리는 바람이다." (로버트 G. 잉거솔) 무언가 결정하기 '
            "전에 등불이 다시 켜질 시간을 잠깐 주세요.",
        ),
    ),
    "empathy": (
        (
            "I'm an AI, so I don't feel anger the way you do. But I understand it can feel "
            "like pressure building in your chest, and that it usually means something "
            "important to you was stepped on.",
            "저는 AI라서 사람처럼 화를 느끼지는 않아요. 그래도 화가 가슴속에서 압력처럼 "
            "차오르는 느낌이라는 것, 그리고 대개 소중한 무언가가 짓밟혔을 때 생긴다는 건 "
            "이해해요.",
        ),
        (
            "I can't share the feeling, but I can stay with you in it. You don't need to calm "
            "down for my sake; tell me as much or as little as you like.",
            "같은 기분을 느낄 수는 없지만, 그 마음 옆에 같이 있을게요. 저를 위해 진정할 "
            "필요는 없어요. 하고 싶은 만큼만 이야기해 주세요.",
        ),
        (
            'Being angry can be lonely, because people often just say "calm down". I won\'t. '
            "It makes sense to be upset when something feels wrong.",
            "화가 나 있으면 다들 '진정해'라고만 해서 외로울 때가 있죠. 저는 그러지 않을게요. "
            "뭔가 잘못됐다고 느끼면 화가 나는 게 당연해요.",
        ),
    ),
    "needs": (
        (
            "Probably some space first: 15 minutes away from whoever or whatever set it off, "
            "before any reply or decision.",
            "먼저 약간의 거리가 필요할 것 같아요. 답장이나 결정을 하기 전에, 화나게 한 사람이나 "
            "일에서 15분만 떨어져 있어 보세요.",
        ),
        (
            "A way to let the energy out that won't cost you later: a fast walk, an angry "
            "letter you never send, or cold water splashed on your face.",
            "나중에 후회할 일 없이 에너지를 빼낼 방법이 필요해요. 빠르게 걷기, 보내지 않을 "
            "편지에 마음껏 쏟아 내기, 찬물로 세수하기 같은 거요.",
        ),
        (
            'Maybe to be heard. Telling someone you trust "I just need to vent for five '
            'minutes" can help a lot.',
            '어쩌면 누군가 들어 주는 게 필요할지도 몰라요. 믿을 만한 사람에게 "5분만 '
            '하소연해도 될까?"라고 말해 보는 것만으로도 많이 나아질 수 있어요.',
        ),
    ),
    "free": (
        (
            "I hear you. When you're angry, it helps to name exactly what crossed the line. "
            "Do you want to tell me what happened, or would you rather have a quick way to "
            "cool down?",
            "그랬군요. 화가 날 때는 뭐가 선을 넘었는지 정확히 짚어 보는 게 도움이 돼요. 무슨 "
            "일이 있었는지 말해 줄래요, 아니면 빨리 열을 식힐 방법부터 알려 드릴까요?",
        ),
        (
            "That would get to most people. First, unclench your jaw, drop your shoulders "
            "and breathe out slowly once. Which part bothers you most?",
            "그런 일이면 누구라도 화가 날 거예요. 우선 악문 이를 풀고, 어깨를 내리고, 숨을 "
            "길게 한 번 내쉬어 봐요. 그중에서 제일 신경 쓰이는 부분이 뭐예요?",
        ),
        (
            "Your anger makes sense. I can suggest a song, a short exercise or something to "
            "eat that cools you down, or we can just talk it through. What would help most?",
            "화가 나는 게 이해돼요. 열을 식혀 줄 노래나 짧은 운동, 음식을 추천할 수도 있고, "
            "그냥 이야기를 나눠도 좋아요. 뭐가 가장 도움이 될까요?",
        ),
    ),
}
