package cn.gridwatch.map.features;

import java.util.List;

/** One page of items and how many match in all. */
public record FeaturePage(List<FeatureRow> rows, long matched) {
}
