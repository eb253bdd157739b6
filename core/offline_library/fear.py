"""Offline replies for "fear": (English, Korean) pairs per topic."""

CONTENT: dict[str, tuple[tuple[str, str], ...]] = {
    "openers": (
        (
            "Feeling scared or anxious is exhausting. Let's help things feel a little safer first.",
            "무섭거나 불안한 마음은 정말 지치게 하죠. 먼저 조금 더 안전하다고 느낄 수 있게 "
            "해 봐요.",
        ),
        (
            "Your body's alarm is on, which means it's trying to protect you. Let's help it "
            "settle.",
            "지금 몸의 경보가 울리고 있는 거예요. 나를 지키려고 애쓰는 중이죠. 그 경보를 "
            "조금 낮춰 봐요.",
        ),
        (
            "You're not alone with this right now. Let's take it one small step at a time.",
            "지금 이 마음을 혼자 견디고 있는 게 아니에요. 작은 것부터 하나씩 해 봐요.",
        ),
    ),
    "food": (
        (
            "A warm, caffeine-free drink like boricha (roasted barley tea) or warm milk. "
            "Caffeine can mimic anxiety, while warmth in your hands tells your body it's safe.",
            "보리차나 따뜻한 우유처럼 카페인 없는 따뜻한 음료를 마셔 보세요. 카페인은 불안과 "
            "비슷한 두근거림을 만들고, 손에 전해지는 온기는 몸에게 '괜찮아'라는 신호를 줘요.",
        ),
        (
            "Something with slow carbs and protein, like oatmeal with a banana or rice with "
            "an egg. Steady blood sugar keeps the shaky feeling from getting worse.",
            "바나나를 넣은 오트밀이나 달걀 올린 밥처럼 천천히 소화되는 탄수화물과 단백질이 "
            "있는 음식이 좋아요. 혈당이 안정되면 떨리는 느낌이 심해지지 않아요.",
        ),
        (
            "A handful of almonds or pumpkin seeds: rich in magnesium, which helps muscles "
            "relax, and crunching slowly brings you back to the present.",
            "아몬드나 호박씨 한 줌도 좋아요. 근육 이완을 돕는 마그네슘이 풍부하고, 천천히 "
            "씹는 동안 마음이 지금 여기로 돌아와요.",
        ),
    ),
    "travel": (
        (
            "Somewhere close and familiar rather than far: a Han River park or Seoul Forest. "
            "Feeling safe matters more than novelty right now.",
            "지금은 먼 곳보다 가깝고 익숙한 곳이 좋아요. 한강공원이나 서울숲처럼 편하게 갈 수 "
            "있는 곳이요. 지금은 새로움보다 안전하다는 느낌이 더 중요해요.",
        ),
        (
            "A gentle, slow place like the reed fields of Suncheon Bay: flat paths, soft "
            "colours, nothing demanding.",
            "순천만 습지의 갈대밭처럼 느리고 순한 곳을 추천해요. 평평한 길, 부드러운 색감, "
            "애쓸 필요 없는 풍경이요.",
        ),
        (
            "A short day trip with someone you trust, like Dumulmeori in Yangpyeong where two "
            "rivers meet. Company turns the alarm down.",
            "믿는 사람과 함께 짧은 나들이를 다녀오세요. 두 강이 만나는 양평 두물머리처럼 "
            "당일치기로 충분해요. 함께 있으면 불안의 경보가 낮아져요.",
        ),
    ),
    "exercise": (
        (
            "4 minutes of box breathing: in for 4 seconds, hold 4, out 4, hold 4. Athletes "
            "and first responders use it to calm a racing heart.",
            "4분 동안 '박스 호흡'을 해 보세요. 4초 들이쉬고, 4초 멈추고, 4초 내쉬고, 4초 "
            "멈추기. 운동선수나 구조대원도 빨리 뛰는 심장을 진정시킬 때 써요.",
        ),
        (
            "The 5-4-3-2-1 grounding exercise, about 3 minutes: name 5 things you see, 4 you "
            "can touch, 3 you hear, 2 you smell and 1 you taste. It pulls your mind back to "
            "the present.",
            "3분 정도 '5-4-3-2-1 그라운딩'을 해 보세요. 보이는 것 5개, 만질 수 있는 것 4개, "
            "들리는 소리 3개, 냄새 2개, 맛 1개를 차례로 찾아보는 거예요. 마음을 지금 여기로 "
            "데려와 줘요.",
        ),
        (
            "A gentle 20-minute walk, noticing your feet touch the ground with each step. "
            "Rhythmic movement lowers anxiety.",
            "20분 정도 천천히 걸으면서 발바닥이 땅에 닿는 느낌에 집중해 보세요. 규칙적인 "
            "움직임이 불안을 낮춰 줘요.",
        ),
    ),
    "music": (
        (
            '"Don\'t Worry, Be Happy" by Bobby McFerrin: almost silly in its simplicity, and '
            "that's exactly why it helps.",
            '바비 맥퍼린의 "Don\'t Worry, Be Happy"를 들어 보세요. 어이없을 만큼 단순한데, '
            "바로 그래서 도움이 돼요.",
        ),
        (
            '"Bridge over Troubled Water" by Simon & Garfunkel: a song promising someone '
            "will be there to help you across.",
            '사이먼 앤 가펑클의 "Bridge over Troubled Water"는 험한 물 위에 다리가 되어 '
            "주겠다고 약속하는 노래예요.",
        ),
        (
            '"Magic Shop" by BTS: written as a safe place you can always come back to when '
            "you're scared.",
            '방탄소년단의 "Magic Shop"은 무섭고 불안할 때 언제든 돌아올 수 있는 안전한 곳을 '
            "노래해요.",
        ),
    ),
    "movie": (
        (
            "My Neighbor Totoro (1988): two sisters in a worrying time, with a big, soft, "
            "friendly spirit by their side. Pure comfort.",
            '"이웃집 토토로"(1988)는 걱정 많은 시기를 보내는 두 자매 곁에 크고 푹신한 토토로가 '
            "있어 주는 이야기예요. 그 자체로 위로가 돼요.",
        ),
        (
            "Finding Nemo (2003): a very anxious dad learns to be brave anyway. Gentle, "
            "funny and reassuring.",
            '"니모를 찾아서"(2003)는 겁 많은 아빠 물고기가 그래도 용기를 내는 이야기예요. '
            "다정하고 웃기고 든든해요.",
        ),
        (
            "The Secret Life of Walter Mitty (2013): a shy man leaves his comfort zone one "
            "small leap at a time, with beautiful Icelandic scenery.",
            '"월터의 상상은 현실이 된다"(2013)는 소심한 주인공이 한 걸음씩 익숙한 곳을 벗어나는 '
            "이야기예요. 아이슬란드 풍경도 정말 아름다워요.",
        ),
    ),
    "cause": (
        (
            "Fear usually points at uncertainty: something coming up that you can't control, "
            "like a test, a hard conversation or news you're waiting for. Is something like "
            "that ahead?",
            "두려움은 보통 불확실함을 가리켜요. 시험이나 어려운 대화, 기다리는 소식처럼 내가 "
            "통제할 수 없는 일이 다가올 때요. 그런 일이 앞에 있나요?",
        ),
        (
            "Sometimes anxiety has no clear cause. Little sleep, a lot of caffeine or a long "
            "stressful stretch can keep the alarm on by itself.",
            "가끔은 뚜렷한 이유 없이 불안하기도 해요. 잠이 부족하거나 카페인을 많이 "
            "마셨거나, 스트레스가 길게 이어지면 경보가 저절로 켜져 있을 수 있어요.",
        ),
        (
            "Your mind may be rehearsing the worst case to protect you. It helps to ask: "
            "what's the most likely outcome, not the worst one?",
            "마음이 나를 지키려고 최악의 상황을 미리 연습하고 있는 걸 수도 있어요. '최악'이 "
            "아니라 '가장 그럴듯한' 결과는 뭘까 물어보면 도움이 돼요.",
        ),
    ),
    "phrase": (
        (
            '"The only thing we have to fear is fear itself." (Franklin D. Roosevelt, 1933)',
            '"우리가 두려워해야 할 유일한 것은 두려움 그 자체다." (프랭클린 D. 루스벨트, 1933년)',
        ),
        (
            '"I am safe right now, in this moment." Say it slowly and feel your feet on the floor.',
            '"지금 이 순간, 나는 안전해." 천천히 말하면서 바닥에 닿은 발을 느껴 보세요.',
        ),
        (
            "A Korean proverb: \"Even if a tiger carries you off, you'll survive if you keep "
            'your wits" (호랑이에게 물려 가도 정신만 차리면 산다). One breath at a time.',
            '"호랑이에게 물려 가도 정신만 차리면 산다"는 속담이 있죠. 숨 한 번, 한 걸음씩이면 '
            "돼요.",
        ),
    ),
    "empathy": (
        (
            "I'm an AI, so I don't get scared the way you do. But I understand fear can make "
            "your heart race and your thoughts spin, and that it's hard to think clearly "
            "inside it.",
            "저는 AI라서 사람처럼 무서움을 느끼진 않아요. 그래도 두려움이 심장을 빨리 뛰게 "
            "하고 생각을 빙빙 돌게 해서, 그 안에서는 차분히 생각하기 어렵다는 건 알아요.",
        ),
        (
            "I can't feel it alongside you, but I can stay right here while you do. You "
            "don't have to be brave for me.",
            "같이 느낄 수는 없지만, 그 마음을 느끼는 동안 여기 곁에 있을게요. 저한테 용감한 "
            "척하지 않아도 돼요.",
        ),
        (
            "Being scared doesn't mean you're weak; it means something matters to you. I "
            "understand that much, and I'm listening.",
            "무섭다는 건 약하다는 뜻이 아니라, 그만큼 소중한 게 있다는 뜻이에요. 그건 저도 "
            "이해해요. 듣고 있어요.",
        ),
    ),
    "needs": (
        (
            "To feel safe first: a calm spot, slower breathing and a warm drink. Your body "
            "needs to know it's okay before your mind can follow.",
            "먼저 안전하다는 느낌이 필요해요. 조용한 곳, 느린 호흡, 따뜻한 음료요. 몸이 "
            "괜찮다고 느껴야 마음도 따라와요.",
        ),
        (
            'Someone with you. Texting a friend "can you talk for a bit?" can shrink a fear a lot.',
            '곁에 있어 줄 사람이 필요할지도 몰라요. 친구에게 "잠깐 얘기할 수 있어?"라고 '
            "보내는 것만으로 두려움이 훨씬 작아질 수 있어요.",
        ),
        (
            "One small, doable next step. Write the worry down, then write the smallest "
            "thing you could do about it today.",
            "작고 할 수 있는 다음 한 걸음이 필요해요. 걱정을 종이에 적고, 오늘 할 수 있는 "
            "가장 작은 행동 하나를 그 옆에 적어 보세요.",
        ),
    ),
    "free": (
        (
            "That sounds scary. You can talk freely here. What's worrying you most right now?",
            "많이 무서웠겠어요. 여기서는 편하게 이야기해도 괜찮아요. 지금 제일 걱정되는 게 뭐예요?",
        ),
        (
            "Let's slow things down together: breathe in for 4 and out for 6, three times. "
            "Then, if you like, tell me what's on your mind.",
            "우리 같이 속도를 늦춰 봐요. 4초 들이쉬고 6초 내쉬기를 세 번만요. 그다음에 "
            "괜찮으면 마음에 걸리는 걸 말해 주세요.",
        ),
        (
            "It's okay to feel anxious. I can suggest a calming exercise or a comforting song "
            "or film, or we can simply talk. Which would help?",
            "불안한 마음이 드는 건 괜찮아요. 마음을 가라앉히는 운동이나 위로가 되는 노래, "
            "영화를 추천할 수도 있고, 그냥 이야기를 나눠도 돼요. 뭐가 좋을까요?",
        ),
    ),
}
