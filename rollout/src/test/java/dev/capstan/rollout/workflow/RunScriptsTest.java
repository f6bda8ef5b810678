package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The run: scripts of every workflow: values come in through env: only (an expression inside a script is pasted into
 * the shell source before bash reads it, so a crafted branch name or input could run as code); bash with pipefail;
 * shellcheck-clean.
 */
class RunScriptsTest {
    @TempDir
    Path dir;

    static List<Workflow> workflows() {
        return Workflow.all();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void noScriptContainsAnExpression(Workflow workflow) {
        assertThat(runSteps(workflow)).isNotEmpty().allSatisfy(step ->
                assertThat(Expression.containsExpression(step.run().orElseThrow())).as(step.label()).isFalse());
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void everyScriptRunsInBashWithPipefail(Workflow workflow) {
        // GitHub runs `shell: bash` as bash --noprofile --norc -eo pipefail; without it, plain bash -e.
        assertThat(workflow.root().path("defaults").path("run").path("shell").asText()).isEqualTo("bash");
        workflow.jobs().forEach((id, job) ->
                assertThat(job.path("defaults").path("run").has("shell")).as("job " + id + " keeps the default").isFalse());
        assertThat(runSteps(workflow)).allSatisfy(step -> assertThat(step.node().has("shell")).as(step.label()).isFalse());
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void everyScriptIsShellcheckClean(Workflow workflow) throws Exception {
        assumeTrue(shellcheckAvailable() || "true".equals(System.getenv("CI")),
                "shellcheck is not installed (apt-get install shellcheck); on CI its absence fails this test");
        assertThat(shellcheckAvailable()).as("shellcheck must be installed on CI").isTrue();

        List<Workflow.Step> steps = runSteps(workflow);
        for (Workflow.Step step : steps) {
            Path script = dir.resolve("step-" + steps.indexOf(step) + ".sh");
            Files.writeString(script, step.run().orElseThrow(), StandardCharsets.UTF_8);
            Process shellcheck = new ProcessBuilder("shellcheck", "--shell=bash", "--severity=style", script.toString())
                    .redirectErrorStream(true).start();
            String findings = new String(shellcheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(shellcheck.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(shellcheck.exitValue()).as("shellcheck of " + step.label() + ":\n" + findings).isZero();
        }
    }

    private static List<Workflow.Step> runSteps(Workflow workflow) {
        return workflow.allSteps().stream().filter(s -> s.run().isPresent()).toList();
    }

    private static boolean shellcheckAvailable() {
        try {
            Process p = new ProcessBuilder("shellcheck", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
