package cn.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.GridwatchServerExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit log is append-only even for the application's own database user. */
class AuditLogTest {
    @RegisterExtension
    static final GridwatchServerExtension database = GridwatchServerExtension.databaseOnly();
    private static AuditLog audit;

    @BeforeAll
    static void start() {
        audit = new AuditLog(database.db());
        audit.append(Actor.system("test"), "user.update", "user", "someone", Map.of("role", "planner"),
                Map.of("role", "admin"), "promoted");
    }

    @Test
    void entries_keep_who_what_and_the_state_before_and_after() {
        AuditEntry e = audit.find("user", "someone", 10).get(0);
        assertThat(e.actor()).isEqualTo("test");
        assertThat(e.action()).isEqualTo("user.update");
        assertThat(e.before().get("role").asText()).isEqualTo("planner");
        assertThat(e.after().get("role").asText()).isEqualTo("admin");
        assertThat(e.at()).isNotNull();
    }

    @Test
    void update_delete_and_truncate_are_refused_for_the_application_user() {
        for (String sql : new String[] {
            "update audit_log set actor = 'mallory'",
            "delete from audit_log",
            "truncate audit_log",
        }) {
            assertThatThrownBy(() -> run(sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("audit_log is append-only");
        }
        assertThat(audit.find(null, null, 1000)).extracting(AuditEntry::actor).doesNotContain("mallory").isNotEmpty();
    }

    @Test
    void limits_outside_the_range_are_refused() {
        assertThatThrownBy(() -> audit.find(null, null, 0)).hasMessageContaining("limit");
    }

    private static void run(String sql) throws SQLException {
        try (Connection c = database.db().dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
