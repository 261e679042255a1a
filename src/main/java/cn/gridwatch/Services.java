package cn.gridwatch;

import cn.gridwatch.db.ChangeListener;
import cn.gridwatch.dispatch.DispatchService;
import cn.gridwatch.dispatch.PatrolTaskService;
import cn.gridwatch.dispatch.ReadingService;
import cn.gridwatch.db.Database;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.grid.GridService;
import cn.gridwatch.grid.imports.GridImportService;
import cn.gridwatch.grid.qa.GridQaService;
import cn.gridwatch.inspection.DrawService;
import cn.gridwatch.map.features.FeaturesService;
import cn.gridwatch.map.render.MapImageService;
import cn.gridwatch.map.tiles.TileService;
import cn.gridwatch.meters.MeterAlertService;
import cn.gridwatch.meters.MeterReadingService;
import cn.gridwatch.problems.ProblemService;
import cn.gridwatch.routing.network.RoadImportService;
import cn.gridwatch.routing.network.RoadMatrixProvider;
import cn.gridwatch.routing.jobs.PlanJobService;
import cn.gridwatch.routing.plan.PlanService;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.AuthService;
import cn.gridwatch.security.UserService;
import cn.gridwatch.stats.StatsService;

/** The services the HTTP layer and the commands use, wired by hand in {@link Wiring}. */
public record Services(
        Database database,
        GridService grids,
        GridImportService imports,
        GridQaService qa,
        GridLocateService locate,
        ChangeListener gridListener,
        ChangeListener authListener,
        AuditLog audit,
        AuthService auth,
        UserService users,
        boolean trustProxy,
        TileService tiles,
        FeaturesService features,
        MapImageService images,
        Registers registers,
        ProblemService problems,
        ReadingService stationReadings,
        DispatchService dispatch,
        PatrolTaskService patrolTasks,
        MeterReadingService meterReadings,
        MeterAlertService meterAlerts,
        StatsService stats,
        RoadImportService roadImports,
        RoadMatrixProvider roads,
        DrawService draws,
        PlanService plans,
        PlanJobService planJobs) implements AutoCloseable {

    @Override
    public void close() {
        planJobs.close();
        if (gridListener != null) {
            gridListener.close();
        }
        if (authListener != null) {
            authListener.close();
        }
        if (tiles != null) {
            tiles.close(); // the tile warm-up thread
        }
    }
}
