package cn.gridwatch.problems;

import java.time.Instant;

/**
 * What it takes to create a problem. The location is, first match wins: {@code lon}/{@code lat}
 * (in {@code crs}, default EPSG:4490), the source's location ({@code sourceCode}), the origin
 * record's location ({@code originId}: a complaint's point, a patrol's first point, a dispatch
 * task's or meter alert's source). Immutable.
 *
 * @param code      the problem's code, or null to number it {@code P<year>-<id>}
 * @param foundAt   when it was found; null means now
 * @param deadline  when it must be rectified by; null means none yet
 */
public record NewProblem(
        String code,
        String title,
        String description,
        ProblemOrigin origin,
        Long originId,
        String sourceCode,
        Double lon,
        Double lat,
        String crs,
        Instant foundAt,
        Instant deadline) {

    public NewProblem {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("field 'title' is required");
        }
        if (title.length() > 500) {
            throw new IllegalArgumentException("field 'title' may have at most 500 characters, but has " + title.length());
        }
        if (code != null && (code.isBlank() || code.length() > 64)) {
            throw new IllegalArgumentException("field 'code' must have 1..64 characters, but was: '" + code + "'");
        }
        if ((lon == null) != (lat == null)) {
            throw new IllegalArgumentException("fields 'lon' and 'lat' go together; give both or neither");
        }
        if (origin == null) {
            origin = ProblemOrigin.OTHER;
        }
        if (origin == ProblemOrigin.OTHER && originId != null) {
            throw new IllegalArgumentException("field 'originId' needs an 'origin' other than 'other'");
        }
        if (deadline != null && foundAt != null && !deadline.isAfter(foundAt)) {
            throw new IllegalArgumentException("field 'deadline' (" + deadline + ") must be after 'foundAt' (" + foundAt
                    + ")");
        }
    }
}
