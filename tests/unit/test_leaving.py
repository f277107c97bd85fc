"""briefings.leaving: a finished build leaves after its exit handlers, without the teardown."""

from __future__ import annotations

import subprocess
import sys
import textwrap

PROGRAM = textwrap.dedent("""
    import atexit, sys, threading
    from briefings.leaving import leave_finished_process

    class Noisy:
        def __del__(self):
            print("freed", flush=True)

    kept = Noisy()  # freed by the interpreter's teardown, if it runs
    atexit.register(lambda: print("exit handler", flush=True))
    if sys.argv[1] == "busy":
        done = threading.Event()
        threading.Thread(target=done.wait, args=(0.5,)).start()
    print("left out", file=sys.stdout, end="")  # unflushed: leaving flushes it
    leave_finished_process()
    print(" and returned", flush=True)
""")


def run(mode: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PROGRAM, mode], capture_output=True, text=True, timeout=60)


def test_a_finished_process_runs_its_exit_handlers_and_leaves_with_status_0_without_freeing_its_objects():
    done = run("alone")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "left outexit handler\n"  # no "freed", no "returned"


def test_a_process_whose_thread_still_runs_is_left_to_exit_as_usual():
    done = run("busy")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["left out and returned", "exit handler", "freed"]
