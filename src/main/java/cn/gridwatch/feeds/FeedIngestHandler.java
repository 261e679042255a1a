package cn.gridwatch.feeds;

import cn.gridwatch.http.Params;
import cn.gridwatch.security.AccessFilter;
import cn.gridwatch.security.AccessPolicy;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.Scope;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The HTTP side of loading a feed (station or power-meter readings): the caller must be allowed
 * {@link AccessPolicy.Editable#FEEDS}; the body is CSV or JSON ({@code format} parameter or the
 * Content-Type, {@link FeedTable#format}); 200 with the counts, or 422 with every bad row and nothing
 * written. Stateless and thread-safe when the ingest function is.
 */
public final class FeedIngestHandler implements Handler {
    /** A service's ingest use case, e.g. {@code ReadingService::ingest}. */
    @FunctionalInterface
    public interface Ingest {
        IngestReport ingest(byte[] body, String format, Scope scope, Actor actor);
    }

    private final Ingest ingest;

    public FeedIngestHandler(Ingest ingest) {
        this.ingest = ingest;
    }

    @Override
    public void handle(Context ctx) {
        Scope scope = AccessPolicy.editScope(AccessFilter.principal(ctx), AccessPolicy.Editable.FEEDS);
        String format = FeedTable.format(Params.text(ctx, "format"), ctx.contentType());
        IngestReport report = ingest.ingest(ctx.bodyAsBytes(), format, scope, AccessFilter.actor(ctx));
        ctx.status(report.committed() ? 200 : 422).json(report);
    }
}
