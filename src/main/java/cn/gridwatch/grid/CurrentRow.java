package cn.gridwatch.grid;

import java.time.LocalDate;

/** What the import compares against: the current version of a (code, kind), without geometry. */
public record CurrentRow(long id, String code, GridLevel level, String name, String parentCode,
                         LocalDate validFrom, String geomHash) {
}
