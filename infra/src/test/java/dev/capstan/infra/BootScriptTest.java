package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.infra.service.BootScript;
import dev.capstan.infra.service.LastGoodImage;
import dev.capstan.userdata.RenderedUserData;
import dev.capstan.userdata.UserDataRenderer;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

class BootScriptTest {
    @Test
    void theLongestImageTheParameterCanNameStillFitsAwsUserDataLimit() {
        Synthesized.example(); // jsii's temporary directory exists
        Stack stack = new Stack(new App(), "Probe", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("ap-southeast-4").build()).build());
        LastGoodImage image = new LastGoodImage(stack, "Image", "/capstan/production/last-good-image");

        RenderedUserData rendered = BootScript.render(image, "capstan-production", "/capstan/production/service");

        // The registry of the longest region and partition suffix, a 256-byte repository, a 300-byte tag.
        assertThat(image.maxImageRefBytes()).isEqualTo("123456789012.dkr.ecr.ap-southeast-4.amazonaws.com.cn".length()
                + 1 + 256 + 1 + "sha256:".length() + 64);
        assertThat(rendered.longestRawBytes()).isGreaterThan(rendered.rawBytes())
                .isLessThanOrEqualTo(UserDataRenderer.MAX_DECODED_BYTES);
    }
}
