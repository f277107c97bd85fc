"""The cycle collector under serve: a rebuild scans none of what existed before it, and the
cycles a build left are freed once the server is idle."""

from __future__ import annotations

import gc
import time
import weakref

from briefings.collecting import IdleCollector, frozen_while_forked


class Node:
    def __init__(self) -> None:
        self.other = self  # a cycle: only the collector frees it


def test_a_rebuild_starts_frozen_and_the_idle_collection_frees_the_last_builds_cycles():
    collector = IdleCollector(delay=0.05)
    try:
        gc.unfreeze()
        collector.build_started()
        assert gc.isenabled()  # a first build is collected as it runs
        collector.build_finished()
        left_by_a_build = weakref.ref(Node())  # garbage, reachable from itself only
        collector.build_started()
        assert gc.get_freeze_count() > 0 and not gc.isenabled()  # nor is anything scanned while it runs
        gc.collect()  # what was frozen is not scanned: the cycle lives on
        assert left_by_a_build() is not None
        collector.build_finished()
        assert not gc.isenabled()  # until the idle collection: none before the site is served
        for _ in range(100):
            if left_by_a_build() is None and gc.get_freeze_count() > 0:
                break
            time.sleep(0.02)
        assert left_by_a_build() is None and gc.isenabled()
        assert gc.get_freeze_count() > 0  # what lives is frozen again for the next rebuild
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_a_build_started_before_the_idle_collection_puts_it_off():
    collector = IdleCollector(delay=0.2)
    try:
        gc.unfreeze()
        collector.build_started()
        collector.build_finished()  # the first build: collected at once
        collector.build_started()
        collector.build_finished()  # a rebuild: collected once the server is idle
        garbage = weakref.ref(Node())
        collector.build_started()  # the pending collection is cancelled
        time.sleep(0.4)
        assert garbage() is not None
    finally:
        collector.stop()
        gc.collect()


def test_the_first_build_is_collected_at_once_so_the_first_change_does_not_wait():
    collector = IdleCollector(delay=60)
    try:
        gc.unfreeze()
        collector.build_started()
        left_by_the_first_build = weakref.ref(Node())
        collector.build_finished()
        assert left_by_the_first_build() is None and gc.get_freeze_count() > 0
    finally:
        collector.stop()


def test_rebuilds_in_a_row_with_no_idle_time_are_collected_now_and_then():
    from briefings.collecting import MAX_UNCOLLECTED

    collector = IdleCollector(delay=60)
    try:
        gc.unfreeze()
        collector.build_started()
        collector.build_finished()
        garbage = weakref.ref(Node())
        for _ in range(MAX_UNCOLLECTED):
            collector.build_started()
            collector.build_finished()
            assert garbage() is not None and not gc.isenabled()
        collector.build_started()
        collector.build_finished()  # one too many: collected at its end
        assert garbage() is None and gc.isenabled()
    finally:
        collector.stop()


def test_work_left_for_the_idle_time_runs_once_there_or_at_the_stop():
    collector = IdleCollector(delay=0.05)
    done = []
    try:
        collector.build_started()
        collector.build_finished()  # the first build collects at once
        collector.build_started()
        collector.build_finished(then=lambda: done.append("idle"))
        assert done == []  # not before the site is served
        for _ in range(100):
            if done:
                break
            time.sleep(0.02)
        assert done == ["idle"]
        collector.build_started()
        work = lambda: done.append("stop")  # noqa: E731
        collector.build_finished(then=work)
        collector.build_started()  # a rebuild before any idle time: the work waits
        collector.build_finished(then=work)  # given again: still once
    finally:
        collector.stop()
    assert done == ["idle", "stop"]


def test_what_forked_children_share_is_frozen_while_they_live_and_only_then():
    gc.unfreeze()
    shared = [[] for _ in range(100)]
    with frozen_while_forked(True):
        assert gc.get_freeze_count() >= len(shared)  # neither side's collections scan (and copy) them
    assert gc.get_freeze_count() == 0
    with frozen_while_forked(False):  # no fork (serve): the collector as it was
        assert gc.get_freeze_count() == 0
