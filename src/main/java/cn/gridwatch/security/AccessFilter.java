package cn.gridwatch.security;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The before-handler of every request: finds who is calling, then applies {@link AccessPolicy}'s
 * route rules. Credentials, first match wins:
 * {@code Authorization: Bearer <token>}; {@code Authorization: Basic} with any user name and a token
 * as the password (QGIS "Basic" authentication), or a real user name and password; the query
 * parameter {@code access_token=} (GIS tools that can only put it in a URL); the {@code gw_session}
 * cookie. Credentials that are present but wrong are refused, never skipped.
 *
 * <p>With {@code trustProxy}, the client address is the first {@code X-Forwarded-For} entry (set it
 * only behind a proxy that overwrites that header). Thread-safe.
 */
public final class AccessFilter implements Handler {
    public static final String COOKIE = "gw_session";
    private static final String PRINCIPAL = "gridwatch.principal";
    private static final String CLIENT_IP = "gridwatch.clientIp";
    private final AuthService auth;
    private final boolean trustProxy;

    public AccessFilter(AuthService auth, boolean trustProxy) {
        this.auth = auth;
        this.trustProxy = trustProxy;
    }

    @Override
    public void handle(Context ctx) {
        ctx.attribute(CLIENT_IP, ip(ctx));
        ctx.header("X-Content-Type-Options", "nosniff");
        String method = ctx.method().name();
        String path = ctx.path();
        if (AccessPolicy.isPublic(method, path)) {
            return;
        }
        Principal p = authenticate(ctx);
        ctx.attribute(PRINCIPAL, p);
        if ("session".equals(p.via()) && !method.equals("GET") && !method.equals("HEAD")) {
            checkSameOrigin(ctx);
        }
        AccessPolicy.checkRoute(p, method, path);
    }

    /**
     * Cookie-authenticated changes must not come from another site's page. SameSite=Lax already keeps
     * the cookie off cross-site POSTs in current browsers; this refuses them where a browser sends
     * an {@code Origin} that is not this server.
     */
    private void checkSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String host = trustProxy && ctx.header("X-Forwarded-Host") != null ? ctx.header("X-Forwarded-Host")
                : ctx.header("Host");
        String originHost = origin.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        if (host == null || !originHost.equalsIgnoreCase(host.trim())) {
            throw new AccessDeniedException("a cross-site request with the session cookie was refused (Origin "
                    + origin + "); call the API from this server's pages or use an API token");
        }
    }

    private Principal authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            String h = header.trim();
            String scheme = h.contains(" ") ? h.substring(0, h.indexOf(' ')).toLowerCase(Locale.ROOT) : h.toLowerCase(Locale.ROOT);
            String value = h.contains(" ") ? h.substring(h.indexOf(' ') + 1).trim() : "";
            if (scheme.equals("bearer")) {
                return token(value);
            }
            if (scheme.equals("basic")) {
                return basic(ctx, value);
            }
            throw new NotAuthenticatedException("the Authorization scheme '" + scheme + "' is not supported; "
                    + "use Bearer <token> or Basic");
        }
        String queryToken = ctx.queryParam("access_token");
        if (queryToken != null) {
            return token(queryToken.trim());
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null) {
            return auth.authenticateSession(cookie).orElseThrow(() -> {
                clearCookie(ctx);
                return new NotAuthenticatedException("your session has ended; sign in again");
            });
        }
        throw new NotAuthenticatedException("sign in first (POST /api/auth/login with username and password), "
                + "or send an API token as 'Authorization: Bearer gw_...'");
    }

    private Principal token(String token) {
        return auth.authenticateToken(token)
                .orElseThrow(() -> new NotAuthenticatedException("the API token is unknown or revoked"));
    }

    private Principal basic(Context ctx, String value) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new NotAuthenticatedException("the Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new NotAuthenticatedException("the Basic credentials must be user:password");
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        if (Secrets.looksLikeToken(password)) {
            return token(password);
        }
        return auth.authenticatePassword(user, password, clientIp(ctx));
    }

    /** The caller, set by this filter. @throws NotAuthenticatedException on a public route */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new NotAuthenticatedException("sign in first");
        }
        return p;
    }

    public static String clientIp(Context ctx) {
        String ip = ctx.attribute(CLIENT_IP);
        return ip == null ? ctx.ip() : ip;
    }

    /** The actor for audit entries about this request. */
    public static Actor actor(Context ctx) {
        return Actor.of(principal(ctx), clientIp(ctx));
    }

    private String ip(Context ctx) {
        if (trustProxy) {
            String xff = ctx.header("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                String first = xff.split(",")[0].trim();
                if (!first.isEmpty() && first.length() <= 64) {
                    return first;
                }
            }
        }
        return ctx.ip();
    }

    /** True when the browser reached us over HTTPS, directly or through a proxy that says so. */
    static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    static void setCookie(Context ctx, String value, long maxAgeSeconds) {
        ctx.header("Set-Cookie", COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
    }

    static void clearCookie(Context ctx) {
        setCookie(ctx, "", 0);
    }
}
