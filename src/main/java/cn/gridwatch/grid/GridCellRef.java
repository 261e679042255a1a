package cn.gridwatch.grid;

/** A lightweight reference to a cell: what lists, parents and children carry. Immutable. */
public record GridCellRef(String code, String name, GridLevel level, GridKind kind) {
}
