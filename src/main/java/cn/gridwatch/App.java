package cn.gridwatch;

import cn.gridwatch.db.Database;
import cn.gridwatch.dispatch.DispatchController;
import cn.gridwatch.grid.GridController;
import cn.gridwatch.http.ErrorMapping;
import cn.gridwatch.inspection.DrawController;
import cn.gridwatch.map.features.FeaturesController;
import cn.gridwatch.map.tiles.TileController;
import cn.gridwatch.map.wms.WmsController;
import cn.gridwatch.map.wms.WmsService;
import cn.gridwatch.meters.MeterController;
import cn.gridwatch.problems.ProblemController;
import cn.gridwatch.routing.network.RoadController;
import cn.gridwatch.routing.jobs.PlanJobController;
import cn.gridwatch.routing.plan.PlanController;
import cn.gridwatch.security.AccessFilter;
import cn.gridwatch.security.AdminController;
import cn.gridwatch.security.AuthController;
import cn.gridwatch.stats.StatsController;
import cn.gridwatch.web.WebController;
import cn.gridwatch.web.WebSettings;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the unstarted Javalin app from its dependencies: routes per feature and the one error
 * mapping. Holds no business logic.
 */
public final class App {
    private App() {
    }

    /** The app with the web map on a plain background (no basemap). */
    public static Javalin create(Services services, int maxUploadMb) {
        return create(services, maxUploadMb, WebSettings.plain(maxUploadMb));
    }

    public static Javalin create(Services services, int maxUploadMb, WebSettings web) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = false;
            config.http.maxRequestSize = (long) maxUploadMb * 1024 * 1024;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.jetty.modifyServer(server -> server.setStopTimeout(10_000));
            ErrorMapping.install(config);
            config.jetty.multipartConfig.maxFileSize(maxUploadMb, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(maxUploadMb, SizeUnit.MB);
            config.jetty.multipartConfig.maxInMemoryFileSize(4, SizeUnit.MB);
            config.routes.before(new AccessFilter(services.auth(), services.trustProxy()));
            config.routes.get("/health", ctx -> ctx.json(health(services.database())));
            new AuthController(services.auth()).routes(config.routes);
            new AdminController(services.users(), services.audit()).routes(config.routes);
            new GridController(services.grids(), services.locate(), services.qa(), services.imports(), services.audit(),
                    maxUploadMb)
                    .routes(config.routes);
            new TileController(services.tiles()).routes(config.routes);
            new FeaturesController(services.features()).routes(config.routes);
            new WmsController(new WmsService(services.grids(), services.images()))
                    .routes(config.routes);
            services.registers().routes(config.routes, (long) maxUploadMb * 1024 * 1024);
            new ProblemController(services.problems()).routes(config.routes);
            new DispatchController(services.stationReadings(), services.dispatch(), services.patrolTasks())
                    .routes(config.routes);
            new MeterController(services.meterReadings(), services.meterAlerts()).routes(config.routes);
            new StatsController(services.stats(), services.grids()).routes(config.routes);
            new RoadController(services.roadImports(), services.roads(), maxUploadMb).routes(config.routes);
            WebController.staticFiles(config);
            new WebController(web, () -> services.locate().snapshot().date()).routes(config.routes);
            new DrawController(services.draws()).routes(config.routes);
            PlanJobController planJobs = new PlanJobController(services.planJobs());
            planJobs.routes(config.routes);
            new PlanController(services.plans(), planJobs).routes(config.routes);
        });
    }

    private static Map<String, Object> health(Database db) {
        String[] v = db.versions();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("database", v[0]);
        m.put("postgis", v[1]);
        return m;
    }
}
