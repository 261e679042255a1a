package cn.gridwatch.grid;

import cn.gridwatch.db.GeometryCodec;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Column lists, date predicates and row mapping shared by the grid repositories. Stateless. */
final class GridRows {
    static final String CELL_COLUMNS =
            "id, code, level, kind, name, parent_code, valid_from, valid_to, ST_AsBinary(geom) as wkb";

    private GridRows() {
    }

    /** A predicate on {@code valid_from/valid_to}: current rows when {@code date} is null, else valid on it. */
    static String validOn(LocalDate date) {
        return date == null ? "valid_to is null" : "(valid_from <= ? and (valid_to is null or valid_to > ?))";
    }

    /** Binds the parameters {@link #validOn} added, starting at {@code index}; returns the next index. */
    static int bindValidOn(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            return index;
        }
        ps.setDate(index, Date.valueOf(date));
        ps.setDate(index + 1, Date.valueOf(date));
        return index + 2;
    }

    static GridCell cell(ResultSet rs) throws SQLException {
        Date to = rs.getDate("valid_to");
        return new GridCell(rs.getLong("id"), rs.getString("code"), GridLevel.ofRank(rs.getInt("level")),
                GridKind.parse(rs.getString("kind")), rs.getString("name"), rs.getString("parent_code"),
                rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(),
                GeometryCodec.fromWkb(rs.getBytes("wkb")));
    }

    static GridCellRef ref(ResultSet rs) throws SQLException {
        return new GridCellRef(rs.getString("code"), rs.getString("name"), GridLevel.ofRank(rs.getInt("level")),
                GridKind.parse(rs.getString("kind")));
    }
}
