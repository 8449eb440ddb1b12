"""`--jobs N`: candidate rows checked in N worker processes, handed back in row order; then the teams judged.

Each worker reads the whole file itself (reading is the cheap part) and checks every N-th batch of rows; the
parent reads nothing, and takes the batches back in turn, so it only judges duplicates and puts people in their
teams, in row order, and writes the report — which is therefore the same, byte for byte, as with one process.
Of several files (a folder of street workbooks), each small one goes whole to one worker instead (see Files).
Once every row is in, the teams are complete: the workers judge them, every N-th batch of teams each."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Generator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eligibility.candidate import Member, RowSource, Team
from eligibility.errors import EligibilityError, RosterError
from eligibility.report import Serialised, is_barred
from eligibility.roster.readers import Note, RawRecord, Skip, Table
from eligibility.roster.sources import Input

if TYPE_CHECKING:
    from eligibility.engine import Options, Review

# A loaded rule set as a worker receives it (Policy.recipe): its file, its --set values, the file's digest.
Recipe = tuple[Path | None, dict[str, object], str]

# Rows per batch: large enough that passing a batch between processes costs little beside checking it, small
# enough to keep every worker busy and memory flat.
BATCH = 2000
# Batches a worker may have checked before the parent takes them: reading never runs far ahead of writing.
AHEAD = 4
# Teams per batch sent to be judged: about as much work as a batch of rows.
TEAMS_BATCH = 250
# Of several rosters, one smaller than this (a street's workbook, a few hundred rows) goes whole to one worker;
# a larger one is shared out by batches of rows, as a run of one file is.
WHOLE_FILE_BYTES = 1 << 20

# A row as a worker hands it back: its result as JSON, its ID number as the duplicate check goes by it, the
# row itself (read again by the parent in the rare case it must be), and what its team needs: street,
# community, the person's election day, the day the member questions were answered for, the member, and
# whether the row wrote its day.
Checked = tuple[Serialised, int | str | None, Any, tuple[str, str, dt.date, dt.date, Member, bool]]
# Between two cells of a row sent compact; a row with one in a cell is sent as it is.
_SEP = "\x1f"
_END = "end"
_TEAMS = "teams"
_BROKEN = "broken"  # the rows of a batch before the one that stopped the file, and its error
_SOURCE = "source"  # a whole file to read and check
_TABLES = "tables"  # its tables as opened, without their rows
_UNOPENED = "unopened"  # the error that kept it from being opened
_REHEADED = "reheaded"  # the headers written again in another order above a batch's last row (Table.reheaded)
_FILLED = "filled"  # the rows of the batch that took the street its file's name gives (Table.street_filled)

# The resource tracker's own warnings, passed to it as a -W option (see quiet_tracker).
_QUIET_TRACKER = "ignore::UserWarning:multiprocessing.resource_tracker"


def quiet_tracker() -> None:
    """The standard library's resource tracker, started with the interpreter's -W options by the first queue,
    cleans up the queues' semaphores after a run that SIGTERM stopped mid-shutdown, and warned of each in
    Python's words ("2 leaked semaphore objects"): under the one line that said why the run stopped, a CI log
    read as a crash (CI run of f3566f3). It still cleans them up, and says nothing."""
    if _QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(_QUIET_TRACKER)


class Workers:
    """N processes, each with the same rule set and tables as the review that started it."""

    def __init__(self, review: Review, jobs: int) -> None:
        assert review.started is not None
        from eligibility.ruleset.loader import Policy

        ruleset: Recipe | Policy | str | Path | None
        ruleset, options = review.started
        if isinstance(ruleset, Policy):
            # Sent as its recipe and loaded in the worker, where a rule file changed since is an error the
            # worker can report, rather than a failure while the process is being started.
            ruleset = ruleset.recipe()
        # spawn, not fork: the parent may run threads (the progress display), which fork does not copy safely.
        context = multiprocessing.get_context("spawn")
        self.jobs = jobs
        self.processes: list[Any] = []
        held, interrupt = False, None
        try:
            quiet_tracker()
            # Made first: their semaphores start the standard library's resource tracker, which unblocks Ctrl-C
            # once it has started, and so would let it be lost below.
            self.tasks = [context.Queue() for _ in range(jobs)]
            self.results = [context.Queue(maxsize=AHEAD) for _ in range(jobs)]
            # Started with Ctrl-C ignored, which they keep from their first instruction: set once a worker ran, one
            # pressed while it was starting printed its traceback (helper-58). The parent stops them. The parent
            # holds it back (blocks it) meanwhile and takes it after: ignored alone, one pressed while they
            # started was lost, and the run went on to its end (CI, stop 28).
            if threading.current_thread() is threading.main_thread():
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
                held, interrupt = True, signal.signal(signal.SIGINT, signal.SIG_IGN)
            for worker in range(jobs):
                process = context.Process(
                    target=_serve,
                    args=(ruleset, options, worker, jobs, self.tasks[worker], self.results[worker]),
                    daemon=True,
                )
                process.start()
                self.processes.append(process)
                # The parent only reads these: its copy of the pipe's writing end, left open, kept a read waiting
                # for ever on half a batch a killed worker left in the pipe, where the worker's end closing now
                # ends it (EOFError, said as worker-stopped) (helper-55).
                self.results[worker]._writer.close()  # type: ignore[attr-defined]
        except OSError as err:
            # More workers than the system lets one process start (--jobs 100000: too many open files).
            for process in self.processes:
                process.kill()
            raise EligibilityError("workers-unstartable", jobs=jobs, reason=err.strerror or str(err)) from err
        finally:
            if held:
                signal.signal(signal.SIGINT, interrupt)
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # one held back is taken now

    def check(
        self, source: Input, table: Table, skipped: frozenset[str], where_read: frozenset[str] | None
    ) -> Iterator[Checked]:
        """Each row of the table checked (no duplicate or team question yet), in row order; `where_read`, what of
        the rules skipped a row holding a column the file lacks runs (see Review._where_read)."""
        for tasks in self.tasks:
            tasks.put((source, table.path, table.sheet, skipped, where_read))
        notes = yield from self._taken(itertools.cycle(range(self.jobs)), table, shared=True)
        if notes is not None:
            # As the last batch's worker, reading every row, found them (header-reordered).
            table.notes[:] = _joined(table.notes, notes)

    def _taken(
        self, turns: Iterator[int], table: Table, shared: bool = False
    ) -> Generator[Checked, None, Any]:
        """Checked rows from the workers whose turn it is, batch by batch, until one says the table has ended
        (what it said of it is returned); a file that broke midway yields the rows before the break, then its
        error is raised. A `shared` file's other workers met the same break, reading past it to their own
        batches: what each said of it is taken too, so that their next word is of the next file.

        The headers written again in another order that a worker met are set on `table` before the rows under
        them: a row read again here (a duplicate ID number) is read by them, its cells named by their places."""
        for worker in turns:
            kind, payload = self._next(worker)
            while kind in (_REHEADED, _FILLED):
                if kind == _FILLED:
                    # In row order, as the batches come: the first eleven, as one reader keeps (Table.street_filled).
                    table.street_filled[:] = (table.street_filled + payload)[:11]
                else:
                    table.reheaded[:] = payload
                kind, payload = self._next(worker)
            if kind == "error":
                raise payload
            if kind == _END:
                return payload
            if kind == _BROKEN:
                checked, error = payload
                yield from checked
                if shared and isinstance(error, RosterError):
                    # The file's own: every reader of it stops there.
                    for other in (w for w in range(self.jobs) if w != worker):
                        while self._next(other)[0] not in ("error", _BROKEN, _END):
                            pass  # a batch before the break: already taken from the file's worker in turn
                raise error
            yield from payload
        return None

    def files(self, sources: list[Input]) -> Files:
        """Several rosters, each to go whole to a worker ahead of its turn (see Files)."""
        return Files(self, sources)

    def judge(
        self,
        teams: list[Team],
        skipped: tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], set[str]],
    ) -> Iterator[Serialised]:
        """The teams judged, in their order: a batch to each worker in turn, a few batches ahead of the one
        being taken back, and each team let go here once sent. `skipped`: the rules each file went without, and
        of those the ones for want of approved seats alone (Review._skipped); and the files with a street column
        (Review._street_columned)."""
        batches: list[list[Team] | None] = [
            teams[start : start + TEAMS_BATCH] for start in range(0, len(teams), TEAMS_BATCH)
        ]
        teams.clear()
        ahead = self.jobs * AHEAD

        def send(number: int) -> None:
            if number < len(batches):
                self.tasks[number % self.jobs].put((_TEAMS, skipped, batches[number]))
                batches[number] = None

        for number in range(ahead):
            send(number)
        for number in range(len(batches)):
            kind, payload = self._next(number % self.jobs)
            if kind == "error":
                raise payload
            send(number + ahead)
            yield from payload

    def _next(self, worker: int) -> tuple[str, Any]:
        """The worker's next message; if the worker has died instead (killed, out of memory), say so."""
        while True:
            try:
                message: tuple[str, Any] = self.results[worker].get(timeout=2)
                return message
            except queue.Empty:
                process = self.processes[worker]
                if not process.is_alive():
                    raise EligibilityError(
                        "worker-stopped", worker=worker + 1, code=process.exitcode
                    ) from None
            except (EOFError, OSError):
                # Killed while it was sending: the pipe ends inside a message.
                process = self.processes[worker]
                process.join(timeout=5)
                raise EligibilityError("worker-stopped", worker=worker + 1, code=process.exitcode) from None

    def close(self, at_once: bool = False) -> None:
        """Let idle workers finish; a worker still busy (the run stopped on an error, or was stopped) is stopped,
        `at_once` or after a second's grace shared by all (a second each had --jobs 16 take 16 s to stop)."""
        for tasks in self.tasks:
            tasks.put(None)
        deadline = time.monotonic() + (0 if at_once else 1)
        for process in self.processes:
            process.join(timeout=max(0.0, deadline - time.monotonic()))
        for tasks, process in zip(self.tasks, self.processes, strict=True):
            if process.is_alive():
                process.kill()
                process.join()
            if process.exitcode != 0:
                # A stopped worker reads no more: the batches still queued for it would keep this process from
                # exiting, waiting to write them into a pipe no one empties (helper-55). Only then: cancelled
                # for a worker that ended well, the queue's clean-up was cut short at exit and Python warned of
                # a leaked semaphore (helper-56).
                tasks.cancel_join_thread()


