package cn.gridwatch.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One row of the append-only audit log: who ({@code actor}, {@code actorRole}, {@code clientIp}),
 * when, what ({@code action} on {@code entityType}/{@code entityKey}) and the state before and after
 * (JSON summaries, never secrets or full geometries). Immutable.
 */
public record AuditEntry(long id, Instant at, String actor, String actorRole, String clientIp, String action,
                         String entityType, String entityKey, JsonNode before, JsonNode after, String detail) {
}
