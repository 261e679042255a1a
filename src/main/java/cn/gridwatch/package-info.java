/** gridwatch: the entry point, the app factory and the hand wiring of services. */
package cn.gridwatch;
