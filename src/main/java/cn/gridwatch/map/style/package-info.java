/** The style model of map layers: symbols (points, lines, areas), styles classified by a feature attribute, labels. */
package cn.gridwatch.map.style;
