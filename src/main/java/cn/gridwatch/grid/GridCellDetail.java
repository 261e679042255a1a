package cn.gridwatch.grid;

import java.util.List;

/**
 * One cell version with its parent (by code, valid on the same date; {@code null} when there is none
 * or it is not stored) and its children valid on the same date, ordered by code. Immutable.
 */
public record GridCellDetail(GridCell cell, GridCellRef parent, List<GridCellRef> children) {
}
