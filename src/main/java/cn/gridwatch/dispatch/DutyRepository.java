package cn.gridwatch.dispatch;

import cn.gridwatch.grid.AdminCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read-only lookup of the grid duties ({@code grid_duty}) in force on a day, by cell. Cell codes
 * are matched in their 12-digit and short forms (a duty file may say 432002 or 432002000000) and
 * answered under the 12-digit form. Takes the caller's connection. Stateless and thread-safe.
 */
final class DutyRepository {

    /** The people on duty on {@code day} for each of {@code cells} (12-digit codes), officers first, by name. */
    Map<String, List<Officer>> onDuty(Connection c, Collection<String> cells, LocalDate day) throws SQLException {
        Set<String> forms = new LinkedHashSet<>();
        for (String code : cells) {
            forms.add(code);
            forms.add(AdminCode.shortForm(code));
        }
        Map<String, List<Officer>> out = new HashMap<>();
        if (forms.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select grid_code, duty, person_name, phone from grid_duty
                 where grid_code = any(?) and valid_from <= ? and (valid_to is null or valid_to > ?)
                 order by grid_code, duty desc, person_name""")) {
            ps.setArray(1, c.createArrayOf("text", forms.toArray()));
            ps.setObject(2, day);
            ps.setObject(3, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String code = AdminCode.normalize(rs.getString(1));
                    out.computeIfAbsent(code, k -> new ArrayList<>())
                            .add(new Officer(rs.getString(3), rs.getString(4), rs.getString(2), code));
                }
            }
        }
        return out;
    }
}
