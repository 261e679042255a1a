package cn.gridwatch.routing.jobs;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs prepared plans ({@link PlanService.Prepared}, already checked against the registers and the
 * caller's rights) in the background on {@code workers} threads (one OR-Tools search each) with at
 * most {@code queueLimit} waiting; a full queue is refused with {@link QueueFullException}. A job is
 * seen and cancelled by its submitter only, and by administrators; for anyone else it does not exist.
 * Submissions and cancels are audit-logged (entity {@code plan_job}); the plan itself is stored and
 * audited by {@link PlanService} as for a synchronous request. Jobs live in memory: a restart forgets
 * them, ended jobs are kept {@link #KEEP} and at most {@link #MAX_KEPT} of them. Thread-safe.
 */
public final class PlanJobService implements AutoCloseable {
    /** How long an ended job can still be read. */
    public static final Duration KEEP = Duration.ofHours(24);
    public static final int MAX_KEPT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(PlanJobService.class);
    private final PlanService plans;
    private final AuditLog audit;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Map<Long, PlanJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final int queueLimit;

    public PlanJobService(PlanService plans, AuditLog audit, Clock clock, int workers, int queueLimit) {
        if (workers < 1 || workers > 16 || queueLimit < 0 || queueLimit > 1000) {
            throw new IllegalArgumentException("plan jobs need 1..16 workers and a queue of 0..1000, but were: "
                    + workers + " and " + queueLimit);
        }
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
        this.queueLimit = queueLimit;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                queueLimit == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queueLimit),
                r -> {
                    Thread t = new Thread(r, "plan-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
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
        prune();
        long id = ids.incrementAndGet();
        PlanJob job = new PlanJob(id, prepared.kind(), caller.username(), clock.instant(),
                prepared.input().solver().timeLimit().toMillis());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", prepared.kind());
        after.put("name", prepared.input().name());
        after.put("targets", prepared.input().targets().size());
        jobs.put(id, job);
        Map<String, Object> queued = job.view(clock.instant());
        try {
            synchronized (job) {
                job.future(executor.submit(() -> run(job, prepared, actor)));
            }
        } catch (RejectedExecutionException e) {
            jobs.remove(id);
            throw new QueueFullException("the plan queue is full (" + executor.getActiveCount() + " running, "
                    + queueLimit + " waiting); try again in a minute");
        }
        audit.append(actor, "plan_job_submit", "plan_job", Long.toString(id), null, after,
                prepared.kind() + " plan '" + prepared.input().name() + "' queued as job " + id);
        return queued;
    }

    /** One job as {@code p} may see it. @throws NotFoundException when it does not exist or is not theirs */
    public Map<String, Object> get(long id, Principal p) {
        return visible(id, p).view(clock.instant());
    }

    /** The jobs {@code p} may see (administrators: all), newest first. */
    public Map<String, Object> list(Principal p) {
        prune();
        Instant now = clock.instant();
        List<Map<String, Object>> items = new ArrayList<>();
        jobs.values().stream().filter(j -> maySee(j, p)).sorted(Comparator.comparingLong((PlanJob j) -> j.id).reversed())
                .forEach(j -> items.add(j.view(now)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", items.size());
        m.put("items", items);
        return m;
    }

    /**
     * Cancels a job: a queued one at once, a running one by stopping its search (waiting up to
     * {@code wait} for it to end). Nothing of a cancelled plan is stored.
     * @throws ConflictException when the job had already ended
     */
    public Map<String, Object> cancel(long id, Principal p, Actor actor, Duration wait) {
        PlanJob job = visible(id, p);
        String before = job.status();
        if (!job.cancel(clock.instant())) {
            throw new ConflictException("plan job " + id + " has already ended (" + before + "); nothing to cancel");
        }
        executor.purge(); // a cancelled queued job frees its place in the queue
        audit.append(actor, "plan_job_cancel", "plan_job", Long.toString(id), Map.of("status", before),
                Map.of("status", "cancelled"), "plan job " + id + " cancelled while " + before);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!job.ended() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return job.view(clock.instant());
    }

    private void run(PlanJob job, PlanService.Prepared prepared, Actor actor) {
        if (!job.start(clock.instant())) {
            return;
        }
        try {
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
        }
    }

    private PlanJob visible(long id, Principal p) {
        PlanJob job = jobs.get(id);
        if (job == null || !maySee(job, p)) {
            throw new NotFoundException("no plan job with id " + id);
        }
        return job;
    }

    /** The submitter and administrators. */
    private static boolean maySee(PlanJob job, Principal p) {
        return p.role() == Role.ADMIN || job.owner.equals(p.username());
    }

    /** Forgets ended jobs older than {@link #KEEP}, and the oldest ended ones beyond {@link #MAX_KEPT}. */
    private void prune() {
        Instant cutoff = clock.instant().minus(KEEP);
        jobs.values().removeIf(j -> j.ended() && j.finishedAt().isBefore(cutoff));
        List<PlanJob> ended = jobs.values().stream().filter(PlanJob::ended)
                .sorted(Comparator.comparingLong(j -> j.id)).toList();
        for (int k = 0; k < ended.size() - MAX_KEPT; k++) {
            jobs.remove(ended.get(k).id);
        }
    }

    /** Cancels every job and stops the workers (server shutdown); nothing half-computed is stored. */
    @Override
    public void close() {
        Instant now = clock.instant();
        jobs.values().forEach(j -> j.cancel(now));
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
