package cn.gridwatch;

import cn.gridwatch.db.Database;

/** The services the HTTP layer and the commands use, wired by hand in {@link Main}. */
public record Services(Database database) {
}
