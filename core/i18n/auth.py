"""Strings of the Login and Register pages and of account validation."""

STRINGS: dict[str, dict[str, str]] = {
    "auth.username": {"ko": "아이디", "en": "Username"},
    "auth.email": {"ko": "이메일", "en": "Email"},
    "auth.password": {"ko": "비밀번호", "en": "Password"},
    "auth.confirm": {"ko": "비밀번호 확인", "en": "Confirm password"},
    "auth.login_id": {"ko": "아이디 또는 이메일", "en": "Username or email"},
    "auth.login_title": {"ko": "로그인", "en": "Log in"},
    "auth.login_button": {"ko": "로그인", "en": "Log in"},
    "auth.register_title": {"ko": "회원가입", "en": "Create your account"},
    "auth.register_button": {"ko": "가입하기", "en": "Sign up"},
    "auth.no_account": {"ko": "아직 계정이 없나요?", "en": "No account yet?"},
    "auth.have_account": {"ko": "이미 계정이 있나요?", "en": "Already have an account?"},
    "auth.username_help": {
        "ko": "3~16자, 한글·영문·숫자만 쓸 수 있어요.",
        "en": "3–16 characters: letters (Hangul too) and digits only.",
    },
    "auth.password_help": {
        "ko": "8자 이상, 대문자·숫자·특수문자를 각각 하나 이상 넣어 주세요.",
        "en": "At least 8 characters with an uppercase letter, a digit and a special character.",
    },
    "auth.welcome": {"ko": "{name} 님, 환영해요!", "en": "Welcome, {name}!"},
    "auth.registered": {
        "ko": "가입이 끝났어요. 바로 로그인되었어요.",
        "en": "You're signed up and logged in.",
    },
    "auth.logged_out": {"ko": "로그아웃했어요. 또 만나요!", "en": "You're logged out. See you!"},
    "auth.invalid_credentials": {
        "ko": "아이디(또는 이메일)나 비밀번호가 맞지 않아요.",
        "en": "The username (or email) or password is incorrect.",
    },
    "auth.throttled": {
        "ko": "로그인 시도가 너무 많았어요. {minutes}분 뒤에 다시 시도해 주세요.",
        "en": "Too many login attempts. Please try again in {minutes} min.",
    },
    "auth.err.username_required": {"ko": "아이디를 입력해 주세요.", "en": "Enter a username."},
    "auth.err.username_length": {
        "ko": "아이디는 3~16자여야 해요.",
        "en": "A username has 3 to 16 characters.",
    },
    "auth.err.username_chars": {
        "ko": "아이디에는 한글, 영문, 숫자만 쓸 수 있어요 (공백·특수문자 불가).",
        "en": "Use only letters and digits (no spaces or special characters).",
    },
    "auth.err.username_taken": {
        "ko": "이미 사용 중인 아이디예요.",
        "en": "That username is already taken.",
    },
    "auth.err.email_required": {"ko": "이메일을 입력해 주세요.", "en": "Enter an email address."},
    "auth.err.email_invalid": {
        "ko": "올바른 이메일 주소가 아니에요.",
        "en": "That is not a valid email address.",
    },
    "auth.err.email_taken": {
        "ko": "이미 가입된 이메일이에요.",
        "en": "That email address is already registered.",
    },
    "auth.err.password_required": {"ko": "비밀번호를 입력해 주세요.", "en": "Enter a password."},
    "auth.err.password_short": {
        "ko": "비밀번호는 8자 이상이어야 해요.",
        "en": "Use at least 8 characters.",
    },
    "auth.err.password_long": {
        "ko": "비밀번호는 128자 이하로 해 주세요.",
        "en": "Use at most 128 characters.",
    },
    "auth.err.password_upper": {
        "ko": "대문자를 하나 이상 넣어 주세요.",
        "en": "Include at least one uppercase letter.",
    },
    "auth.err.password_digit": {
        "ko": "숫자를 하나 이상 넣어 주세요.",
        "en": "Include at least one digit.",
    },
    "auth.err.password_special": {
        "ko": "특수문자(예: ! @ # $)를 하나 이상 넣어 주세요.",
        "en": "Include at least one special character (e.g. ! @ # $).",
    },
    "auth.err.confirm_mismatch": {
        "ko": "비밀번호가 서로 달라요.",
        "en": "The passwords don't match.",
    },
    "auth.err.current_password": {
        "ko": "현재 비밀번호가 맞지 않아요.",
        "en": "The current password is incorrect.",
    },
    "auth.err.login_required": {
        "ko": "아이디(또는 이메일)와 비밀번호를 모두 입력해 주세요.",
        "en": "Enter both your username (or email) and password.",
    },
    "auth.err.password_unchanged": {
        "ko": "새 비밀번호가 지금 비밀번호와 같아요. 다른 비밀번호를 정해 주세요.",
        "en": "The new password is the same as the current one. Choose a different one.",
    },
    "auth.err.account_gone": {
        "ko": "이 계정은 더 이상 없어요.",
        "en": "This account no longer exists.",
    },
    "auth.signed_out_password": {
        "ko": "다른 곳에서 비밀번호가 바뀌어 로그아웃되었어요. 새 비밀번호로 다시 로그인해 주세요.",
        "en": "You were signed out because the password was changed. "
        "Log in again with the new password.",
    },
}
