package cn.gridwatch.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A stored draw: the rules it was made with, the seed (as text: it may exceed JavaScript's 2^53),
 * the fingerprint of the register snapshot, per class how many candidates there were and how many
 * were drawn, and the drawn sources and inspectors in ranking order. County codes are 6-digit.
 * Immutable.
 */
public record Draw(long id, String name, String seed, String grid, String registerHash, List<ClassCount> classes,
                   int inspectorCandidates, List<String> inspectorKinds, List<String> excludeCounties,
                   List<DrawnSource> sources, List<DrawnInspector> inspectors, Instant sealedUntil, String drawnBy,
                   String drawnRole, Instant drawnAt) {
    public Draw {
        classes = List.copyOf(classes);
        inspectorKinds = List.copyOf(inspectorKinds);
        excludeCounties = List.copyOf(excludeCounties);
        sources = List.copyOf(sources);
        inspectors = List.copyOf(inspectors);
    }

    /** One inspection class: its rate, its candidates and how many were drawn ({@code ceil(rate x candidates)}). */
    public record ClassCount(String inspectionClass, BigDecimal rate, int candidates, int drawn) {
    }

    public record DrawnSource(int rank, long sourceId, String code, String name, String inspectionClass,
                              String county) {
    }

    public record DrawnInspector(int rank, long inspectorId, String code, String name, String county, String kind,
                                 String unit) {
    }

    /** A line of the draw list. */
    public record Summary(long id, String name, String seed, String registerHash, int sources, int inspectors,
                          Instant sealedUntil, String drawnBy, Instant drawnAt) {
    }
}
