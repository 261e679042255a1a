/** Pollution sources (enterprises, sites, restaurants...) with their inspection class, and their power meters. */
package cn.gridwatch.sources;
