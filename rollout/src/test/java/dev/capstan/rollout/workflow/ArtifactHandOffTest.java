package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What is deployed is what was tested: verify builds and tests the jars once and hands them on as an artifact; the
 * image wraps that service.jar, the deploy runs that rollout.jar, and nothing after verify builds anything.
 */
class ArtifactHandOffTest {
    static final Workflow WORKFLOW = Workflow.main();
    static final String SERVICE_JAR = "service/target/service.jar";
    static final String ROLLOUT_JAR = "rollout/target/rollout.jar";

    @Test
    void verifyRunsReadmesTestCommandOnce() throws IOException {
        List<String> runs = WORKFLOW.steps("verify").stream().flatMap(s -> s.run().stream()).map(String::strip).toList();

        assertThat(runs).containsExactly("mvn -B verify");
        assertThat(Files.readString(Workflow.REPOSITORY_ROOT.resolve("README.md"))).contains("mvn -B verify");
        assertThat(WORKFLOW.stepUsing("verify", "actions/setup-java").with())
                .containsEntry("java-version", "17").containsEntry("cache", "maven");
    }

    @Test
    void verifyKeepsBothJarsAndFailsIfEitherIsMissing() {
        Workflow.Step upload = WORKFLOW.stepUsing("verify", "actions/upload-artifact");

        assertThat(uploadedPaths()).containsExactlyInAnyOrder(SERVICE_JAR, ROLLOUT_JAR);
        assertThat(upload.with()).containsEntry("if-no-files-found", "error");
    }

    @Test
    void theImageAndTheDeployDownloadThatArtifactIntoTheWorkspaceBeforeUsingIt() {
        String artifact = WORKFLOW.stepUsing("verify", "actions/upload-artifact").with().get("name");

        for (String job : List.of("image", "deploy")) {
            Workflow.Step download = WORKFLOW.stepUsing(job, "actions/download-artifact");
            assertThat(download.with()).as(job).containsEntry("name", artifact).doesNotContainKey("path")
                    .doesNotContainKey("run-id").doesNotContainKey("pattern");
            assertThat(WORKFLOW.needs(job)).as(job + " needs verify").contains("verify");
        }
        assertThat(indexOf("image", "actions/download-artifact")).isLessThan(indexOf("image", "docker/build-push-action"));
        assertThat(indexOf("deploy", "actions/download-artifact"))
                .isLessThan(WORKFLOW.steps("deploy").indexOf(WORKFLOW.step("deploy", "rollout")));
    }

    @Test
    void theImageIsBuiltFromTheWorkspaceAroundTheDownloadedServiceJar() throws IOException {
        Workflow.Step build = WORKFLOW.stepUsing("image", "docker/build-push-action");
        String dockerfile = Files.readString(Workflow.REPOSITORY_ROOT.resolve("Dockerfile"));
        String dockerignore = Files.readString(Workflow.REPOSITORY_ROOT.resolve(".dockerignore"));

        // Without a path context the action builds from the git commit, where no jar exists.
        assertThat(build.with()).containsEntry("context", ".").containsEntry("push", "true").doesNotContainKey("file");
        assertThat(dockerfile).containsPattern("(?m)^COPY " + Pattern.quote(SERVICE_JAR) + " ");
        assertThat(dockerignore).containsPattern("(?m)^!" + Pattern.quote(SERVICE_JAR) + "$");
        assertThat(uploadedPaths()).contains(SERVICE_JAR);
    }

    @Test
    void theDeployRunsTheTestedRolloutJar() {
        String script = WORKFLOW.step("deploy", "rollout").run().orElseThrow();
        Matcher jar = Pattern.compile("java -jar (\\S+)").matcher(script);

        assertThat(jar.find()).as(script).isTrue();
        assertThat(jar.group(1)).isEqualTo(ROLLOUT_JAR);
        assertThat(uploadedPaths()).contains(jar.group(1));
    }

    @Test
    void nothingAfterVerifyBuildsAgain() {
        for (String job : List.of("image", "deploy")) {
            for (Workflow.Step step : WORKFLOW.steps(job)) {
                assertThat(step.run().orElse("")).as(step.label())
                        .doesNotContainPattern("\\b(mvn|mvnw|gradle|javac)\\b");
                assertThat(step.with()).as(step.label()).doesNotContainKey("cache");
            }
        }
    }

    private static List<String> uploadedPaths() {
        String paths = WORKFLOW.stepUsing("verify", "actions/upload-artifact").with().get("path");
        return paths.lines().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static int indexOf(String job, String action) {
        return WORKFLOW.steps(job).indexOf(WORKFLOW.stepUsing(job, action));
    }
}
