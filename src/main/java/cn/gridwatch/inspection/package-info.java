/**
 * Random inspection draws (双随机、一公开): targets from the source register by class and rate,
 * inspectors from the inspector register, reproducible from a seed and a register snapshot.
 */
package cn.gridwatch.inspection;
