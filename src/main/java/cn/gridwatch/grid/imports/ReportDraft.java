package cn.gridwatch.grid.imports;

import cn.gridwatch.grid.GeometryHash;
import cn.gridwatch.grid.RepairedGeometry;
import cn.gridwatch.grid.io.SourceData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Collects what one import run learns (warnings, repairs) and builds its {@link ImportReport}.
 * Confined to the thread running the import.
 */
final class ReportDraft {
    private final ImportRequest req;
    private final SourceData data;
    private final String crs;
    private final List<String> warnings;
    private final Map<String, Long> timings;
    private final List<RepairNote> repairs = new ArrayList<>();

    ReportDraft(ImportRequest req, SourceData data, String crs, List<String> warnings, Map<String, Long> timings) {
        this.req = req;
        this.data = data;
        this.crs = crs;
        this.warnings = warnings;
        this.timings = timings;
    }

    List<String> warnings() {
        return warnings;
    }

    /** Records a repair and returns the cell with the repaired geometry (or as it was, if nothing is left). */
    PreparedCell repaired(PreparedCell p, RepairedGeometry r) {
        if (r.geometry().isEmpty()) {
            warnings.add("feature " + p.feature() + " (" + p.code() + "): repair left no polygon, stored as it is: "
                    + r.invalidReason());
            return p;
        }
        repairs.add(new RepairNote(p.feature(), p.code(), r.invalidReason(), r.areaBeforeM2(), r.areaAfterM2()));
        return new PreparedCell(p.feature(), p.code(), p.name(), p.parentCode(), r.geometry(),
                GeometryHash.of(r.geometry()), null);
    }

    ImportReport rejected(List<Rejection> rejections) {
        List<Rejection> sorted = rejections.stream().sorted(Comparator.comparingInt(Rejection::feature)).toList();
        return build(ImportStatus.REJECTED, 0, 0, 0, sorted, null, null);
    }

    ImportReport dryRun(ImportPlan plan) {
        if (!plan.rejections().isEmpty()) {
            return rejected(plan.rejections());
        }
        return build(ImportStatus.DRY_RUN, plan.inserted(), plan.replaced(), plan.unchanged(), List.of(), null, null);
    }

    ImportReport committed(ImportPlan plan, Long importId, Long version) {
        return build(ImportStatus.COMMITTED, plan.inserted(), plan.replaced(), plan.unchanged(), List.of(),
                importId, version);
    }

    private ImportReport build(ImportStatus status, int inserted, int replaced, int unchanged,
                               List<Rejection> rejections, Long importId, Long version) {
        return new ImportReport(status, req.path().getFileName().toString(), data.format().id(), crs, data.fileCrs(),
                req.level(), req.kind(), req.validFrom(), data.features().size(), inserted, replaced, unchanged,
                status == ImportStatus.REJECTED ? 0 : repairs.size(), rejections, List.copyOf(warnings),
                List.copyOf(repairs), importId, version, Map.copyOf(timings), null);
    }
}
