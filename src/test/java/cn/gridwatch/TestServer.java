package cn.gridwatch;

import cn.gridwatch.config.Config;
import cn.gridwatch.db.TestDatabase;
import io.javalin.Javalin;
import java.util.Map;

/** The real app on a random loopback port over a database; close it to stop the server. */
public final class TestServer implements AutoCloseable {
    private final Services services;
    private final Javalin app;
    private final TestHttp http;

    public TestServer(TestDatabase.Fresh db) {
        Config cfg = Config.from(Map.of(
                "GRIDWATCH_DB_URL", db.url(),
                "GRIDWATCH_DB_USER", TestDatabase.user(),
                "GRIDWATCH_DB_PASSWORD", TestDatabase.password(),
                "GRIDWATCH_PORT", "0",
                "GRIDWATCH_MAX_UPLOAD_MB", "2",
                "GRIDWATCH_GRID_REFRESH_SECONDS", "2"));
        this.services = Wiring.services(db.db(), cfg, null);
        this.app = App.create(services, cfg.maxUploadMb()).start("127.0.0.1", 0);
        this.http = new TestHttp(app.port());
    }

    public TestHttp http() {
        return http;
    }

    public Services services() {
        return services;
    }

    @Override
    public void close() {
        app.stop();
        services.close();
    }
}