class Files:
    """The rosters of a run of several files, in the order the parent reads them. Each small one goes whole to a
    worker in turn, a few files ahead of the one the parent is taking back, so that the workers read and check
    files side by side; the parent opens none of them. A large one waits until the parent reaches it, and is
    shared out by batches (Workers.check)."""

    def __init__(self, workers: Workers, sources: list[Input]) -> None:
        self.workers = workers
        self.waiting = deque((source, _small(source)) for source in sources)
        self.sent: deque[tuple[Input, int]] = deque()
        self.turn = 0

    def opened(self, source: Input) -> list[Table] | None:
        """The tables of `source` as a worker opened them, each table's rows coming as the worker checked them
        (see Review._from_worker); None for a large file, which the parent opens. An error opening the file is
        raised here, as open_tables would have raised it."""
        if not self.sent and self.waiting and self.waiting[0][0] is source and not self.waiting[0][1]:
            self.waiting.popleft()
            return None
        self._send()
        sent, worker = self.sent.popleft()
        assert sent is source, "files are taken back in the order they were sent"
        self._send()
        kind, payload = self.workers._next(worker)
        if kind in ("error", _UNOPENED):
            raise payload
        tables: list[Table] = payload
        for table in tables:
            # Its rows come checked (Checked), which Review._table takes from a table opened here.
            table.rows = self._rows(worker, table)  # type: ignore[assignment]
        return tables

    def _send(self) -> None:
        """Files sent ahead, up to the next large one, a few for each worker."""
        while len(self.sent) < self.workers.jobs * AHEAD and self.waiting and self.waiting[0][1]:
            source, _ = self.waiting.popleft()
            worker = self.turn % self.workers.jobs
            self.turn += 1
            self.workers.tasks[worker].put((_SOURCE, source))
            self.sent.append((source, worker))

    def _rows(self, worker: int, table: Table) -> Iterator[Checked]:
        notes = yield from self.workers._taken(itertools.repeat(worker), table)
        table.notes[:] = _joined(table.notes, notes)  # as they stood once every row was read


