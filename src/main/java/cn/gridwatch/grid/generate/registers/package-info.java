/**
 * Generated register data for the demo city (monitoring points, sources, meters, duties, inspectors,
 * complaints, patrols; problems at benchmark scale), written as the CSV import files.
 */
package cn.gridwatch.grid.generate.registers;
