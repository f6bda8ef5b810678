package dev.capstan.service.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentInfoTest {
    @Test
    void takesTheFactsTheBootScriptPassesIn() {
        final DeploymentInfo info = DeploymentInfo.fromEnvironment(Map.of(
                "IMAGE_TAG", "3f2a1b0", "IMAGE_DIGEST", "sha256:abc", "INSTANCE_ID", "i-0123",
                "AVAILABILITY_ZONE", "eu-west-1a"));

        assertThat(info).isEqualTo(new DeploymentInfo("3f2a1b0", "sha256:abc", "i-0123", "eu-west-1a"));
    }

    @Test
    void saysLocalForEachFactThatIsUnsetOrBlank() {
        final DeploymentInfo info = DeploymentInfo.fromEnvironment(Map.of("IMAGE_TAG", " ", "INSTANCE_ID", "i-1"));

        assertThat(info).isEqualTo(new DeploymentInfo("local", "local", "i-1", "local"));
    }
}
