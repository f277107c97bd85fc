"""partner.py: a forked partner takes every other item of a loop; its log records and report
come back to the first process, which logs them; its error, or its death, is told. Each case
runs in a fresh interpreter, where no thread of an earlier test makes the fork unsafe."""

import os
import subprocess
import sys
import textwrap
import threading

import pytest
from briefings.partner import fork_partner

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")

SETUP = """
    import logging, os, sys
    from briefings.partner import fork_partner, log_joined
    shown = []
    class Keep(logging.Handler):
        def emit(self, record):
            shown.append((os.getpid(), record.levelname, record.getMessage()))
    logger = logging.getLogger("mkdocs")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    logger.addHandler(Keep(logging.INFO))
    first = os.getpid()
"""


def run_alone(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(SETUP) + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_each_side_takes_every_other_item_and_the_partners_lines_are_logged_here():
    out = run_alone("""
        partner = fork_partner()
        mine = [item for index, item in enumerate("甲乙丙丁戊己") if partner.takes(index)]
        if partner.is_partner:
            logging.getLogger("mkdocs.hooks").warning("partner wrote %s", "".join(mine))
            logging.getLogger("mkdocs.hooks").debug("below every handler's level: not kept")
            partner.finish({"pid": os.getpid()})
        assert mine == ["甲", "丙", "戊"]
        joined = partner.join()
        assert not joined.died and joined.error is None
        assert joined.report["pid"] != first
        assert shown == []  # nothing was shown by the partner itself
        log_joined(joined)
        assert shown == [(first, "WARNING", "partner wrote 乙丁己")]
        print("ok")
    """)
    assert out.strip() == "ok"


def test_a_failing_partner_sends_its_error():
    run_alone("""
        partner = fork_partner()
        if partner.is_partner:
            partner.finish(error="ValueError: 页面坏了")
        joined = partner.join()
        assert joined.error == "ValueError: 页面坏了" and not joined.died
    """)


def test_a_partner_that_dies_without_a_word_is_told():
    run_alone("""
        import signal
        partner = fork_partner()
        if partner.is_partner:
            os.kill(os.getpid(), signal.SIGKILL)
        joined = partner.join()
        assert joined.died and joined.error is None and joined.records == []
    """)


def test_a_stopped_partner_is_gone():
    run_alone("""
        import time
        partner = fork_partner()
        if partner.is_partner:
            time.sleep(60)
            partner.finish()
        child = partner._child
        partner.stop()
        try:
            os.kill(child, 0)
            raise AssertionError("the partner still runs")
        except ProcessLookupError:
            pass
    """)


def test_with_another_thread_running_there_is_no_partner():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert fork_partner() is None
    finally:
        stop.set()
        other.join()
