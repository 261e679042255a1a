package cn.gridwatch.security;

/**
 * Who is making a request and how they proved it: a browser session, an API token or a password
 * (HTTP Basic). Immutable.
 *
 * @param user    the signed-in user (active)
 * @param via     {@code session}, {@code token} or {@code password}
 * @param tokenId the API token's id when {@code via} is {@code token}, else null
 */
public record Principal(User user, String via, Long tokenId) {
    public Role role() {
        return user.role();
    }

    public String username() {
        return user.username();
    }

    /** The part of the grid this user may see: the officer's subtree, everything for other roles. */
    public Scope scope() {
        return user.role().isOfficer() ? Scope.under(user.gridCode()) : Scope.all();
    }
}
