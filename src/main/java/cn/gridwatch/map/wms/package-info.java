/** OGC Web Map Service 1.1.1 and 1.3.0: capabilities, GetMap, GetFeatureInfo, GetLegendGraphic, exceptions. */
package cn.gridwatch.map.wms;
