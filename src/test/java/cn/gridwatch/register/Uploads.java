package cn.gridwatch.register;

import cn.gridwatch.TestHttp;
import cn.gridwatch.sources.CreditCode;
import java.nio.charset.StandardCharsets;

/** Test helpers: register uploads over HTTP and valid credit codes for fixtures. */
final class Uploads {
    private Uploads() {
    }

    /** POSTs {@code body} as the raw body of {@code /api/<register>/import?filename=..&crs=..}. */
    static TestHttp.Reply upload(TestHttp http, String register, String fileName, byte[] body, String crs) {
        return http.post("/api/" + register + "/import?filename=" + fileName + (crs == null ? "" : "&crs=" + crs), body,
                "application/octet-stream");
    }

    static TestHttp.Reply upload(TestHttp http, String register, String fileName, String body, String crs) {
        return upload(http, register, fileName, body.getBytes(StandardCharsets.UTF_8), crs);
    }

    /** A valid unified social credit code starting with {@code first17}. */
    static String credit(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }
}
