package cn.gridwatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.security.PasswordHasher;
import cn.gridwatch.security.User;
import cn.gridwatch.security.UserService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo accounts obey the same rules as everyone's and are the ones the README documents. */
class DemoAccountsTest {

    @Test
    void every_demo_account_is_valid_and_listed_in_the_readme_with_its_password() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (UserService.NewUser n : Wiring.DEMO_ACCOUNTS) {
            PasswordHasher.checkRules(n.password());
            User.normalizeUsername(n.username());
            User.checkGrid(n.role(), n.grid());
            assertThat(readme).contains("| `" + n.username() + "` | `" + n.password() + "` | " + n.role().id());
        }
    }
}
