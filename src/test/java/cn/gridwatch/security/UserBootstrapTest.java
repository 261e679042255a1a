package cn.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.GridwatchServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real deployment cannot start without an administrator; the demo's accounts are created once. */
class UserBootstrapTest {
    @RegisterExtension
    final GridwatchServerExtension database = GridwatchServerExtension.databaseOnly();

    @Test
    void serving_without_an_administrator_needs_GRIDWATCH_ADMIN_PASSWORD() {
        UserService users = new UserService(database.db(), new PasswordHasher(4), new AuditLog(database.db()));
        assertThatThrownBy(() -> users.ensureAdmin(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GRIDWATCH_ADMIN_PASSWORD");
        assertThatThrownBy(() -> users.ensureAdmin("short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GRIDWATCH_ADMIN_PASSWORD").hasMessageContaining("at least 10");
        assertThat(users.ensureAdmin("a-proper-admin-password")).isTrue();
        assertThat(users.get("admin").role()).isEqualTo(Role.ADMIN);
        assertThat(users.ensureAdmin(null)).isFalse(); // an administrator exists: nothing needed
        assertThat(new AuditLog(database.db()).find("user", "admin", 10).get(0).actor()).isEqualTo("bootstrap");
    }

    @Test
    void demo_accounts_are_created_once_and_follow_the_password_rules() {
        UserService users = new UserService(database.db(), new PasswordHasher(4), new AuditLog(database.db()));
        List<UserService.NewUser> demo = List.of(
                new UserService.NewUser("admin", null, Role.ADMIN, null, "gridwatch-admin"),
                new UserService.NewUser("fengfeng", null, Role.COUNTY_OFFICER, "432002", "fengfeng-county"));
        assertThat(users.ensureAccounts(demo, Actor.system("demo"))).isEqualTo(2);
        assertThat(users.ensureAccounts(demo, Actor.system("demo"))).isZero();
        assertThat(users.get("fengfeng").gridCode()).isEqualTo("432002000000");
        assertThat(users.ensureAdmin(null)).isFalse();
    }
}
