package cn.gridwatch.meters;

import java.time.Instant;

/** One 15-minute reading: average power in kW over the interval starting at {@code at}. Immutable. */
public record MeterReading(String meterCode, Instant at, double kw) {
}