def _joined(own: list[Note], worker: list[Note]) -> list[Note]:
    """A table's notes as one process has them: the parent's own, said before its rows (column-not-read, which
    the worker's copy was replaced by and so lost), then those the worker found reading on."""
    return [*own, *(note for note in worker if note not in own)]


def _small(source: Input) -> bool:
    """Whether a file goes whole to one worker: a file that cannot be looked at does too, to be said there. A
    YAML or JSON file never does: a roster written so carries its communities' settings, which every worker must
    have before it checks a later file's rows; shared out by batches, it reaches each of them in turn. (Any such
    file in a folder, a rule file or an earlier report among them, had kept every file from going whole.)"""
    if source.format in ("yaml", "json"):
        return False
    try:
        return source.path is not None and source.path.stat().st_size < WHOLE_FILE_BYTES
    except OSError:
        return True


def _serve(
    ruleset: Recipe | str | Path | None, options: Options, worker: int, jobs: int, tasks: Any, results: Any
) -> None:
    from eligibility.engine import Review
    from eligibility.ruleset.loader import loaded_again

    gc.set_threshold(20_000, 50, 50)  # as the parent does (see cli.check)
    # Ctrl-C reaches the whole process group: the parent stops the run and its workers; a worker's own
    # KeyboardInterrupt only printed a traceback each (helper-56). Started with it ignored and held back, a worker
    # takes none: one held back is dropped as it is ignored.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _leave_with_parent()
    try:
        review = Review.start(loaded_again(*ruleset) if isinstance(ruleset, tuple) else ruleset, options)
    except Exception as err:
        results.put(("error", err))
        return
    while (task := tasks.get()) is not None:
        try:
            if task[0] == _TEAMS:
                (
                    _,
                    (review._skipped_by_path, review._seats_skipped_by_path, review._street_columned),
                    teams,
                ) = task
                results.put((_TEAMS, [review.serialised_team(team) for team in teams]))
                continue
            if task[0] == _SOURCE:
                _check_source(review, task[1], results)
                continue
            source, path, sheet, skipped, where_read = task
            if where_read is not None:
                review._where_read[skipped] = where_read
            _check_table(review, source, path, sheet, skipped, worker, jobs, results)
        except Exception as err:
            results.put(("error", err))


