package cn.gridwatch.map.wms;

/** The two WMS versions served, and the OGC version negotiation between them. */
public enum WmsVersion {
    V111("1.1.1"),
    V130("1.3.0");

    private final String text;

    WmsVersion(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /**
     * OGC negotiation: none → the highest (1.3.0); a known version → itself; higher than 1.3.0 →
     * 1.3.0; anything lower → 1.1.1 (the highest we have below it, or our lowest).
     */
    public static WmsVersion negotiate(String requested) {
        if (requested == null) {
            return V130;
        }
        int cmp = compare(requested, V130.text);
        if (cmp >= 0) {
            return V130;
        }
        return V111;
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? number(x[i]) : 0;
            int q = i < y.length ? number(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
