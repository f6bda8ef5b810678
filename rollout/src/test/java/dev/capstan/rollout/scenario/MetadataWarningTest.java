package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateHttpTokensState;

/** The template should keep instance metadata away from containers; the deploy says so when it does not. */
class MetadataWarningTest extends Scenario {

    @Test
    void warnsWhenTheDefaultVersionDoesNotRequireImdsV2WithHopLimitOne() {
        try (Ec2Client ec2 = Ec2Client.builder().region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            ec2.createLaunchTemplateVersion(r -> r.launchTemplateName(TEMPLATE).sourceVersion("1")
                    .versionDescription("image capstan:" + OLD_TAG + " " + OLD_DIGEST)
                    .launchTemplateData(d -> d.metadataOptions(m -> m.httpTokens(LaunchTemplateHttpTokensState.OPTIONAL)
                            .httpPutResponseHopLimit(2))));
        }
        STAND_IN.ec2().setDefaultVersion(TEMPLATE, 2);

        Result result = deploy("--dry-run");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Preflight: warning: launch template capstan-web version 2 does not require "
                + "IMDSv2 with hop limit 1");
    }

    @Test
    void saysNothingWhenItDoes() {
        Result result = deploy("--dry-run");

        assertThat(result.out()).doesNotContain("warning");
    }
}
