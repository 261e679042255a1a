package cn.gridwatch.dispatch;

import cn.gridwatch.db.Database;
import cn.gridwatch.db.SqlWhere;
import cn.gridwatch.register.ListPage;

/** Lists patrol tasks (those dispatch created and any others) with filters. Thread-safe. */
public final class PatrolTaskService {
    private final Database db;
    private final PatrolTaskRepository tasks = new PatrolTaskRepository();

    public PatrolTaskService(Database db) {
        this.db = db;
    }

    public ListPage<PatrolTask> list(PatrolTaskQuery q) {
        SqlWhere w = new SqlWhere();
        if (q.scope() != null) {
            w.and(q.scope().condition("s"), q.scope().code());
        }
        if (q.grid() != null) {
            w.and(q.grid().condition("s"), q.grid().code());
        }
        if (q.status() != null) {
            w.and("t.status = ?", q.status());
        }
        if (q.station() != null) {
            w.and("t.station_code = ?", q.station());
        }
        if (q.from() != null) {
            w.and("t.reading_at >= ?", q.from());
        }
        if (q.to() != null) {
            w.and("t.reading_at < ?", q.to());
        }
        if (q.bbox() != null) {
            w.and("s.geom && ST_MakeEnvelope(?, ?, ?, ?, 4490)", q.bbox().getMinX(), q.bbox().getMinY(),
                    q.bbox().getMaxX(), q.bbox().getMaxY());
        }
        return db.withConnection("listing patrol tasks", c -> new ListPage<>(tasks.count(c, w), q.limit(), q.offset(),
                tasks.list(c, w, q.limit(), q.offset())));
    }
}
