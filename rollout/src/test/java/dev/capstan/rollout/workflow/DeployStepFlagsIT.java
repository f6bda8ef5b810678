package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.rollout.cli.DurationConverter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deploy step speaks the CLI that verify built: every flag it passes is one that `rollout deploy --help` lists. */
class DeployStepFlagsIT {
    static final Workflow WORKFLOW = Workflow.main();
    static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");

    static String help;

    @BeforeAll
    static void askThePackagedCli() throws Exception {
        Path jar = Path.of("target", "rollout.jar");
        assertThat(jar).as("the packaged CLI; run through mvn verify").exists();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "deploy", "--help").redirectErrorStream(true).start();
        help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(help).isZero();
    }

    @Test
    void everyFlagTheDeployStepPassesIsAnOptionOfDeploy() {
        Set<String> passed = flags(script());
        // picocli prints negatable options as --[no-]name: both spellings are offered.
        Set<String> offered = flags(help.replace("--[no-]", "--"));
        offered.addAll(flags(help.replace("--[no-]", "--no-")));

        assertThat(passed).contains("--asg", "--repository", "--tag", "--timeout", "--verify-url", "--alarms");
        assertThat(offered).as(help).containsAll(passed);
    }

    @Test
    void theJobOutlastsTheCliSoTheCliDecidesAndReportsATimeout() {
        Duration cliTimeout = durationAfter("--timeout", script());
        Duration verifyTimeout = durationAfter("--verify-timeout", script(), helpDefault("--verify-timeout"));
        Duration jobTimeout = Duration.ofMinutes(WORKFLOW.job("deploy").path("timeout-minutes").asLong());

        assertThat(jobTimeout).isGreaterThan(cliTimeout.plus(verifyTimeout));
    }

    @Test
    void theDeployCredentialsOutlastTheJob() {
        long credentialSeconds = Long.parseLong(WORKFLOW.stepUsing("deploy", "aws-actions/configure-aws-credentials")
                .with().get("role-duration-seconds"));

        assertThat(Duration.ofSeconds(credentialSeconds))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(WORKFLOW.job("deploy").path("timeout-minutes").asLong()));
    }

    private static String script() {
        return WORKFLOW.step("deploy", "rollout").run().orElseThrow();
    }

    private static Set<String> flags(String text) {
        Set<String> flags = new TreeSet<>();
        Matcher m = FLAG.matcher(text);
        while (m.find()) {
            flags.add(m.group());
        }
        return flags;
    }

    private static Duration durationAfter(String flag, String text) {
        Matcher m = Pattern.compile("(?<![\\w-])" + Pattern.quote(flag) + "[ =]([0-9hms]+)").matcher(text);
        assertThat(m.find()).as(flag + " in " + text).isTrue();
        return new DurationConverter().convert(m.group(1));
    }

    private static Duration durationAfter(String flag, String text, Duration otherwise) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(flag) + "[ =]").matcher(text).find() ? durationAfter(flag, text) : otherwise;
    }

    /** The "Default: X." in an option's description: its line in the option list and the lines indented under it. */
    private static Duration helpDefault(String flag) {
        Matcher option = Pattern.compile("(?m)^ {2,}" + Pattern.quote(flag) + "=\\S+(.*(?:\\n {20,}.*)*)").matcher(help);
        assertThat(option.find()).as(flag + " in\n" + help).isTrue();
        Matcher m = Pattern.compile("Default:\\s+(\\w+)").matcher(option.group(1));
        assertThat(m.find()).as("the default of " + flag + " in\n" + option.group()).isTrue();
        return new DurationConverter().convert(m.group(1));
    }
}
