package cn.gridwatch.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Principals recently proven by a credential, so that a request with a known token, session or
 * Basic password needs no database work. Keyed by a hash of the credential (never the secret).
 * An entry lives at most {@link #TTL} and never past its own {@code notAfter} (a session's expiry).
 *
 * <p>Invalidation is all-or-nothing: {@link #clear()} runs after any auth-relevant change commits on
 * this instance, and when the {@code auth_changed} notification (or the version poll) reports one
 * made elsewhere. A load that began before a clear is not stored: callers take {@link #generation()}
 * before reading the database and hand it to {@link #put}, which drops the entry if a clear came in
 * between. Bounded to {@code maxSize} entries (expired ones are dropped first, then everything).
 * Thread-safe.
 */
public final class PrincipalCache {
    public static final Duration TTL = Duration.ofSeconds(30);
    static final int MAX_SIZE = 10_000;

    private record Entry(Principal principal, Instant until) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Duration ttl;
    private final int maxSize;
    private final Clock clock;

    public PrincipalCache() {
        this(TTL, MAX_SIZE, Clock.systemUTC());
    }

    PrincipalCache(Duration ttl, int maxSize, Clock clock) {
        this.ttl = ttl;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** The cached principal for {@code key} if it has not expired. */
    Optional<Principal> get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!e.until().isAfter(clock.instant())) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.principal());
    }

    /** Taken before a load from the database; see {@link #put}. */
    long generation() {
        return generation.get();
    }

    /**
     * Remembers {@code p} until {@code notAfter} or the TTL, whichever is first, unless the cache was
     * cleared since {@code loadedAt} (the {@link #generation()} taken before the load).
     */
    void put(String key, Principal p, Instant notAfter, long loadedAt) {
        Instant until = clock.instant().plus(ttl);
        if (notAfter != null && notAfter.isBefore(until)) {
            until = notAfter;
        }
        if (entries.size() >= maxSize) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !e.until().isAfter(now));
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        Entry e = new Entry(p, until);
        if (generation.get() != loadedAt) {
            return;
        }
        entries.put(key, e);
        if (generation.get() != loadedAt) { // a clear raced with the put
            entries.remove(key, e);
        }
    }

    /** Forgets every principal; loads in flight are not stored. */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
