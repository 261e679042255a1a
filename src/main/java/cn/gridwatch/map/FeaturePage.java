package cn.gridwatch.map;

import java.util.List;

/** One page of features and how many match in all. */
public record FeaturePage(List<FeatureRow> rows, long matched) {
}
