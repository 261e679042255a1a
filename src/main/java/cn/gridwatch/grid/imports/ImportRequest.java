package cn.gridwatch.grid.imports;

import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.io.PropertyMapping;
import cn.gridwatch.grid.io.SourceFormat;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to import and how.
 *
 * @param path      the source file
 * @param format    null: from the extension
 * @param level     the level every feature must have
 * @param kind      ADMIN, PARK or KEY
 * @param crs       the declared source CRS (wins over the file's), or null to use the file's
 * @param validFrom the first day the imported versions are valid
 * @param mapping   which properties hold code, name and parent
 * @param encoding  attribute encoding when the file does not declare one (null: file's or UTF-8)
 * @param layer     GeoPackage layer (null: the first)
 * @param wktColumn CSV geometry column (null: wkt, geometry or geom)
 * @param repair    repair invalid geometries (reported) instead of storing them as they are
 * @param dryRun    validate and report, write nothing
 * @param qa        run the QA report over the imported subtree after a committed import
 * @param allowedCodePrefix null: any code; else every feature's code must start with it (an
 *                  officer's jurisdiction), or the whole file is refused listing the others
 * @param audit     told about the committed import inside its transaction
 */
public record ImportRequest(Path path, SourceFormat format, GridLevel level, GridKind kind, String crs,
                            LocalDate validFrom, PropertyMapping mapping, Charset encoding, String layer,
                            String wktColumn, boolean repair, boolean dryRun, boolean qa,
                            String allowedCodePrefix, ImportAudit audit) {
    public ImportRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(level, "level");
        kind = kind == null ? GridKind.ADMIN : kind;
        validFrom = validFrom == null ? LocalDate.now() : validFrom;
        mapping = mapping == null ? PropertyMapping.defaults() : mapping;
        audit = audit == null ? ImportAudit.NONE : audit;
    }

    /** A builder with the defaults: ADMIN, file's CRS, valid from today, no repair, QA on. */
    public static Builder builder(Path path, GridLevel level) {
        return new Builder(path, level);
    }

    /** Fluent construction of an {@link ImportRequest}. Not thread-safe. */
    public static final class Builder {
        private final Path path;
        private final GridLevel level;
        private SourceFormat format;
        private GridKind kind = GridKind.ADMIN;
        private String crs;
        private LocalDate validFrom;
        private PropertyMapping mapping = PropertyMapping.defaults();
        private Charset encoding;
        private String layer;
        private String wktColumn;
        private boolean repair;
        private boolean dryRun;
        private boolean qa = true;
        private String allowedCodePrefix;
        private ImportAudit audit = ImportAudit.NONE;

        private Builder(Path path, GridLevel level) {
            this.path = path;
            this.level = level;
        }

        public Builder format(SourceFormat v) {
            format = v;
            return this;
        }

        public Builder kind(GridKind v) {
            kind = v;
            return this;
        }

        public Builder crs(String v) {
            crs = v;
            return this;
        }

        public Builder validFrom(LocalDate v) {
            validFrom = v;
            return this;
        }

        public Builder mapping(PropertyMapping v) {
            mapping = v;
            return this;
        }

        public Builder encoding(Charset v) {
            encoding = v;
            return this;
        }

        public Builder layer(String v) {
            layer = v;
            return this;
        }

        public Builder wktColumn(String v) {
            wktColumn = v;
            return this;
        }

        public Builder repair(boolean v) {
            repair = v;
            return this;
        }

        public Builder dryRun(boolean v) {
            dryRun = v;
            return this;
        }

        public Builder qa(boolean v) {
            qa = v;
            return this;
        }

        public Builder allowedCodePrefix(String v) {
            allowedCodePrefix = v;
            return this;
        }

        public Builder audit(ImportAudit v) {
            audit = v;
            return this;
        }

        public ImportRequest build() {
            return new ImportRequest(path, format, level, kind, crs, validFrom, mapping, encoding, layer,
                    wktColumn, repair, dryRun, qa, allowedCodePrefix, audit);
        }
    }
}
