"""background.py: work in a forked child, its result back; the work done here when a fork
is not safe or the child fails. The fork cases run in a fresh interpreter, where no thread of an
earlier test can make the fork unsafe (and so the work be done here)."""

import os
import subprocess
import sys
import textwrap
import threading

import pytest
from briefings.background import in_background

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


def run_alone(code: str) -> None:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_the_childs_result_comes_back_and_the_work_ran_in_the_child():
    run_alone("""
        import os
        from briefings.background import in_background
        parent = os.getpid()
        result = in_background(lambda: (os.getpid(), [("search/meta.js", "x" * 200_000)]))()
        assert result[0] != parent, "the work ran here"
        assert result[1] == [("search/meta.js", "x" * 200_000)]  # more than a pipe holds at once
    """)


def test_a_failing_child_leaves_the_work_to_the_caller():
    run_alone("""
        import os
        from briefings.background import in_background
        parent, calls = os.getpid(), []
        def work():
            calls.append(os.getpid())
            if os.getpid() != parent:
                raise RuntimeError("the child fails")
            return "done here"
        assert in_background(work)() == "done here" and calls == [parent]  # the child's call is not seen here
    """)


def test_with_another_thread_running_the_work_is_done_here():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert in_background(lambda: os.getpid())() == os.getpid()
    finally:
        stop.set()
        other.join()
