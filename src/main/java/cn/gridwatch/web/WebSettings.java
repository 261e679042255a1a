package cn.gridwatch.web;

import cn.gridwatch.config.Config;

/**
 * What the web page needs to know about this server: the optional background map (an XYZ tile URL
 * template in EPSG:3857 and its credit; null URL = no background, the grid on a plain page) and the
 * largest upload it may send. Immutable.
 *
 * @param basemapUrl XYZ tile URL template, or null
 * @param basemapAttribution the background map's credit ("" when none)
 * @param maxUploadMb the largest accepted upload in MiB
 */
public record WebSettings(String basemapUrl, String basemapAttribution, int maxUploadMb) {
    public static WebSettings of(Config cfg) {
        return new WebSettings(cfg.basemapUrl(), cfg.basemapAttribution(), cfg.maxUploadMb());
    }

    /** No background map. */
    public static WebSettings plain(int maxUploadMb) {
        return new WebSettings(null, "", maxUploadMb);
    }
}
