package cn.gridwatch.security;

import cn.gridwatch.http.JsonBody;
import cn.gridwatch.http.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/**
 * HTTP in and out for administrators: users and the (read-only) audit log. {@link AccessPolicy}
 * lets only administrators reach these routes.
 */
public final class AdminController {
    private static final Set<String> ENTITY_TYPES = Set.of("user", "api_token", "grid_import", "grid_cell");
    private final UserService users;
    private final AuditLog audit;

    public AdminController(UserService users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    public void routes(RoutesConfig r) {
        r.get("/api/admin/users", ctx -> ctx.json(users.list()));
        r.post("/api/admin/users", this::create);
        r.get("/api/admin/users/{username}", ctx -> ctx.json(users.get(ctx.pathParam("username"))));
        r.patch("/api/admin/users/{username}", this::update);
        r.get("/api/admin/audit", this::audit);
    }

    private void create(Context ctx) {
        JsonBody b = JsonBody.of(ctx, Set.of("username", "displayName", "role", "grid", "password"));
        UserService.NewUser n = new UserService.NewUser(b.requiredText("username"), b.text("displayName"),
                Role.parse(b.requiredText("role")), b.text("grid"), b.requiredText("password"));
        ctx.status(201).json(users.create(n, AccessFilter.actor(ctx)));
    }

    private void update(Context ctx) {
        JsonBody b = JsonBody.of(ctx, Set.of("displayName", "role", "grid", "active", "password"));
        String role = b.text("role");
        String grid = b.has("grid") && b.text("grid") == null ? "" : b.text("grid");
        UserService.Change c = new UserService.Change(b.text("displayName"), role == null ? null : Role.parse(role),
                grid, b.flag("active"), b.text("password"));
        ctx.json(users.update(ctx.pathParam("username"), c, AccessFilter.actor(ctx)));
    }

    private void audit(Context ctx) {
        String type = Params.text(ctx, "entityType");
        if (type != null && !ENTITY_TYPES.contains(type)) {
            throw new IllegalArgumentException("query parameter 'entityType' must be one of " + ENTITY_TYPES
                    + ", but was: '" + type + "'");
        }
        ctx.json(audit.find(type, Params.text(ctx, "entityKey"), Params.intValue(ctx, "limit", 100, 1, AuditLog.MAX_LIMIT)));
    }
}
