/**
 * Patrol routes and joint cross-jurisdiction enforcement plans (交叉执法): targets, teams and days
 * turned into a routing problem, solved, checked against the own-county rule, stored and exported.
 */
package cn.gridwatch.routing.plan;
