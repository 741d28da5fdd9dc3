"""The job scheduler: APScheduler 3.x in the bot process, jobs in app state, one leader among replicas.

    scheduler = JobScheduler(services, slack_client)
    jobs.schedule_all(scheduler, services)      # fixed ids, replace_existing=True
    scheduler.start()                            # runs jobs only while this replica holds the leader lease

Choices (https://apscheduler.readthedocs.io/en/3.x/userguide.html):

- Job store: `bot.state.jobstore.job_store()` on the app-state database, so schedules survive restarts and are
  shared by replicas. Stored jobs hold only text (`bot.scheduler:dispatch` and the job id); the functions and
  their `JobContext` live in the `JobScheduler` whose executor runs them, so nothing unpicklable (engines,
  clients) ever goes into the store, and any replica may rewrite the stored jobs.
- `coalesce=True` and `misfire_grace_time=None`: after downtime every missed run of a job collapses into ONE
  catch-up run, however late (never N). Jobs themselves decide what is due from the clock and the delivery
  keys: `occurrences()` lists every scheduled moment missed within the window a job's posts stay useful, and
  each is delivered once under its own key (a catch-up posts each missed report once, saying it is late).
- `max_instances=1`: a slow run is never overlapped by the next.
- UTC scheduler time zone; subscriptions carry their own zone and are evaluated by the jobs.
- Leadership: `LeaderLease` (PostgreSQL advisory lock, or a SQLite lease row). A background thread renews it
  every `ttl / 3`; the APScheduler scheduler runs while this replica leads and pauses when it does not.
- Taking the lead, before any job runs, a replica closes the ingest runs a crashed leader left "running"
  (`fail_unfinished_runs`), so `/trackit status` does not show them running forever.
- Clock: the scheduler reads time from the clock it is given (`Services.clock` unless another is passed), never
  from `datetime.now`. APScheduler 3 takes no clock, so our schedulers subclass it where it reads the time: the
  due-job pass (`_process_jobs`, a port of APScheduler 3.11's with the clock as "now"), first run times (computed
  here and passed to `add_job`) and interval triggers (`every()`, anchored on the clock). Missed-run grace is
  off (`misfire_grace_time=None`), so APScheduler's executor never reads the time either. Tests pass a frozen
  clock and drive a `manual=True` scheduler with `run_pending()`, which runs due jobs synchronously in the
  calling thread.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from threading import TIMEOUT_MAX
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_SUBMITTED, JobSubmissionEvent
from apscheduler.executors.base import BaseExecutor, MaxInstancesReachedError, run_job
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_PAUSED, STATE_RUNNING, STATE_STOPPED, BaseScheduler
from apscheduler.triggers.interval import IntervalTrigger
from slack_sdk import WebClient

from bot.delivery import ChannelPacer, Deliverer
from bot.services import Services
from bot.state.ingest_runs import fail_unfinished_runs
from bot.state.jobstore import job_store
from bot.state.leader import LeaderLease

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
JobFunc = Callable[["JobContext"], object]

#: None: a missed run is always caught up (once, thanks to coalescing), however long the outage was.
MISFIRE_GRACE_TIME: int | None = None
DEFAULT_SCHEDULER_NAME = "trackit"


def real_clock() -> datetime:
    return datetime.now(UTC)


# -------------------------------------------------------------------------------------- due occurrences


def latest_occurrence(
    now: datetime, at_time: str, timezone: str, *, weekday: int | None = None, monthday: int | None = None
) -> datetime:
    """The latest moment <= `now` that is `at_time` (HH:MM) in `timezone`, optionally only on a `weekday`
    (0 = Monday) or a day of the month `monthday` (1..28). Aware UTC. A wall time skipped by a DST change
    resolves to the same offset rule as `zoneinfo` (fold 0)."""
    zone = ZoneInfo(timezone)
    local = now.astimezone(zone)
    hh, mm = int(at_time[:2]), int(at_time[3:])
    day = local.date()
    for _ in range(400):
        if (weekday is None or day.weekday() == weekday) and (monthday is None or day.day == monthday):
            candidate = datetime.combine(day, time(hh, mm), zone)
            if candidate <= local:
                return candidate.astimezone(UTC)
        day -= timedelta(days=1)
    raise ValueError(f"no occurrence of {at_time} found before {now}")


def occurrences(
    now: datetime,
    since: datetime,
    at_time: str,
    timezone: str,
    *,
    weekday: int | None = None,
    monthday: int | None = None,
) -> list[datetime]:
    """Every scheduled moment (as `latest_occurrence` defines them) after `since` and at or before `now`, oldest
    first: what a job catches up after downtime (each job bounds `since` by how long its posts stay useful)."""
    found: list[datetime] = []
    moment = now
    while True:
        try:
            moment = latest_occurrence(moment, at_time, timezone, weekday=weekday, monthday=monthday)
        except ValueError:
            break
        if moment <= since:
            break
        found.append(moment)
        moment -= timedelta(seconds=1)
    found.reverse()
    return found


def local_date(moment: datetime, timezone: str) -> date:
    return moment.astimezone(ZoneInfo(timezone)).date()


# ----------------------------------------------------------------------------------------- job context


@dataclass
class JobContext:
    """What every job run receives: the services, Slack, exactly-once delivery, the clock and the scheduler."""

    services: Services
    slack: WebClient
    deliverer: Deliverer
    scheduler: JobScheduler
    clock: Clock = field(default=real_clock)

    def now(self) -> datetime:
        return self.clock().astimezone(UTC)

    def run_now(self, job_id: str) -> bool:
        """Ask the scheduler to run job `job_id` as soon as possible; False when no such job is scheduled."""
        return self.scheduler.run_now(job_id)


# The scheduler whose executor is running a job in this thread (set by `_OwnedExecutor` around each run).
_running = threading.local()


def dispatch(job_id: str) -> None:
    """The callable every stored job points to: runs `job_id` on the scheduler executing it in this thread.

    Stored jobs carry only the job id, so every replica can rewrite them (replace_existing) and whichever replica
    leads runs its own registered function and context.
    """
    owner: JobScheduler | None = getattr(_running, "owner", None)
    if owner is None:
        log.warning("job %s run outside a JobScheduler executor; skipped", job_id)
        return
    owner.run_job(job_id)


class _ClockedScheduler(BaseScheduler):  # type: ignore[misc]
    """APScheduler's due-job pass with "now" read from an injected clock (see the module docstring).

    A port of `BaseScheduler._process_jobs` of APScheduler 3.11 (job store retry, coalescing, max instances,
    next run or removal, the wait until the next wake-up), with `self._clock()` where it reads `datetime.now`.
    """

    _clock: Clock

    def _process_jobs(self) -> float | None:
        if self.state == STATE_PAUSED:
            return None
        now = self._clock().astimezone(self.timezone)
        next_wakeup: datetime | None = None
        events: list[JobSubmissionEvent] = []
        with self._jobstores_lock:
            for alias, jobstore in self._jobstores.items():
                try:
                    due_jobs = jobstore.get_due_jobs(now)
                except Exception as exc:
                    self._logger.warning("Error getting due jobs from job store %r: %s", alias, exc)
                    retry = now + timedelta(seconds=self.jobstore_retry_interval)
                    next_wakeup = retry if next_wakeup is None else min(next_wakeup, retry)
                    continue
                for job in due_jobs:
                    events.extend(self._submit(job, alias, now))
                store_next = jobstore.get_next_run_time()
                if store_next is not None and (next_wakeup is None or store_next < next_wakeup):
                    next_wakeup = store_next.astimezone(self.timezone)
        for event in events:
            self._dispatch_event(event)
        if self.state == STATE_PAUSED or next_wakeup is None:
            return None
        return float(min(max(next_wakeup.timestamp() - self._clock().timestamp(), 0), TIMEOUT_MAX))

    def _submit(self, job: Any, alias: str, now: datetime) -> list[JobSubmissionEvent]:
        """Hand a due job to its executor (its last run time only, when coalescing), then store its next run time
        or remove it when its trigger is done."""
        try:
            executor = self._lookup_executor(job.executor)
        except BaseException:
            self._logger.error('Executor lookup ("%s") failed for job "%s" -- removing it', job.executor, job)
            self.remove_job(job.id, alias)
            return []
        run_times = job._get_run_times(now)
        run_times = run_times[-1:] if run_times and job.coalesce else run_times
        if not run_times:
            return []
        events: list[JobSubmissionEvent] = []
        try:
            executor.submit_job(job, run_times)
        except MaxInstancesReachedError:
            self._logger.warning('Execution of job "%s" skipped: its previous run is still going', job)
            events.append(JobSubmissionEvent(EVENT_JOB_MAX_INSTANCES, job.id, alias, run_times))
        except BaseException:
            self._logger.exception('Error submitting job "%s" to executor "%s"', job, job.executor)
        else:
            events.append(JobSubmissionEvent(EVENT_JOB_SUBMITTED, job.id, alias, run_times))
        following = job.trigger.get_next_fire_time(run_times[-1], now)
        if following:
            job._modify(next_run_time=following)
            self._jobstores[alias].update_job(job)
        else:
            self.remove_job(job.id, alias)
        return events


class _BackgroundScheduler(_ClockedScheduler, BackgroundScheduler):  # type: ignore[misc]
    """APScheduler's background thread, due jobs judged by the injected clock."""

    def __init__(self, clock: Clock, **options: Any) -> None:
        self._clock = clock
        super().__init__(**options)