def _leave_with_parent() -> None:
    """End this worker when its parent has gone (killed with SIGTERM by a cancelled CI job, or SIGKILL): it
    would wait on its queues for ever, holding the job's standard output open, and the job would hang."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _check_table(
    review: Review,
    source: Input,
    path: str,
    sheet: str | None,
    skipped: frozenset[str],
    worker: int,
    jobs: int,
    results: Any,
) -> None:
    table = next(t for t in review.open_roster(source) if (t.path, t.sheet) == (path, sheet))
    review.add_table_communities(table)  # the community dates a YAML roster carries
    rows = iter(table.rows)
    order = tuple(table.header.index)
    batch = 0
    while True:
        if batch % jobs != worker:
            # Another worker's batch: passed over without making records of them where the reader can (a text
            # table), else read and let go.
            if table.skip is not None:
                passed = _pass_over(rows, table.skip, BATCH, first=batch == 0)
            else:
                passed = sum(1 for _ in itertools.islice(rows, BATCH))
            # Its rows' streets taken from the name are its worker's to say, in their place among the rows.
            table.street_filled.clear()
            if not passed:
                break
            batch += 1
            if passed < BATCH:
                break
            continue
        checked = _batch(review, table, skipped, rows, order, results)
        if checked is None:
            return
        if not checked:
            break
        results.put(("rows", checked))
        batch += 1
    if batch % jobs == worker:  # the parent asks this worker for the batch after the last
        results.put((_END, table.notes))


def _check_source(review: Review, source: Input, results: Any) -> None:
    """A whole file opened and checked here: its tables as opened, then each one's rows, batch by batch, and
    its notes once they are all read. An error opening it goes back to be said as the parent would have."""
    from eligibility.engine import is_report

    try:
        tables = review.open_roster(source)
    except Exception as err:
        results.put((_UNOPENED, err))
        return
    # Its own list of the rows a name gave their street: the queue pickles it later, when this one has filled.
    opened = [replace(table, rows=iter(()), skip=None, street_filled=[]) for table in tables]
    results.put((_TABLES, opened))
    for table in tables:
        if is_report(table):
            continue  # set aside by the parent, which takes no rows of it
        skipped = review._skipped(table)
        review.not_checked.clear()  # said by the parent, which works it out again; not kept file after file
        review.add_table_communities(table)
        rows = iter(table.rows)
        order = tuple(table.header.index)
        while True:
            checked = _batch(review, table, skipped, rows, order, results)
            if checked is None:
                break  # broken midway, said with the rows before it; a folder's run goes on to the next sheet
            if checked:
                results.put(("rows", checked))
            if len(checked) < BATCH:
                results.put((_END, table.notes))
                break


def _batch(
    review: Review,
    table: Table,
    skipped: frozenset[str],
    rows: Iterator[RawRecord],
    order: tuple[str, ...],
    results: Any,
) -> list[Checked] | None:
    """The next batch of rows checked (no duplicate or team question yet); None when the file broke, the rows
    before the break sent back with its error."""
    checked: list[Checked] = []
    try:
        # Row by row, as one process reads them: a file that breaks midway has had every row before the
        # break checked, and they go back with the error, so the report streamed up to it is the same.
        for raw in itertools.islice(rows, BATCH):
            person = review.reader.candidate(raw, table)
            serialised = review.serialised(person, skipped, table)
            packed = review.packed_id(person)
            # The member questions too, for the day the team will most likely have; the parent checks that.
            day = review.team_date(person)
            member = review.member(person, day, packed, bars=is_barred(serialised))
            # A street written 同上 takes the row above's, which only the parent knows: sent as a row to read again.
            community = "" if person.street_as_above else person.community
            team = (person.street, community, person.election_date, day, member, person.date_stated)
            checked.append((serialised, packed, _compact(raw, order), team))
    except Exception as err:
        _say_read(table, results)
        results.put((_BROKEN, (checked, err)))
        return None
    _say_read(table, results)
    return checked


def _say_read(table: Table, results: Any) -> None:
    """Ahead of a batch, what reading it told of the table. The headers written again in another order, every
    one met so far: the parent reads a row it must read again (a duplicate ID number) by them, as the batch's rows
    were read here. Every worker reads every row, so the batch's worker knows each one above its last row, in
    whichever worker's batch it stood. Rare, and then a few headers a batch: sent whole each time. And which
    rows left blank took the street the file's name gives (street_filled), said of the rows since it was last
    said: a worker makes records of its own batches' rows alone, and the note stands if any worker's took it."""
    if table.reheaded:
        results.put((_REHEADED, list(table.reheaded)))
    if table.street_filled:
        results.put((_FILLED, list(table.street_filled)))
        table.street_filled.clear()  # the list its reader fills


def _compact(raw: RawRecord, order: tuple[str, ...]) -> Any:
    """A row to send back: one string for its cells when they are all text in the header's order, which
    pickles far faster than a dict of them; the parent needs it only in the rare case it must read it again."""
    values = list(raw.cells.values())
    if (
        raw.problems
        or raw.also
        or raw.header_above is not None  # the rows above it may be a second table's title
        or raw.source.end is not None  # a row over several lines, which the row below it starts after
        or tuple(raw.cells) != order
        or not all(type(v) is str and _SEP not in v for v in values)
    ):
        return raw
    source = raw.source
    if source.excel_row is not None:  # under a row over several lines: its cells are on a row of Excel's own
        return (source.row, source.line, _SEP.join(values), source.excel_row)
    return (source.row, source.line, _SEP.join(values))


def compact_texts(compact: tuple[int, int | None, str] | tuple[int, int | None, str, int]) -> list[str]:
    """The cells of a row sent back compact, in the order of its table's header (see _compact)."""
    return compact[2].split(_SEP)


def expand_row(compact: Any, table: Table) -> RawRecord:
    """The row a worker sent back compact, whole again."""
    if isinstance(compact, RawRecord):
        return compact
    row, line, joined, *shown = compact
    cells = dict(zip(table.header.index, joined.split(_SEP), strict=True))
    return RawRecord(
        RowSource(table.path, row, line, table.sheet, excel_row=shown[0] if shown else None), cells
    )


def _pass_over(rows: Iterator[RawRecord], skip: Skip, count: int, *, first: bool) -> int:
    """Pass over up to `count` rows; how many there were. The very first row was read when the table was
    opened (to refuse a table without rows), so it waits as a record and is passed over as one."""
    passed = 0
    if first:
        next(rows)
        passed, count = 1, count - 1
    if count:
        skip.ahead, skip.passed = count - 1, 0
        last = next(rows, None)
        passed += skip.passed + (last is not None)
        skip.ahead = 0  # the file may have ended before the count did
    return passed
