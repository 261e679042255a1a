package cn.gridwatch.grid.imports;

/**
 * Receives import progress: the phase ({@code read, validate, write, qa}), units done and total.
 * Called at least every ~1,000 features, possibly from worker threads (calls are serialized).
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total) -> { };

    void progress(String phase, long done, long total);
}
