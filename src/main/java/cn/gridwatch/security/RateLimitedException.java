package cn.gridwatch.security;

/** Too many failed sign-ins; try again after {@code retryAfterSeconds}. HTTP answers 429 with Retry-After. */
public class RateLimitedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
