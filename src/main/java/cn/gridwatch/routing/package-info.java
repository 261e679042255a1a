/** Road network, travel-time matrices, the vehicle-routing solver adapter, patrol and enforcement plans. */
package cn.gridwatch.routing;
