/** Benchmarks run as plain mains from the test class path; see bench/README.md. */
package cn.gridwatch.bench;
