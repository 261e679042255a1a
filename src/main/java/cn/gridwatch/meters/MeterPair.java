package cn.gridwatch.meters;

import cn.gridwatch.register.GridCells;

/**
 * A production meter and the control-equipment meter that watches it, on one source.
 * {@code normalRatio} is control kW / production kW in normal operation (the control meter's
 * {@code normal_ratio}, else the production meter's; null when neither has one). Immutable.
 */
public record MeterPair(long productionId, String productionCode, long controlId, String controlCode,
        String controlEquipment, long sourceId, String sourceCode, String sourceName, Double normalRatio,
        GridCells cells) {
}
