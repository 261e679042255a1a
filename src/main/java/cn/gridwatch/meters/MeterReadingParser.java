package cn.gridwatch.meters;

import cn.gridwatch.feeds.FeedRow;
import cn.gridwatch.feeds.RowCheck;
import cn.gridwatch.feeds.RowError;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns feed rows ({@code meter_code, at, kw}) into {@link MeterReading}s, collecting an error per
 * bad value: {@code at} must start a 15-minute interval (:00, :15, :30, :45, whole seconds 0) and
 * must not lie in the future; {@code kw} is a number >= 0; a meter and time may appear once per
 * file. Not thread-safe.
 */
final class MeterReadingParser {
    static final List<String> REQUIRED = List.of("meter_code", "at", "kw");

    record Parsed(MeterReading reading, int row) {
    }

    List<Parsed> parse(List<FeedRow> rows, Instant now, List<RowError> errors) {
        List<Parsed> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (FeedRow row : rows) {
            RowCheck c = new RowCheck(row, errors);
            String meter = c.text("meter_code");
            Instant at = c.time("at");
            Double kw = c.number("kw", true, 0, null);
            if (at != null) {
                if (at.getNano() != 0 || at.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() % 900 != 0) {
                    c.fail("at", row.get("at"), "must start a 15-minute interval (minute 00, 15, 30 or 45, second 00)");
                } else if (at.isAfter(now)) {
                    c.fail("at", row.get("at"), "lies in the future (now is " + now + ")");
                }
            }
            if (meter != null && at != null) {
                Integer earlier = seen.putIfAbsent(meter + "|" + at, c.row());
                if (earlier != null) {
                    c.fail(null, null, "meter " + meter + " at " + at + " appears already in row " + earlier);
                }
            }
            if (c.ok()) {
                out.add(new Parsed(new MeterReading(meter, at, kw), c.row()));
            }
        }
        return out;
    }
}
