package dev.capstan.rollout.scenario;

import dev.capstan.rollout.RolloutContext;
import dev.capstan.rollout.aws.AwsClientFactory;
import dev.capstan.rollout.cli.RolloutCli;
import dev.capstan.rollout.refresh.PollSchedule;
import dev.capstan.rollout.time.Interruption;
import dev.capstan.rollout.time.Sleeper;
import dev.capstan.standin.AwsStandIn;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.RecordedCall;
import dev.capstan.standin.TemplateSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * A small world in the shared AWS stand-in (one group of three instances on launch template version 1, which carries
 * the old image; the new image pushed to ECR) and a way to run the CLI in-process against it on simulated time.
 */
abstract class Scenario {
    static final AwsStandIn STAND_IN = AwsStandIn.shared();
    static final String GROUP = "capstan-web";
    static final String TEMPLATE = "capstan-web";
    static final String REPOSITORY = "capstan";
    static final String OLD_TAG = "abc1234";
    static final String NEW_TAG = "def5678";
    static final String OLD_DIGEST = "sha256:" + "a1".repeat(32);
    static final String NEW_DIGEST = "sha256:" + "b2".repeat(32);
    static final String REGISTRY = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    static final String PARAMETER = "/capstan/test/last-good-image";

    Map<String, String> env;
    Interruption interruption;
    /** Called with the number of the sleep about to happen (1, 2, ...); lets a test act "while the CLI waits". */
    IntConsumer duringSleep;
    List<ExecutionInterceptor> interceptors;
    private int sleeps;

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void pointTheSdkAtTheStandIn() {
        // The SDK's own endpoint setting (what AWS_ENDPOINT_URL sets for a process); the CLI code never names a host.
        System.setProperty("aws.endpointUrl", STAND_IN.endpoint().toString());
    }

    @BeforeEach
    void freshWorld() {
        STAND_IN.reset();
        env = new HashMap<>();
        interruption = new Interruption();
        duringSleep = n -> { };
        interceptors = new ArrayList<>();
        sleeps = 0;
        STAND_IN.ecr().putImage(REPOSITORY, OLD_TAG, OLD_DIGEST);
        STAND_IN.ecr().putImage(REPOSITORY, NEW_TAG, NEW_DIGEST);
        STAND_IN.ec2().createLaunchTemplate(TemplateSpec.named(TEMPLATE)
                .userData("#!/bin/bash\necho 'boot " + OLD_TAG + "'\n")
                .versionDescription("image " + REPOSITORY + ":" + OLD_TAG + " " + OLD_DIGEST)
                .instanceTag("Name", "capstan-web")
                .instanceTag("capstan:image-tag", OLD_TAG));
        STAND_IN.autoScaling().createGroup(tagged(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1").capacity(3)));
        recordLastGood(OLD_TAG, OLD_DIGEST);
    }

    /**
     * Instead of the standard world: the new image in ECR, version 1 of this template carrying the old image, this
     * group, and no last-good parameter yet.
     */
    static void replaceTheWorldWithoutLastGood(TemplateSpec template, GroupSpec group) {
        STAND_IN.reset();
        STAND_IN.ecr().putImage(REPOSITORY, NEW_TAG, NEW_DIGEST);
        STAND_IN.ec2().createLaunchTemplate(template.userData("#!/bin/bash\n")
                .versionDescription("image " + REPOSITORY + ":" + OLD_TAG + " " + OLD_DIGEST));
        STAND_IN.autoScaling().createGroup(group);
    }

    /** As {@link #replaceTheWorldWithoutLastGood}, with the parameter recording the old image the group runs. */
    static void replaceTheWorld(TemplateSpec template, GroupSpec group) {
        replaceTheWorldWithoutLastGood(template, group);
        recordLastGood(OLD_TAG, OLD_DIGEST);
    }

    /** A group as the Service stack makes it: tagged with the name of its last-good image parameter. */
    static GroupSpec tagged(GroupSpec group) {
        return group.tag("capstan:last-good-parameter", PARAMETER);
    }

    static void recordLastGood(String tag, String digest) {
        STAND_IN.ssm().putParameter(PARAMETER, REPOSITORY + ":" + tag + "@" + digest);
    }

    static String lastGood() {
        return STAND_IN.ssm().parameter(PARAMETER).map(p -> p.value()).orElse(null);
    }

    Result rollout(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RolloutCli.run(context(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    Result deploy(String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--asg", GROUP, "--repository", REPOSITORY, "--tag", NEW_TAG));
        args.addAll(List.of(extra));
        return rollout(args.toArray(String[]::new));
    }

    private RolloutContext context() {
        Sleeper simulated = d -> {
            duringSleep.accept(++sleeps);
            STAND_IN.clock().advance(d);
        };
        // The SDK's standard strategy, minus the real-time backoff, so retries happen at once in tests.
        var retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(8)
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                .build();
        return new RolloutContext(STAND_IN.clock(), simulated, interruption, env,
                new AwsClientFactory(retries, interceptors), PollSchedule.standard());
    }

    static List<String> mutatingActions() {
        return STAND_IN.mutatingCalls().stream().map(RecordedCall::action).toList();
    }

    static long calls(String action) {
        return STAND_IN.calls(action).size();
    }

    static String userDataText(long version) {
        return STAND_IN.ec2().launchTemplate(TEMPLATE).version(version).orElseThrow().userDataText();
    }

    static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }
}
