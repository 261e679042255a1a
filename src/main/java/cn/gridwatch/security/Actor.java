package cn.gridwatch.security;

/**
 * Who did something, as the audit log records it: a user name and role, or a system actor such as
 * {@code demo} or {@code cli} (role null), and the client's address when it came over HTTP. Immutable.
 */
public record Actor(String username, String role, String clientIp) {

    public static Actor of(Principal p, String clientIp) {
        return new Actor(p.username(), p.role().id(), clientIp);
    }

    public static Actor system(String name) {
        return new Actor(name, null, null);
    }
}
