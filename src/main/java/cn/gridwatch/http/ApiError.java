package cn.gridwatch.http;

/**
 * The one JSON error shape of the REST API: {@code {"title", "status", "detail"}} (after RFC 9457).
 * OGC endpoints answer with their own exception formats instead.
 */
public record ApiError(String title, int status, String detail) {
}
