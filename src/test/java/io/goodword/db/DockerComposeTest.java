package io.goodword.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped compose file never falls back to a known database password: compose must refuse to start without one. */
class DockerComposeTest {
    @Test
    void compose_requires_the_database_password_instead_of_a_default() throws Exception {
        String compose = Files.readString(Path.of("docker-compose.yml"));
        Matcher uses = Pattern.compile("\\$\\{GOODWORD_DB_PASSWORD([^}]*)}").matcher(compose);
        int count = 0;
        while (uses.find()) {
            count++;
            assertThat(uses.group(1)).as("every use of the password variable").startsWith(":?");
        }
        assertThat(count).as("database and portal both take it").isEqualTo(2);
        assertThat(compose).doesNotContain("change-me");
    }
}
