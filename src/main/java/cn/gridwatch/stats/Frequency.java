package cn.gridwatch.stats;

/**
 * A patrol frequency: {@code times} patrols every {@code days} days (twice a week is 2/7, every half
 * month 1/15, every 2 days 1/2). Immutable.
 *
 * <p>A source <em>meets</em> the frequency over a period of {@code D} days when it was patrolled at
 * least {@link #required(int) floor(D × times ÷ days)} times in the period. Patrols are counted, not
 * their spacing: four patrols in the last week of a month meet "weekly" for that month.
 */
public record Frequency(int times, int days) {

    /** @throws IllegalArgumentException when times or days is not positive */
    public Frequency {
        if (times < 1 || days < 1) {
            throw new IllegalArgumentException("a patrol frequency needs times >= 1 and days >= 1, but was "
                    + times + "/" + days);
        }
    }

    /** Patrols needed over a period of {@code periodDays} days: {@code floor(periodDays × times ÷ days)}. */
    public int required(int periodDays) {
        return (int) ((long) periodDays * times / days);
    }

    @Override
    public String toString() {
        return times + "/" + days;
    }
}
