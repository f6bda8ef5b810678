package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the deploy checks about the image in ECR before it changes anything. */
class ImageRulesTest extends Scenario {
    private static final String INDEX_TAG = "multi01";
    private static final String INDEX_DIGEST = "sha256:" + "c3".repeat(32);

    @Test
    void theRegistryHostComesFromTheRepositoryUri() {
        // China regions have their own domain: the host cannot be built from the account and region.
        STAND_IN.ecr().setRegistryHost("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn");

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(userDataText(2)).contains("IMAGE_REF='123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/capstan@"
                + NEW_DIGEST + "'");
    }

    @Test
    void anArchivedImageIsRefusedBecauseNoInstanceCouldPullIt() {
        STAND_IN.ecr().setImageStatus(REPOSITORY, NEW_DIGEST, "ARCHIVED");

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("capstan:def5678").contains("ARCHIVED").contains("cannot pull it");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void aMultiArchitectureIndexWithoutTheAmisArchitectureIsRefused() {
        STAND_IN.ecr().putImageIndex(REPOSITORY, INDEX_TAG, INDEX_DIGEST, List.of("linux/arm64"));

        Result result = rollout("deploy", "--asg", GROUP, "--repository", REPOSITORY, "--tag", INDEX_TAG);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("multi-architecture index for arm64")
                .contains("the launch template's AMI is x86_64 (linux/amd64)");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void aMultiArchitectureIndexWithTheAmisArchitectureDeploys() {
        STAND_IN.ecr().putImageIndex(REPOSITORY, INDEX_TAG, INDEX_DIGEST, List.of("linux/arm64", "linux/amd64"));

        Result result = rollout("deploy", "--asg", GROUP, "--repository", REPOSITORY, "--tag", INDEX_TAG);

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(userDataText(2)).contains("@" + INDEX_DIGEST + "'");
    }

    @Test
    void aDescriptionOverAwssLimitIsRefusedBeforeTheVersionExists() {
        String longRepository = "team/" + "a".repeat(200);
        STAND_IN.ecr().putImage(longRepository, NEW_TAG, NEW_DIGEST);

        Result result = rollout("deploy", "--asg", GROUP, "--repository", longRepository, "--tag", NEW_TAG);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("over AWS's limit of 255");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void aScriptOverTwelveKilobytesStillFitsBecauseAwsCountsItDecoded(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("boot.sh");
        Files.writeString(script, "#!/bin/bash\nIMAGE_REF='{{IMAGE_REF}}'\n# " + "x".repeat(14_000) + "\n");

        Result result = deploy("--template", script.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(userDataText(2)).hasSizeGreaterThan(14_000);
    }
}