class _ManualScheduler(_ClockedScheduler):
    """A scheduler with no thread of its own: `run_pending()` processes due jobs when the caller says so."""

    def __init__(self, clock: Clock, **options: Any) -> None:
        self._clock = clock
        super().__init__(**options)

    def start(self, paused: bool = False) -> None:
        super().start(paused)

    def shutdown(self, wait: bool = True) -> None:
        super().shutdown(wait)

    def wakeup(self) -> None:
        pass  # the caller drives run_pending()

    def run_pending(self) -> None:
        self._process_jobs()


class _OwnedExecutor(BaseExecutor):  # type: ignore[misc]
    """Runs jobs for one `JobScheduler`: in a thread pool, or inline in the submitting thread (`workers=0`,
    manual scheduling: the caller sees every effect when `run_pending()` returns)."""

    def __init__(self, owner: JobScheduler, workers: int) -> None:
        super().__init__()
        self._owner = owner
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="job") if workers > 0 else None

    def _run(self, job: Any, run_times: list[datetime]) -> None:
        _running.owner = self._owner
        try:
            events = run_job(job, job._jobstore_alias, run_times, self._logger.name)
        except BaseException:
            self._run_job_error(job.id, *sys.exc_info()[1:])
        else:
            self._run_job_success(job.id, events)
        finally:
            _running.owner = None

    def _do_submit_job(self, job: Any, run_times: list[datetime]) -> None:
        if self._pool is None:
            self._run(job, run_times)
        else:
            self._pool.submit(self._run, job, run_times)

    def shutdown(self, wait: bool = True) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait)


