/**
 * The vehicle-routing solver adapter: a solver-neutral problem model (integer matrices, time
 * windows, vehicles, allowed vehicles, drop penalties) solved with Google OR-Tools routing.
 */
package cn.gridwatch.routing.solver;
