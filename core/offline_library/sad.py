"""Offline replies for "sad": (English, Korean) pairs per topic."""

CONTENT: dict[str, tuple[tuple[str, str], ...]] = {
    "openers": (
        (
            "I'm sorry you're feeling low. Let's be gentle with you today.",
            "마음이 가라앉아 있군요. 오늘은 스스로에게 조금 더 다정해져 봐요.",
        ),
        (
            "Sadness is heavy. You don't have to fix it right away; let's just make it a "
            "little lighter.",
            "슬픔은 무겁죠. 당장 없애지 않아도 돼요. 조금만 가볍게 만들어 봐요.",
        ),
        (
            "It's okay to feel sad. Here's something small that might help.",
            "슬퍼해도 괜찮아요. 작은 도움이 될 만한 걸 하나 건네 볼게요.",
        ),
    ),
    "food": (
        (
            "A warm bowl of soup, like doenjang-jjigae or gukbap. Warm food is comforting "
            "and easy to eat when your appetite is low.",
            "된장찌개나 국밥처럼 따뜻한 국물 요리를 드셔 보세요. 따뜻한 음식은 마음을 달래 "
            "주고, 입맛이 없을 때도 넘기기 쉬워요.",
        ),
        (
            "A couple of squares of dark chocolate with a banana. Not a cure, but a small "
            "treat plus steady energy can soften the edge.",
            "다크초콜릿 두어 조각에 바나나 하나를 곁들여 보세요. 해결책은 아니지만, 작은 "
            "달콤함과 꾸준한 에너지가 무거운 기분을 조금 덜어 줘요.",
        ),
        (
            "Grilled mackerel or salmon with rice. Oily fish has omega-3s, which are linked "
            "to mood, and cooking yourself a proper meal is an act of care in itself.",
            "고등어구이나 연어에 밥 한 공기 어때요? 등 푸른 생선의 오메가-3는 기분과도 관련이 "
            "있고, 제대로 된 한 끼를 챙기는 것 자체가 나를 돌보는 일이에요.",
        ),
        (
            "A familiar home-style dish, like gyeran-jjim (steamed egg) or whatever someone "
            "used to make for you. Familiar tastes are comforting.",
            "계란찜처럼 어릴 때 누군가 해 주던 익숙한 음식을 드셔 보세요. 익숙한 맛이 위로가 돼요.",
        ),
    ),
    "travel": (
        (
            "A quiet spot by the water, like Anmok Beach's coffee street in Gangneung. "
            "Looking at the sea with a warm drink gives sadness room to breathe.",
            "강릉 안목해변 커피거리처럼 조용한 바닷가에 가 보세요. 따뜻한 커피를 들고 바다를 "
            "보면 슬픔에도 숨 쉴 공간이 생겨요.",
        ),
        (
            "Somewhere slow and green, like Damyang's bamboo forest or the reeds of Suncheon "
            "Bay. Nature doesn't ask anything of you.",
            "담양 대나무숲이나 순천만 갈대밭처럼 느리고 푸른 곳이요. 자연은 아무것도 요구하지 "
            "않으니까요.",
        ),
        (
            "You don't have to go far: an hour in a nearby park, or at a café window seat, "
            "can be a small trip too.",
            "멀리 가지 않아도 괜찮아요. 가까운 공원이나 창가 자리가 있는 카페에서 한 시간 "
            "보내는 것도 작은 여행이 돼요.",
        ),
    ),
    "exercise": (
        (
            "A slow 20-minute walk outside, ideally in daylight. Light and gentle movement "
            "are two of the most reliable mood lifters.",
            "밖에서 20분 정도 천천히 걸어 보세요. 되도록 햇빛이 있을 때요. 햇빛과 가벼운 "
            "움직임은 기분을 끌어올리는 가장 믿을 만한 방법이에요.",
        ),
        (
            "10 minutes of gentle stretching on the floor: child's pose, a lying twist and "
            "legs up the wall. Be soft with your body.",
            "바닥에서 10분 정도 가볍게 스트레칭해 보세요. 아기 자세, 누워서 몸 비틀기, 벽에 "
            "다리 올리기요. 몸을 부드럽게 대해 주세요.",
        ),
        (
            "Put on one song and just sway along for 4 minutes. Small movement counts.",
            "노래 한 곡을 틀고 4분 동안 가볍게 몸을 흔들어 보세요. 작은 움직임도 충분히 의미 "
            "있어요.",
        ),
    ),
    "music": (
        (
            '"Fix You" by Coldplay: it starts quiet and sad, then slowly lifts. Good for '
            "feeling it fully and then feeling a bit better.",
            '콜드플레이의 "Fix You"는 조용하고 슬프게 시작해서 천천히 차오르는 곡이에요. '
            "마음껏 슬퍼하다가 조금 나아지기 좋은 노래예요.",
        ),
        (
            '"Breathe" (한숨) by Lee Hi: a gentle song saying it\'s okay to sigh and okay to '
            "be tired.",
            '이하이의 "한숨"은 한숨 쉬어도 괜찮다고, 지쳐도 괜찮다고 다독여 주는 노래예요.',
        ),
        (
            '"Let It Be" by The Beatles: calm, simple words of comfort.',
            '비틀스의 "Let It Be"는 차분하고 단순한 위로의 말들로 채워진 노래예요.',
        ),
        (
            '"Spring Day" (봄날) by BTS: about missing someone, and the hope that spring '
            "will come again.",
            '방탄소년단의 "봄날"은 누군가를 그리워하는 마음과, 결국 봄이 다시 올 거라는 희망을 '
            "노래해요.",
        ),
    ),
    "movie": (
        (
            "Inside Out (2015): it shows why sadness matters and how it helps people reach "
            "each other. Gentle and wise.",
            '"인사이드 아웃"(2015)은 슬픔이 왜 중요한지, 슬픔이 어떻게 사람들을 서로 이어 '
            "주는지 보여 줘요. 다정하고 지혜로운 영화예요.",
        ),
        (
            "Little Forest (2018): a young woman returns to her country home and cooks "
            "through the seasons. Quiet, warm and healing.",
            '"리틀 포레스트"(2018)는 고향 시골집에 돌아온 주인공이 계절마다 요리를 해 먹는 '
            "이야기예요. 조용하고 따뜻하게 마음을 어루만져 줘요.",
        ),
        (
            "About Time (2013): a tender film about love, family and treasuring ordinary "
            "days. Keep tissues nearby, in a good way.",
            '"어바웃 타임"(2013)은 사랑과 가족, 평범한 하루의 소중함을 그린 다정한 '
            "영화예요. 좋은 의미로 휴지를 옆에 두세요.",
        ),
        (
            "Paddington (2014): a polite bear far from home finds a family. Kind, funny and "
            "very comforting.",
            '"패딩턴"(2014)은 집을 떠나온 예의 바른 곰이 새 가족을 만나는 이야기예요. 다정하고 '
            "웃기고 큰 위로가 돼요.",
        ),
    ),
    "cause": (
        (
            "Sadness usually follows a loss or a disappointment, big or small: something "
            "ended, didn't happen, or someone let you down. Does that ring true?",
            "슬픔은 보통 크든 작든 무언가를 잃거나 실망했을 때 찾아와요. 뭔가 끝났거나, "
            "기대한 일이 일어나지 않았거나, 누군가에게 서운했을 때요. 그런 일이 있었나요?",
        ),
        (
            "It can also be loneliness or plain tiredness. A long week without rest can feel "
            "a lot like sadness.",
            "외로움이나 그냥 쌓인 피로일 수도 있어요. 쉬지 못한 긴 한 주가 슬픔처럼 "
            "느껴지기도 하거든요.",
        ),
        (
            "The camera sees your expression, not your story. If you want to share it, I'm "
            "listening. And if this heaviness lasts for weeks, talking to a professional "
            "can really help.",
            "카메라는 표정만 볼 뿐 사연은 몰라요. 이야기하고 싶다면 듣고 있을게요. 그리고 이 "
            "무거운 마음이 몇 주씩 이어진다면 전문가와 이야기해 보는 게 정말 도움이 될 수 "
            "있어요.",
        ),
    ),
    "phrase": (
        (
            'A Korean proverb: "Even a mouse hole gets sunlight someday" (쥐구멍에도 볕 들 '
            "날 있다). Better days do come.",
            '"쥐구멍에도 볕 들 날 있다"는 속담처럼, 좋은 날은 꼭 와요.',
        ),
        (
            '"This too shall pass." An old saying, and still true: feelings are weather, '
            "not climate.",
            '"이 또한 지나가리라." 오래된 말이지만 여전히 맞아요. 감정은 날씨 같아서 머물다 '
            "지나가요.",
        ),
        (
            "Try telling yourself: \"It makes sense that I feel this way, and I'm allowed to "
            'take it slowly."',
            '스스로에게 이렇게 말해 보세요. "이렇게 느끼는 게 당연해. 천천히 가도 괜찮아."',
        ),
    ),
    "empathy": (
        (
            "I'm an AI, so I don't feel sadness myself. But I understand it can feel like a "
            "weight on your chest, where everything takes more effort. That's real, and it's "
            "okay.",
            "저는 AI라서 직접 슬픔을 느끼지는 못해요. 그래도 슬픔이 가슴을 누르는 무게 같고, "
            "모든 일에 힘이 더 든다는 건 알아요. 그건 진짜 감정이고, 괜찮아요.",
        ),
        (
            "I can't feel it with you, but I can keep you company in it. You don't need to "
            "cheer up for my sake.",
            "같이 느낄 수는 없지만 그 곁에 같이 있을 수는 있어요. 저를 위해 억지로 기운 낼 "
            "필요 없어요.",
        ),
        (
            "Not the same way, but I hear you. Sadness often means you cared about "
            "something, and that's nothing to be ashamed of.",
            "똑같이 느끼진 못해도 마음은 잘 들려요. 슬프다는 건 그만큼 아꼈다는 뜻이기도 "
            "해요. 부끄러워할 일이 아니에요.",
        ),
    ),
    "needs": (
        (
            "Rest and warmth: a warm drink, a blanket, and permission to do less today.",
            "쉼과 따뜻함이 필요해요. 따뜻한 음료, 담요, 그리고 오늘은 조금 덜 해도 된다는 "
            "허락이요.",
        ),
        (
            "Connection: a message to someone who cares about you, even just \"I'm having a "
            'rough day".',
            '누군가와의 연결이요. 아끼는 사람에게 "오늘 좀 힘드네"라고 메시지 하나만 보내도 돼요.',
        ),
        (
            "A small kindness to yourself: a shower, a proper meal or some sunlight. On sad "
            "days, tiny steps count.",
            "나를 위한 작은 친절이요. 샤워하기, 제대로 된 한 끼, 햇볕 쬐기 같은 거요. 슬픈 "
            "날엔 작은 걸음도 충분히 대단해요.",
        ),
    ),
    "free": (
        (
            "I'm here. Do you want to tell me what's making you sad, or would something "
            "comforting help more right now?",
            "여기 있을게요. 무엇 때문에 슬픈지 이야기해 줄래요, 아니면 지금은 위로가 될 만한 "
            "게 더 필요할까요?",
        ),
        (
            "That sounds hard. It's okay not to be okay. What would feel even a little bit "
            "good right now?",
            "많이 힘들었겠어요. 괜찮지 않아도 괜찮아요. 지금 조금이라도 기분 좋아질 만한 게 "
            "뭘까요?",
        ),
        (
            "Thank you for telling me. I can suggest a comforting song, a gentle film or a "
            "warm meal, or just listen. Whatever you need.",
            "이야기해 줘서 고마워요. 위로가 되는 노래나 잔잔한 영화, 따뜻한 음식을 추천할 "
            "수도 있고, 그냥 들어 줄 수도 있어요. 필요한 대로 해요.",
        ),
    ),
}
