/** Deterministic generator of fictional or semi-real grid hierarchies (city to village) that tile exactly. */
package cn.gridwatch.grid.generate;
