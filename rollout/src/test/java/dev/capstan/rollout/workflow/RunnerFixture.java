package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.AwsStandIn;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.TemplateSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a GitHub runner gives a job here: its environment, stand-ins for the actions the AWS jobs use, and the example
 * environment in the AWS stand-in.
 */
final class RunnerFixture {
    static final Path ROLLOUT_JAR = Path.of("target", "rollout.jar").toAbsolutePath();
    static final String PATH = "/usr/local/bin:/usr/bin:/bin";
    /** The repository the runs belong to, as GITHUB_REPOSITORY names it. */
    static final String GITHUB_REPOSITORY = "example-org/capstan";
    static final String GROUP = "capstan-web";
    static final String REPOSITORY = "capstan";
    static final String LAST_GOOD_PARAMETER = "/capstan/production/last-good-image";
    static final String OLD_TAG = "abc1234";
    static final String OLD_DIGEST = "sha256:" + "a1".repeat(32);

    private final AwsStandIn standIn;
    private final Path dir;

    RunnerFixture(AwsStandIn standIn, Path dir) {
        this.standIn = standIn;
        this.dir = dir;
    }

    /** The variables a runner sets for every step. */
    Map<String, String> environment(Map<String, Object> event, Path workspace, Path temp) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", PATH);
        env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        env.put("LANG", "C.UTF-8");
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("RUNNER_TEMP", temp.toString());
        env.put("GITHUB_EVENT_NAME", event.get("github.event_name").toString());
        env.put("GITHUB_REF", event.get("github.ref").toString());
        env.put("GITHUB_SHA", event.get("github.sha").toString());
        env.put("GITHUB_REPOSITORY", GITHUB_REPOSITORY);
        return env;
    }

    /** download-artifact: the paths verify uploaded, restored relative to the workspace. */
    static LocalJobRun.ActionResult downloadTheTestedJars(Map<String, String> with, Path workspace) throws IOException {
        Workflow.Step upload = Workflow.main().stepUsing("verify", "actions/upload-artifact");
        assertThat(with.get("name")).as("the artifact verify uploaded").isEqualTo(upload.with().get("name"));
        for (String path : upload.with().get("path").strip().split("\\s+")) {
            Path target = workspace.resolve(path);
            Files.createDirectories(target.getParent());
            if (path.equals("rollout/target/rollout.jar")) {
                Files.copy(ROLLOUT_JAR, target);
            } else {
                Files.writeString(target, "the tested " + path);
            }
        }
        return LocalJobRun.ActionResult.nothing();
    }

    /**
     * The group GROUP on launch template version 1, which runs OLD_TAG, and its last-good parameter naming that image;
     * the stand-in reset first.
     */
    static void aGroupOnTheOldImage(AwsStandIn standIn) {
        standIn.reset();
        standIn.ecr().putImage(REPOSITORY, OLD_TAG, OLD_DIGEST);
        standIn.ec2().createLaunchTemplate(TemplateSpec.named(GROUP).userData("#!/bin/bash\necho old\n")
                .versionDescription("image " + REPOSITORY + ":" + OLD_TAG + " " + OLD_DIGEST));
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate(GROUP, "1").capacity(2)
                .tag("capstan:last-good-parameter", LAST_GOOD_PARAMETER));
        standIn.ssm().putParameter(LAST_GOOD_PARAMETER, REPOSITORY + ":" + OLD_TAG + "@" + OLD_DIGEST);
    }

    /** setup-java: this JVM as Java 17, its bin (after {@code toolDirs}) first on the PATH. */
    static LocalJobRun.ActionStandIn setUpJava(Path... toolDirs) {
        return (with, workspace) -> {
            assertThat(with.get("java-version")).isEqualTo("17");
            Path javaHome = Path.of(System.getProperty("java.home"));
            String path = Stream.concat(Stream.of(toolDirs), Stream.of(javaHome.resolve("bin")))
                    .map(Path::toString).collect(Collectors.joining(":")) + ":" + PATH;
            return LocalJobRun.ActionResult.exports(Map.of("JAVA_HOME", javaHome.toString(), "PATH", path));
        };
    }

    /** configure-aws-credentials, for the role the job must ask for; plus the stand-in's endpoint. */
    LocalJobRun.ActionStandIn assumeRole(String expectedRole) {
        return (with, workspace) -> {
            assertThat(with).containsEntry("role-to-assume", expectedRole).containsEntry("aws-region", "eu-west-1");
            Map<String, String> env = new HashMap<>();
            env.put("AWS_ACCESS_KEY_ID", "ASIATESTSTANDIN00000");
            env.put("AWS_SECRET_ACCESS_KEY", "stand-in");
            env.put("AWS_SESSION_TOKEN", "stand-in");
            env.put("AWS_REGION", with.get("aws-region"));
            env.put("AWS_DEFAULT_REGION", with.get("aws-region"));
            // Not the action's doing: this is what points the job at the stand-in instead of AWS.
            env.put("AWS_ENDPOINT_URL", standIn.endpoint().toString());
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            return LocalJobRun.ActionResult.exports(env);
        };
    }

    /** The repository variables of the example account; the optional ones unset. */
    static Map<String, Object> repositoryVariables(Map<String, Object> event) {
        event.put("vars.AWS_REGION", "eu-west-1");
        event.put("vars.IMAGE_PUSH_ROLE_ARN", "arn:aws:iam::123456789012:role/capstan-ci-image-push");
        event.put("vars.DEPLOY_ROLE_ARN", "arn:aws:iam::123456789012:role/capstan-ci-deploy");
        event.put("vars.INFRASTRUCTURE_ROLE_ARN", "arn:aws:iam::123456789012:role/capstan-ci-infrastructure");
        event.put("vars.ASG_NAME", GROUP);
        event.put("vars.ECR_REPOSITORY", REPOSITORY);
        event.put("vars.INFRA_CONTEXT", exampleInfraContext());
        event.put("vars.VERIFY_URL", "");
        event.put("vars.REFRESH_ALARMS", "");
        return event;
    }

    /** The CDK app's example context, as INFRA_CONTEXT would hold it. */
    static String exampleInfraContext() {
        Path file = Workflow.REPOSITORY_ROOT.resolve("infra/example.context.json");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
