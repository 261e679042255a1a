package cn.gridwatch.map.wms;

/** Escaping for XML text and attribute values. Stateless. */
final class Xml {
    private Xml() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        sb.append(c);
                    } else {
                        sb.append('?'); // not allowed in XML 1.0
                    }
                }
            }
        }
        return sb.toString();
    }
}
