/** The grid import use case: validate a source file, version its cells, write all or nothing. */
package cn.gridwatch.grid.imports;