class JobScheduler:
    """APScheduler plus leadership plus the in-process job registry (see the module docstring).

    `manual=True` (tests): no scheduler thread and no renewal thread; `run_pending()` renews the lease and, when
    leader, runs every due job synchronously.
    """

    def __init__(
        self,
        services: Services,
        slack: WebClient,
        *,
        name: str = DEFAULT_SCHEDULER_NAME,  # for logs and thread names
        manual: bool = False,
        lease: LeaderLease | None = None,
        pacer: ChannelPacer | None = None,
        workers: int = 4,
        clock: Clock | None = None,
    ) -> None:
        self.services = services
        self.name = name
        self.manual = manual
        self.clock: Clock = clock or services.clock
        self.lease = lease or LeaderLease(services.state, "scheduler")  # one lease for every replica
        self._funcs: dict[str, JobFunc] = {}
        self.context = JobContext(
            services=services,
            slack=slack,
            deliverer=Deliverer(services.state, slack, pacer=pacer, clock=self.now),
            scheduler=self,
            clock=self.now,
        )
        defaults = {"coalesce": True, "misfire_grace_time": MISFIRE_GRACE_TIME, "max_instances": 1}
        options: dict[str, Any] = {
            "jobstores": {"default": job_store(services.state)},
            "executors": {"default": _OwnedExecutor(self, 0 if manual else workers)},
            "job_defaults": defaults,
            "timezone": UTC,
        }
        if manual:
            self.aps: BaseScheduler = _ManualScheduler(self.now, **options)
        else:
            self.aps = _BackgroundScheduler(self.now, daemon=True, **options)
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None
        self._in_flight = 0  # jobs of this replica running now (see _took_the_lead)
        self._in_flight_lock = threading.Lock()

    # ----------------------------------------------------------------------------------- registration

    def now(self) -> datetime:
        """Now, as this scheduler sees it (aware UTC)."""
        return self.clock().astimezone(UTC)

    def every(self, *, minutes: int) -> IntervalTrigger:
        """A trigger firing every `minutes`, the first time `minutes` from now on this scheduler's clock."""
        interval = timedelta(minutes=minutes)
        return IntervalTrigger(minutes=minutes, start_date=self.now() + interval, timezone=UTC)

    def add_job(self, job_id: str, func: JobFunc, trigger: Any) -> None:
        """Register `func` under the fixed `job_id` with an APScheduler trigger (replace_existing=True); its first
        run time comes from this scheduler's clock."""
        self._funcs[job_id] = func
        self.aps.add_job(
            dispatch,
            trigger=trigger,
            args=(job_id,),
            id=job_id,
            name=job_id,
            replace_existing=True,
            next_run_time=trigger.get_next_fire_time(None, self.now()),
        )

    @property
    def job_ids(self) -> tuple[str, ...]:
        return tuple(sorted(self._funcs))

    def run_job(self, job_id: str) -> None:
        """Run one registered job now, in this thread (what APScheduler calls; also for tools and tests)."""
        func = self._funcs.get(job_id)
        if func is None:
            log.warning("job %s is stored but not registered in this process; skipped", job_id)
            return
        with self._in_flight_lock:
            self._in_flight += 1
        try:
            func(self.context)
        finally:
            with self._in_flight_lock:
                self._in_flight -= 1

    def run_now(self, job_id: str) -> bool:
        """Move `job_id`'s next run to now (the scheduler runs it at its next wake-up)."""
        if self.aps.get_job(job_id) is None:
            return False
        self.aps.modify_job(job_id, next_run_time=self.now())
        self.aps.wakeup()
        return True

    # ------------------------------------------------------------------------------------- lifecycle

    def start(self) -> bool:
        """Start: become leader if possible and run jobs while leader. Returns whether this replica leads now."""
        leader = self.lease.acquire()
        if leader:
            self._took_the_lead()
        self.aps.start(paused=not leader)
        for job in self.aps.get_jobs():
            if job.id not in self._funcs:  # stored by an earlier configuration (e.g. sources since removed)
                log.info("scheduler %s: removing job %s, which nothing registers any more", self.name, job.id)
                self.aps.remove_job(job.id)
        if not self.manual:
            self._renewer = threading.Thread(target=self._renew_loop, name=f"leader-{self.name}", daemon=True)
            self._renewer.start()
        log.info("scheduler %s started (%s)", self.name, "leader" if leader else "standby")
        return leader

    def _sync_leadership(self) -> bool:
        leader = self.lease.renew()
        if leader and self.aps.state == STATE_PAUSED:
            log.info("scheduler %s: now leader, resuming jobs", self.name)
            self._took_the_lead()
            self.aps.resume()
        elif not leader and self.aps.state == STATE_RUNNING:
            log.info("scheduler %s: lost leadership, pausing jobs", self.name)
            self.aps.pause()
        return leader

    def _took_the_lead(self) -> None:
        """Before any job runs under a new leadership: close the ingest runs left "running" by a leader that
        died mid-run (its process is gone, so nothing else ever will).

        Skipped while a job of this replica is still running (leadership lost and regained within one job): its
        own run would be among them. A run closed here that a live process does finish after all (a leader cut
        off from the database, not dead) is overwritten by its `finish_ingest_run`.
        """
        with self._in_flight_lock:
            busy = self._in_flight > 0
        if busy:
            log.info("scheduler %s: a job is still running here; unfinished ingest runs left as they are", self.name)
            return
        closed = fail_unfinished_runs(
            self.services.state, message="interrupted: the bot stopped during this run", now=self.now()
        )
        if closed:
            log.warning("scheduler %s: closed %d ingest run(s) left running by a stopped bot", self.name, closed)

    def _renew_loop(self) -> None:
        interval = max(self.lease.ttl.total_seconds() / 3, 0.05)
        while not self._stop.wait(interval):
            try:
                self._sync_leadership()
            except Exception:
                log.exception("scheduler %s: lease renewal failed", self.name)
                if self.aps.state == STATE_RUNNING:
                    self.aps.pause()

    def run_pending(self) -> bool:
        """Manual mode: renew leadership and, when leader, run every due job now. Returns whether it led."""
        if not isinstance(self.aps, _ManualScheduler):
            raise RuntimeError("run_pending() is for manual schedulers (JobScheduler(manual=True))")
        if not self._sync_leadership():
            return False
        self.aps.run_pending()
        return True

    @property
    def is_leader(self) -> bool:
        return self.lease.is_leader

    def shutdown(self) -> None:
        """Stop running jobs (waiting for running ones), give up leadership."""
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join(timeout=5)
        if self.aps.state != STATE_STOPPED:
            self.aps.shutdown(wait=True)
        self.lease.release()
