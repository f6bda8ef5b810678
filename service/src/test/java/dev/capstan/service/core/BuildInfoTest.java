package dev.capstan.service.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
    @Test
    void readsWhatTheBuildWrote() {
        final Properties properties = new Properties();
        properties.setProperty("version", "1.2.3");
        properties.setProperty("commit", "0123456789abcdef0123456789abcdef01234567");
        properties.setProperty("buildTime", "2026-11-26T10:00:00Z");

        assertThat(BuildInfo.fromProperties(properties)).isEqualTo(new BuildInfo("1.2.3",
                "0123456789abcdef0123456789abcdef01234567", "2026-11-26T10:00:00Z"));
    }

    @Test
    void saysUnknownForWhatABuildWithoutGitLeftUnfilled() {
        final Properties properties = new Properties();
        properties.setProperty("version", "1.2.3");
        properties.setProperty("commit", "${git.commit.id}");
        properties.setProperty("buildTime", "");

        assertThat(BuildInfo.fromProperties(properties))
                .isEqualTo(new BuildInfo("1.2.3", BuildInfo.UNKNOWN, BuildInfo.UNKNOWN));
    }

    @Test
    void theBuiltResourceIsOnTheClasspath() {
        assertThat(BuildInfo.fromClasspath().version()).isNotEqualTo(BuildInfo.UNKNOWN);
    }
}
