package cn.gridwatch.security;

import java.time.Instant;

/** An API token as listed: never the secret. Immutable. */
public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
}
