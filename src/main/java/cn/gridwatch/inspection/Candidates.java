package cn.gridwatch.inspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register snapshot a draw is made from: active sources per class (in id order) and the
 * inspectors that may be drawn. {@link #lines()} is what {@link DrawRanking#hash} fingerprints. Immutable.
 */
record Candidates(Map<String, List<Source>> sources, List<Inspector> inspectors) {
    Candidates {
        Map<String, List<Source>> m = new LinkedHashMap<>();
        sources.forEach((k, v) -> m.put(k, List.copyOf(v)));
        sources = java.util.Collections.unmodifiableMap(m);
        inspectors = List.copyOf(inspectors);
    }

    record Source(long id, String code, String name, String inspectionClass, String county) {
    }

    record Inspector(long id, String code, String name, String county, String kind, String unit) {
    }

    /** One line per candidate: {@code source|class|id|code|county} and {@code inspector|id|code|kind|county}. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        sources.forEach((cls, list) -> list.forEach(s -> out.add("source|" + cls + "|" + s.id() + "|" + s.code() + "|"
                + (s.county() == null ? "" : s.county()))));
        inspectors.forEach(i -> out.add("inspector|" + i.id() + "|" + i.code() + "|" + i.kind() + "|" + i.county()));
        return out;
    }

    /** The ids only, as stored with the draw: {@code {"sources": {"special": [..]}, "inspectors": [..]}}. */
    Map<String, Object> ids() {
        Map<String, Object> s = new LinkedHashMap<>();
        sources.forEach((cls, list) -> s.put(cls, list.stream().map(Source::id).toList()));
        return Map.of("sources", s, "inspectors", inspectors.stream().map(Inspector::id).toList());
    }
}
