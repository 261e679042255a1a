package cn.gridwatch.routing.plan;

/** A plan computation stopped by {@link PlanProgress#cancel}; nothing of it was stored. */
public final class PlanCancelledException extends RuntimeException {
    public PlanCancelledException(String message) {
        super(message);
    }
}
