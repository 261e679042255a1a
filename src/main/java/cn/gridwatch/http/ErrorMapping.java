package cn.gridwatch.http;

import cn.gridwatch.db.DatabaseException;
import cn.gridwatch.grid.NotFoundException;
import cn.gridwatch.security.AccessDeniedException;
import cn.gridwatch.security.ConflictException;
import cn.gridwatch.security.NotAuthenticatedException;
import cn.gridwatch.security.RateLimitedException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions to {@link ApiError} JSON once for the whole app: bad input is 400 with the
 * message (which names the parameter and value), no or bad credentials 401 (with
 * {@code WWW-Authenticate: Basic} so GIS clients ask for a password, except for scripts that send
 * {@code X-Requested-With} and requests with a session cookie, where it would pop up the browser's own
 * dialog), not allowed 403, unknown
 * things 404, conflicts 409, too many sign-ins 429 with {@code Retry-After}, database trouble 503
 * without SQL text, anything else 500 with a log line and no stack trace to the client.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    public static void install(JavalinConfig config) {
        config.routes.exception(IllegalArgumentException.class,
                (e, ctx) -> send(ctx, 400, "Bad request", e.getMessage()));
        config.routes.exception(NotAuthenticatedException.class, (e, ctx) -> {
            // no challenge for scripts (X-Requested-With) nor for a browser whose session ended (its
            // cookie came along): a map tile's 401 must not pop up the browser's password dialog
            if (ctx.header("X-Requested-With") == null && ctx.cookie("gw_session") == null) {
                ctx.header("WWW-Authenticate", "Basic realm=\"gridwatch\", charset=\"UTF-8\"");
            }
            send(ctx, 401, "Unauthorized", e.getMessage());
        });
        config.routes.exception(AccessDeniedException.class,
                (e, ctx) -> send(ctx, 403, "Forbidden", e.getMessage()));
        config.routes.exception(ConflictException.class,
                (e, ctx) -> send(ctx, 409, "Conflict", e.getMessage()));
        config.routes.exception(RateLimitedException.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            send(ctx, 429, "Too many requests", e.getMessage());
        });
        config.routes.exception(NotFoundException.class,
                (e, ctx) -> send(ctx, 404, "Not found", e.getMessage()));
        config.routes.exception(HttpResponseException.class,
                (e, ctx) -> send(ctx, e.getStatus(), titleFor(e.getStatus()), e.getMessage()));
        config.routes.exception(DatabaseException.class, (e, ctx) -> {
            LOG.warn("database failure on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            send(ctx, 503, "Service unavailable", "the database is unavailable or failed; try again");
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            BadMessageException bad = badMessage(e);
            if (bad != null) { // Jetty found the request malformed (e.g. a broken multipart body) while we read it
                send(ctx, bad.getCode(), titleFor(bad.getCode()), "the request is malformed: " + bad.getReason());
                return;
            }
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            send(ctx, 500, "Internal server error", "unexpected failure; see the server log");
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null) {
                send(ctx, 404, "Not found", "no such resource: " + ctx.path());
            }
        });
    }

    private static BadMessageException badMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException b) {
                return b;
            }
        }
        return null;
    }

    private static void send(Context ctx, int status, String title, String detail) {
        ctx.status(status).json(new ApiError(title, status, detail));
    }

    private static String titleFor(int status) {
        switch (status) {
            case 400: return "Bad request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not found";
            case 405: return "Method not allowed";
            case 409: return "Conflict";
            case 413: return "Payload too large";
            case 422: return "Unprocessable content";
            case 429: return "Too many requests";
            default: return "Error";
        }
    }
}
