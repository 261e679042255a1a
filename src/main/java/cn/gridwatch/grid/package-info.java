/** The supervision grid: levels, codes, cells, import, QA and locate. */
package cn.gridwatch.grid;
