/** The one immutable configuration record, read from the environment. */
package cn.gridwatch.config;
