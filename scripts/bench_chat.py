"""Chat latency: time to first token through the app's backend vs. the SDK directly.

Starts the local OpenAI-compatible server (tests/support/fake_openai.py) in its own
process, then for each of ``--runs`` interleaved rounds measures the time until the
first text delta:

- ``sdk``: ``client.chat.completions.create(..., stream=True)`` with a ready-made
  message list (what any app would have to send anyway);
- ``backend``: ``OpenAIBackend.stream(turn)``, which also
  builds the system prompt and trims the history to the character budget;
- ``respond``: ``core.chat.respond`` with the keyword crisis check and the
  moderation request running in parallel (moderation enabled).

All three share one client (same timeout, retries and connection pool) and read
each reply to the end so connections are reused. It prints median and p95 of each,
the paired per-round overhead, and the offline responder's first-chunk latency.

    .venv/bin/python scripts/bench_chat.py            # 200 rounds
    .venv/bin/python scripts/bench_chat.py --runs 500
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.chat import (  # noqa: E402
    ChatConfig,
    OpenAIBackend,
    Turn,
    Utterance,
    build_client,
    build_messages,
    respond,
)
from core.emotions import EMOTIONS  # noqa: E402
from core.offline_responder import OfflineResponder  # noqa: E402
from core.prompts import TOPICS, prompt_for_topic  # noqa: E402

OVERHEAD_BUDGET_MS = 20.0
OFFLINE_BUDGET_MS = 50.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(name: str, values_ms: list[float]) -> str:
    return (
        f"{name:<34} median {statistics.median(values_ms):7.2f} ms   "
        f"p95 {percentile(values_ms, 95):7.2f} ms   (n={len(values_ms)})"
    )


@contextlib.contextmanager
def server_process(chunk_delay: float) -> Iterator[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tests.support.fake_openai", "--port", "0"]
    if chunk_delay:
        command += ["--chunk-delay", str(chunk_delay)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)  # noqa: S603 - fixed argv
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def conversation(turns: int = 10) -> list[Utterance]:
    rng = random.Random(7)
    history: list[Utterance] = []
    for i in range(turns):
        history.append(Utterance("user", prompt_for_topic("sad", rng.choice(TOPICS), "en")))
        history.append(Utterance("assistant", f"Reply number {i}. " + "Some kind words. " * 12))
    history.append(
        Utterance("user", "I'm feeling sad now. Please give me music that suits my mood")
    )
    return history


def first_token_ms(start: Callable[[], Iterator[str]]) -> float:
    """Time until the first non-empty delta; the rest is read (connection reuse)."""
    started = time.perf_counter_ns()
    stream = start()
    first = None
    for piece in stream:
        if piece and first is None:
            first = (time.perf_counter_ns() - started) / 1e6
    if first is None:
        raise RuntimeError("empty reply")
    return first


def bench_online(url: str, runs: int, warmup: int) -> bool:
    config = ChatConfig(api_key="sk-bench", base_url=url, model="bench-model", max_retries=0)
    moderated = ChatConfig(**{**config.__dict__, "moderation": True})
    plain = ChatConfig(**{**config.__dict__, "moderation": False})
    client = build_client(config)
    backend = OpenAIBackend(plain, client=client)
    with_moderation = OpenAIBackend(moderated, client=client)
    turn = Turn(conversation(), emotion="sad", confidence=0.87, lang="en")
    payload = build_messages(turn, budget=config.history_char_budget)

    def sdk() -> Iterator[str]:
        response = client.chat.completions.create(
            model=config.model, messages=payload, stream=True, temperature=config.temperature
        )
        return (c.choices[0].delta.content or "" for c in response if c.choices)

    def app() -> Iterator[str]:
        return backend.stream(turn)

    def app_respond() -> Iterator[str]:
        return respond(with_moderation, turn).chunks

    paths = {"sdk": sdk, "backend": app, "respond": app_respond}
    for _ in range(warmup):
        for start in paths.values():
            first_token_ms(start)
    results: dict[str, list[float]] = {name: [] for name in paths}
    names = list(paths)
    for round_index in range(runs):
        order = names if round_index % 2 == 0 else names[::-1]
        for name in order:
            results[name].append(first_token_ms(paths[name]))

    print(f"time to first token against the local server ({url}), {runs} interleaved rounds")
    print(summary("SDK directly", results["sdk"]))
    print(summary("OpenAIBackend.stream", results["backend"]))
    print(summary("respond() + parallel moderation", results["respond"]))
    paired = [b - s for b, s in zip(results["backend"], results["sdk"], strict=True)]
    paired_respond = [b - s for b, s in zip(results["respond"], results["sdk"], strict=True)]
    added = statistics.median(results["backend"]) - statistics.median(results["sdk"])
    print(summary("added by the backend (paired)", paired))
    print(summary("added by respond() (paired)", paired_respond))
    print(f"{'added by the backend (medians)':<34} {added:7.2f} ms")
    ok = (
        statistics.median(paired) < OVERHEAD_BUDGET_MS
        and percentile(paired, 95) < OVERHEAD_BUDGET_MS
    )
    print(f"target: the app adds < {OVERHEAD_BUDGET_MS:.0f} ms -> {'PASS' if ok else 'FAIL'}")
    return ok


def bench_offline(runs: int) -> bool:
    history = conversation(40)[:-1]
    timings: list[float] = []
    combos = [(e, t, lang) for e in EMOTIONS for t in TOPICS for lang in ("en", "ko")]
    for index in range(runs):
        emotion, topic, lang = combos[index % len(combos)]
        messages = [*history, Utterance("user", prompt_for_topic(emotion, topic, lang))]
        responder = OfflineResponder(random.Random(index))
        started = time.perf_counter_ns()
        next(responder.stream(Turn(messages, emotion=emotion, confidence=0.8, lang=lang)))
        timings.append((time.perf_counter_ns() - started) / 1e6)
    print(f"offline responder first chunk, {runs} runs over every emotion x topic x language")
    print(summary("offline first chunk", timings))
    print(f"{'offline first chunk (max)':<34} {max(timings):7.2f} ms")
    ok = max(timings) < OFFLINE_BUDGET_MS
    print(f"target: first chunk < {OFFLINE_BUDGET_MS:.0f} ms -> {'PASS' if ok else 'FAIL'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--offline-runs", type=int, default=1000)
    parser.add_argument("--chunk-delay", type=float, default=0.0, help="server pause per chunk")
    args = parser.parse_args(argv)
    with server_process(args.chunk_delay) as url:
        online_ok = bench_online(url, args.runs, args.warmup)
    print()
    offline_ok = bench_offline(args.offline_runs)
    return 0 if online_ok and offline_ok else 1


if __name__ == "__main__":
    sys.exit(main())
