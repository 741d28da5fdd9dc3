"""Questions asked over and over in a thread while nodes die, and the verdict on every answer.

``with QuestionLoop(mix) as loop:`` asks every question of ``mix`` (name -> call) in turn until the block is
left, keeping each answer; a question that raises is recorded as failed, never taken for an answer. Latencies
are kept apart before and after ``mark()`` (the moment a node was stopped). ``loop.verdict(accepted, compare)``
then says which answers were right: equal (``compare`` finds no difference) to the answer of one of the
``accepted`` answer sets, e.g. the answers before a node was killed, or those of the old and of the new delivery
while a load runs (an answer may be either, never a mix, and once a question got the new one it never gets the
old one again).
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

#: Where two answers differ, as readable lines (none: the same answer).
Compare = Callable[[object, object], list[str]]


@dataclass(frozen=True)
class Verdict:
    #: Per accepted answer set (by position), how many answers were that set's.
    matched: tuple[int, ...]
    #: The answers that were none of the accepted ones: the question and the first differences.
    wrong: tuple[str, ...]
    #: Questions answered from an earlier answer set after a later one (a period flipping back).
    back_to_old: tuple[str, ...]
    #: Answers in no set that were asked across the switch from one set to the next (see `verdict`).
    across_switch: tuple[str, ...] = ()


@dataclass
class QuestionLoop:
    mix: Mapping[str, Callable[[], object]]
    #: (question, asked at, answered at, answer) in the order they were answered (`time.perf_counter()`).
    answers: list[tuple[str, float, float, object]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    before_ms: list[float] = field(default_factory=list)
    after_ms: list[float] = field(default_factory=list)
    marked_at: float = 0.0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def mark(self) -> None:
        """From now on latencies count as "after" (call it when a node is stopped)."""
        self.marked_at = time.perf_counter()

    @property
    def passes(self) -> int:
        """Whole rounds of the mix asked so far (answers and failures over the mix's size)."""
        return (len(self.answers) + len(self.failed)) // max(len(self.mix), 1)

    def wait_passes(self, n: int, timeout: float) -> bool:
        """Wait until ``n`` more rounds of the mix were asked (False if not within ``timeout`` seconds)."""
        target = self.passes + n
        deadline = time.monotonic() + timeout
        while self.passes < target:
            if time.monotonic() > deadline or self._thread is None or not self._thread.is_alive():
                return False
            time.sleep(0.1)
        return True

    def verdict(
        self,
        accepted: Sequence[Mapping[str, object]],
        compare: Compare,
        switch: tuple[float, float] | None = None,
    ) -> Verdict:
        """Judge every answer kept against the ``accepted`` answer sets (in the order they may follow).

        ``switch``: when the store switched from one answer set to the next (``time.perf_counter()`` before and
        after the call that did it). A question the query layer answers with several store calls may combine
        both sides when it is asked across that moment: such an answer is listed in ``across_switch``, not in
        ``wrong``; every other answer must be exactly one of the sets.
        """
        matched = [0] * len(accepted)
        wrong: list[str] = []
        back: list[str] = []
        latest: dict[str, int] = {}
        across: list[str] = []
        for n, (name, t0, t1, answer) in enumerate(self.answers):
            misses: list[str] = []
            for i, answers in enumerate(accepted):
                diffs = compare(answers[name], answer)
                if not diffs:
                    matched[i] += 1
                    if i < latest.get(name, 0):
                        back.append(f"answer {n}, {name}: set {i} after set {latest[name]}")
                    latest[name] = max(i, latest.get(name, 0))
                    break
                misses.append(f"against set {i} ({len(diffs)} differences): {'; '.join(diffs[:3])}")
            else:
                line = f"answer {n}, {name}: {' | '.join(misses)}"[:1500]
                (across if switch and t0 <= switch[1] and t1 >= switch[0] else wrong).append(line)
        return Verdict(tuple(matched), tuple(wrong), tuple(back), tuple(across))

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, ask in self.mix.items():
                if self._stop.is_set():
                    return
                t0 = time.perf_counter()
                try:
                    answer = ask()
                except Exception as exc:  # a failed question is reported, never taken for a right answer
                    cause = f" (from {exc.__cause__!r})" if exc.__cause__ else ""
                    self.failed.append(f"{name}: {type(exc).__name__}: {exc}{cause}"[:1000])
                    continue
                t1 = time.perf_counter()
                (self.after_ms if self.marked_at and t0 >= self.marked_at else self.before_ms).append((t1 - t0) * 1000)
                self.answers.append((name, t0, t1, answer))

    def summary(self) -> str:
        """One line: answers, failures, and p50 / max latency before and after the mark."""

        def p(samples: list[float]) -> str:
            return f"p50 {statistics.median(samples):.0f} ms, max {max(samples):.0f} ms" if samples else "none"

        return (
            f"{len(self.answers)} answers, {len(self.failed)} failed; "
            f"before the stop {p(self.before_ms)}; after {p(self.after_ms)}"
        )

    def __enter__(self) -> QuestionLoop:
        self._thread = threading.Thread(target=self._run, name="question-loop", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
