package cn.gridwatch.routing.jobs;

import cn.gridwatch.db.Database;
import cn.gridwatch.db.DatabaseException;
import cn.gridwatch.grid.NotFoundException;
import cn.gridwatch.routing.plan.Plan;
import cn.gridwatch.routing.plan.PlanCancelledException;
import cn.gridwatch.routing.plan.PlanService;
import cn.gridwatch.security.AccessDeniedException;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.ConflictException;
import cn.gridwatch.security.Principal;
import cn.gridwatch.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs prepared plans ({@link PlanService.Prepared}, already checked against the registers and the
 * caller's rights) in the background on {@code workers} threads (one OR-Tools search each) with at
 * most {@code queueLimit} waiting; a full queue is refused with {@link QueueFullException}. Jobs are
 * rows of {@code plan_job} (V11): any instance answers for any job; the instance computing a job
 * writes its progress and a heartbeat every {@link #HEARTBEAT} and picks up cancel requests made on
 * other instances; a queued or running job without a heartbeat for {@link #STALE} (its instance
 * stopped) is marked failed. A job is seen and cancelled by its submitter only, and by
 * administrators; for anyone else it does not exist. Submissions and cancels are audit-logged
 * (entity {@code plan_job}); the plan itself is stored and audited by {@link PlanService}. Thread-safe.
 */
public final class PlanJobService implements AutoCloseable {
    public static final Duration HEARTBEAT = Duration.ofSeconds(1);
    public static final Duration STALE = Duration.ofSeconds(30);
    static final int LIST_LIMIT = 200;
    private static final Set<String> ENDED = Set.of(PlanJob.DONE, PlanJob.FAILED, PlanJob.CANCELLED);
    private static final Logger LOG = LoggerFactory.getLogger(PlanJobService.class);
    private final Database db;
    private final PlanService plans;
    private final AuditLog audit;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService ticker;
    private final Map<Long, PlanJob> local = new ConcurrentHashMap<>();
    private final PlanJobRepository repo = new PlanJobRepository();
    private final int queueLimit;

    public PlanJobService(Database db, PlanService plans, AuditLog audit, Clock clock, int workers, int queueLimit) {
        if (workers < 1 || workers > 16 || queueLimit < 0 || queueLimit > 1000) {
            throw new IllegalArgumentException("plan jobs need 1..16 workers and a queue of 0..1000, but were: "
                    + workers + " and " + queueLimit);
        }
        this.db = db;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
        this.queueLimit = queueLimit;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                queueLimit == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueLimit), r -> {
                    Thread t = new Thread(r, "plan-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "plan-job-heartbeat");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The queue is full: try again later. */
    public static final class QueueFullException extends RuntimeException {
        QueueFullException(String message) {
            super(message);
        }
    }

    /**
     * Queues a prepared plan. @return the job's view as queued (it may have started by the time the
     * caller reads it) @throws QueueFullException
     */
    public Map<String, Object> submit(PlanService.Prepared prepared, Principal caller, Actor actor) {
        Instant now = clock.instant();
        long limit = prepared.input().solver().timeLimit().toMillis();
        long id = db.withConnection("queueing a plan job", c -> repo.insert(c, prepared.kind(),
                prepared.input().name(), caller.username(), now, limit));
        PlanJob job = new PlanJob(id, prepared.kind(), caller.username(), now, limit);
        local.put(id, job);
        Map<String, Object> queued = job.view(now);
        try {
            synchronized (job) {
                job.future(executor.submit(() -> run(job, prepared, actor)));
            }
        } catch (RejectedExecutionException e) {
            local.remove(id);
            db.withConnection("dropping a refused plan job", c -> {
                repo.delete(c, id);
                return null;
            });
            throw new QueueFullException("the plan queue is full (" + executor.getActiveCount() + " running, "
                    + queueLimit + " waiting); try again in a minute");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", prepared.kind());
        after.put("name", prepared.input().name());
        after.put("targets", prepared.input().targets().size());
        audit.append(actor, "plan_job_submit", "plan_job", Long.toString(id), null, after,
                prepared.kind() + " plan '" + prepared.input().name() + "' queued as job " + id);
        return queued;
    }

    /** One job as {@code p} may see it. @throws NotFoundException when it does not exist or is not theirs */
    public Map<String, Object> get(long id, Principal p) {
        return visible(id, p);
    }

    /** The newest {@value #LIST_LIMIT} jobs {@code p} may see (administrators: all), newest first. */
    public Map<String, Object> list(Principal p) {
        failStale();
        Instant now = clock.instant();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : db.withConnection("listing plan jobs", c -> repo.list(c,
                p.role() == Role.ADMIN ? null : p.username(), LIST_LIMIT))) {
            PlanJob live = local.get((Long) row.get("id"));
            items.add(live != null ? live.view(now) : row);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", items.size());
        m.put("items", items);
        return m;
    }

    /**
     * Cancels a job: a queued one at once, a running one by stopping its search, on whichever
     * instance computes it (waiting up to {@code wait} for it to end). Nothing of a cancelled plan
     * is stored. @throws ConflictException when the job had already ended
     */
    public Map<String, Object> cancel(long id, Principal p, Actor actor, Duration wait) {
        Map<String, Object> before = visible(id, p);
        String status = (String) before.get("status");
        if (ENDED.contains(status)) {
            throw new ConflictException("plan job " + id + " has already ended (" + status + "); nothing to cancel");
        }
        db.withConnection("cancelling plan job " + id, c -> {
            repo.requestCancel(c, id);
            return null;
        });
        PlanJob job = local.get(id);
        if (job != null) {
            job.cancel(clock.instant());
            executor.purge(); // a cancelled queued job frees its place in the queue
            save(job);
        }
        audit.append(actor, "plan_job_cancel", "plan_job", Long.toString(id), Map.of("status", status),
                Map.of("status", "cancelled"), "plan job " + id + " cancelled while " + status);
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, Object> now = visible(id, p);
        while (!ENDED.contains((String) now.get("status")) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = visible(id, p);
        }
        return now;
    }

    private void run(PlanJob job, PlanService.Prepared prepared, Actor actor) {
        if (!job.start(clock.instant())) {
            return;
        }
        try {
            save(job);
            Plan plan = plans.compute(prepared, actor, job.progress);
            job.done(plan.id(), clock.instant());
        } catch (PlanCancelledException e) {
            job.cancelled(clock.instant());
        } catch (IllegalArgumentException e) {
            job.failed(422, e.getMessage(), clock.instant());
        } catch (NotFoundException e) {
            job.failed(404, e.getMessage(), clock.instant());
        } catch (AccessDeniedException e) {
            job.failed(403, e.getMessage(), clock.instant());
        } catch (DatabaseException e) {
            LOG.warn("plan job {} failed on the database: {}", job.id, e.getMessage());
            job.failed(503, "the database is unavailable or failed; submit the plan again", clock.instant());
        } catch (RuntimeException | Error e) {
            LOG.error("plan job {} failed", job.id, e);
            job.failed(500, "unexpected failure: " + e.getMessage(), clock.instant());
        } finally {
            save(job);
        }
    }

    /** The job's row, or its live state where this instance computes it. */
    private Map<String, Object> visible(long id, Principal p) {
        failStale();
        Map<String, Object> row = db.withConnection("reading plan job " + id, c -> repo.find(c, id));
        if (row == null || !(p.role() == Role.ADMIN || p.username().equals(row.get("owner")))) {
            throw new NotFoundException("no plan job with id " + id);
        }
        PlanJob live = local.get(id);
        return live != null ? live.view(clock.instant()) : row;
    }

    /** Writes a job's state; a failure is logged (the heartbeat writes it again). */
    private void save(PlanJob job) {
        try {
            db.withConnection("saving plan job " + job.id, c -> {
                repo.save(c, job.state(), clock.instant());
                return null;
            });
            if (job.ended()) {
                local.remove(job.id);
            }
        } catch (DatabaseException e) {
            LOG.warn("cannot save plan job {}: {}", job.id, e.getMessage());
        }
    }

    private void failStale() {
        Instant now = clock.instant();
        db.withConnection("expiring stopped plan jobs", c -> repo.failStale(c, now.minus(STALE), now));
    }

    /** Heartbeat: progress of this instance's jobs out, cancel requests from other instances in. */
    private void beat() {
        if (local.isEmpty()) {
            return; // nothing running here: no connection borrowed every second on an idle server
        }
        try {
            List<Long> ids = new ArrayList<>(local.keySet());
            for (long id : db.withConnection("reading plan job cancels", c -> repo.cancelRequested(c, ids))) {
                PlanJob job = local.get(id);
                if (job != null && job.cancel(clock.instant())) {
                    executor.purge();
                }
            }
            for (PlanJob job : List.copyOf(local.values())) {
                save(job);
            }
        } catch (RuntimeException e) {
            LOG.warn("plan job heartbeat failed: {}", e.getMessage());
        }
    }

    /** Cancels this instance's jobs and stops the workers (server shutdown); nothing half-computed is stored. */
    @Override
    public void close() {
        ticker.shutdownNow();
        Instant now = clock.instant();
        local.values().forEach(j -> j.cancel(now));
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (PlanJob job : List.copyOf(local.values())) {
            save(job);
        }
    }
}
