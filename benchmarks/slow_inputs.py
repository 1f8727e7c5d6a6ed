"""Text that costs more than its length: seconds to parse pathological shapes at 20 kB and 100 kB.

    python benchmarks/slow_inputs.py

Each shape is one article made of a phrase repeated: a run-on sentence of reports ("The official said
that The official said that ..."), a transcript of short quotes ('"Yes," he said. ' over and over) and a
bare cue repeated ("said said said ..."). Linear cost means 100 kB takes about 5 x the time of 20 kB;
issue 14 asks for at most 8 x, and under 3 s at 100 kB.
"""
from __future__ import annotations

import time

import analystkit

SHAPES = {
    "run-on reports": lambda n: ("The official said that " * (n // 23)).strip() + ".",
    "short quotes": lambda n: '"Yes," he said. ' * (n // 16),
    "bare cues": lambda n: "said " * (n // 5),
}


def main() -> None:
    analystkit.parse("The official said on Monday that the bridge will reopen.")  # compile the patterns first
    for name, make in SHAPES.items():
        seconds = {}
        for size in (20_000, 100_000):
            started = time.perf_counter()
            analystkit.parse(make(size))
            seconds[size] = time.perf_counter() - started
        print(f"{name:15s} 20 kB {seconds[20_000]:6.2f} s   100 kB {seconds[100_000]:6.2f} s   "
              f"ratio {seconds[100_000] / seconds[20_000]:5.1f} (linear: 5)", flush=True)


if __name__ == "__main__":
    main()
