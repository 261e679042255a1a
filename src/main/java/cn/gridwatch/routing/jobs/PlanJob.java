package cn.gridwatch.routing.jobs;

import cn.gridwatch.routing.plan.PlanProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * One background plan computation: who submitted it, its status ({@code queued}, {@code running},
 * {@code done}, {@code failed}, {@code cancelled}), its times, its {@link PlanProgress}, and the
 * stored plan's id or the error once it ends. Status changes are synchronized on the job; the
 * progress is read live. Thread-safe.
 */
final class PlanJob {
    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";

    final long id;
    final String kind;
    final String owner;
    final Instant submittedAt;
    final long limitMillis;
    final PlanProgress progress = new PlanProgress();
    private String status = QUEUED;
    private Instant startedAt;
    private Instant finishedAt;
    private Long planId;
    private int errorStatus;
    private String errorMessage;
    private Future<?> future;

    PlanJob(long id, String kind, String owner, Instant submittedAt, long limitMillis) {
        this.id = id;
        this.kind = kind;
        this.owner = owner;
        this.submittedAt = submittedAt;
        this.limitMillis = limitMillis;
    }

    static String href(long id) {
        return "/api/plan-jobs/" + id;
    }

    synchronized void future(Future<?> f) {
        future = f;
    }

    /** Queued to running; false when it was cancelled while queued (then it must not run). */
    synchronized boolean start(Instant now) {
        if (!status.equals(QUEUED)) {
            return false;
        }
        status = RUNNING;
        startedAt = now;
        return true;
    }

    synchronized void done(long plan, Instant now) {
        status = DONE;
        planId = plan;
        finishedAt = now;
    }

    synchronized void failed(int httpStatus, String message, Instant now) {
        status = FAILED;
        errorStatus = httpStatus;
        errorMessage = message;
        finishedAt = now;
    }

    synchronized void cancelled(Instant now) {
        status = CANCELLED;
        finishedAt = now;
    }

    /**
     * Asks the job to stop: a queued job is cancelled at once (and taken off the queue), a running
     * one stops its search. @return false when it had already ended
     */
    synchronized boolean cancel(Instant now) {
        switch (status) {
            case QUEUED:
                cancelled(now);
                if (future != null) {
                    future.cancel(false);
                }
                progress.cancel();
                return true;
            case RUNNING:
                progress.cancel();
                return true;
            default:
                return false;
        }
    }

    synchronized String status() {
        return status;
    }

    synchronized boolean ended() {
        return finishedAt != null;
    }

    synchronized Instant finishedAt() {
        return finishedAt;
    }

    /** The JSON form of {@code GET /api/plan-jobs/{id}}. */
    synchronized Map<String, Object> view(Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", kind);
        m.put("status", status);
        m.put("href", href(id));
        m.put("owner", owner);
        m.put("submittedAt", submittedAt);
        m.put("startedAt", startedAt);
        m.put("finishedAt", finishedAt);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("phase", startedAt == null ? null : progress.phase());
        p.put("solutions", progress.solutions());
        p.put("elapsedMs", startedAt == null ? 0 : Duration.between(startedAt, finishedAt == null ? now : finishedAt)
                .toMillis());
        p.put("limitMs", limitMillis);
        m.put("progress", p);
        if (planId != null) {
            m.put("plan", Map.of("id", planId, "href", "/api/plans/" + planId));
        }
        if (status.equals(FAILED)) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("status", errorStatus);
            e.put("message", errorMessage);
            m.put("error", e);
        }
        return m;
    }
}
