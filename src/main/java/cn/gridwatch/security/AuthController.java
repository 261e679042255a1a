package cn.gridwatch.security;

import cn.gridwatch.http.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * HTTP in and out for signing in and out, the caller's own account and API tokens. No logic beyond
 * parsing and shaping JSON.
 */
public final class AuthController {
    private final AuthService auth;

    public AuthController(AuthService auth) {
        this.auth = auth;
    }

    public void routes(RoutesConfig r) {
        r.post("/api/auth/login", this::login);
        r.post("/api/auth/logout", this::logout);
        r.get("/api/auth/me", this::me);
        r.get("/api/auth/tokens", ctx -> ctx.json(auth.tokens(AccessFilter.principal(ctx))));
        r.post("/api/auth/tokens", this::createToken);
        r.delete("/api/auth/tokens/{id}", this::revokeToken);
    }

    private void login(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("username", "password"));
        AuthService.Session s = auth.login(body.requiredText("username"), body.requiredText("password"),
                AccessFilter.clientIp(ctx));
        AccessFilter.setCookie(ctx, s.id(), auth.sessionLength().toSeconds());
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", s.user());
        m.put("expiresAt", s.expiresAt());
        ctx.json(m);
    }

    private void logout(Context ctx) {
        Principal p = AccessFilter.principal(ctx);
        if ("session".equals(p.via())) {
            auth.logout(ctx.cookie(AccessFilter.COOKIE), AccessFilter.actor(ctx));
        }
        AccessFilter.clearCookie(ctx);
        ctx.json(Map.of("signedOut", "session".equals(p.via()),
                "note", "session".equals(p.via()) ? "session ended"
                        : "you are using an API token or password; revoke a token with DELETE /api/auth/tokens/{id}"));
    }

    private void me(Context ctx) {
        Principal p = AccessFilter.principal(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", p.user());
        m.put("via", p.via());
        Scope s = p.scope();
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("root", s.rootCode());
        scope.put("codePrefix", s.prefix());
        m.put("scope", scope);
        m.put("mayEditGrids", AccessPolicy.mayEditGrids(p.role()));
        ctx.json(m);
    }

    private void createToken(Context ctx) {
        Principal p = AccessFilter.principal(ctx);
        if ("token".equals(p.via())) {
            // a leaked token must not be able to mint tokens that outlive its revocation
            throw new AccessDeniedException("API tokens cannot create API tokens; sign in with your password");
        }
        JsonBody body = JsonBody.of(ctx, Set.of("name"));
        AuthService.CreatedToken t = auth.createToken(p, body.requiredText("name"), AccessFilter.actor(ctx));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", t.token());
        m.put("secret", t.secret());
        m.put("note", "the secret is shown only now; send it as 'Authorization: Bearer <secret>', as the Basic "
                + "password, or as access_token=<secret>");
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(m);
    }

    private void revokeToken(Context ctx) {
        String raw = ctx.pathParam("id");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("token id must be a whole number, but was: '" + raw + "'", e);
        }
        ctx.json(auth.revokeToken(AccessFilter.principal(ctx), id, AccessFilter.actor(ctx)));
    }
}
