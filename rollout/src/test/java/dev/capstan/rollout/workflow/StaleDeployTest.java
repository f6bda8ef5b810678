package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A push's deploy waits its turn in the deploy group, and runs finish out of order: when its turn comes, a newer
 * commit may be on main. The deploy job then skips, having asked GitHub for the head of main before anything touches
 * AWS. A run by hand deploys the tag it is given, whatever the head is: that is how a rollback is done.
 * (DeployJobIT runs the check's script.)
 */
class StaleDeployTest {
    static final Workflow WORKFLOW = Workflow.main();
    static final String MAIN = "refs/heads/main";
    static final String HEAD_CHECK = "head";

    @Test
    void onlyAPushChecksTheHeadOfMain() {
        assertThat(runs(WORKFLOW.step("deploy", HEAD_CHECK), Events.push(MAIN), "")).isTrue();
        assertThat(runs(WORKFLOW.step("deploy", HEAD_CHECK), Events.runByHand(MAIN, "fe11ed0"), "")).isFalse();
    }

    @Test
    void theHeadIsCheckedBeforeAnyStepThatReachesAwsOrTheArtifact() {
        List<Workflow.Step> steps = WORKFLOW.steps("deploy");
        int check = steps.indexOf(WORKFLOW.step("deploy", HEAD_CHECK));

        assertThat(steps.subList(0, check)).as("only scripts before it, which read the job's env")
                .allSatisfy(step -> assertThat(step.uses()).as(step.label()).isEmpty())
                .allSatisfy(step -> assertThat(step.run().orElseThrow()).as(step.label()).doesNotContainPattern("\\b(aws|java)\\b"));
        assertThat(check).isLessThan(steps.indexOf(WORKFLOW.stepUsing("deploy", "aws-actions/configure-aws-credentials")))
                .isLessThan(steps.indexOf(WORKFLOW.stepUsing("deploy", "actions/download-artifact")))
                .isLessThan(steps.indexOf(WORKFLOW.step("deploy", "rollout")));
    }

    @Test
    void everyStepAfterTheCheckSkipsWhenTheCommitIsStaleAndRunsOtherwise() {
        List<Workflow.Step> steps = WORKFLOW.steps("deploy");
        List<Workflow.Step> after = steps.subList(steps.indexOf(WORKFLOW.step("deploy", HEAD_CHECK)) + 1, steps.size());

        assertThat(after).isNotEmpty().allSatisfy(step -> {
            assertThat(runs(step, Events.push(MAIN), "true")).as(step.label() + " on a stale push").isFalse();
            assertThat(runs(step, Events.push(MAIN), "false")).as(step.label() + " on the head of main").isTrue();
            assertThat(runs(step, Events.runByHand(MAIN, "fe11ed0"), "")).as(step.label() + " by hand (check skipped)")
                    .isTrue();
        });
    }

    @Test
    void aFailedCheckFailsTheJobInsteadOfDeploying() {
        Workflow.Step check = WORKFLOW.step("deploy", HEAD_CHECK);

        assertThat(check.node().has("continue-on-error")).isFalse();
        assertThat(WORKFLOW.steps("deploy")).allSatisfy(step -> assertThat(step.condition().orElse(""))
                .as(step.label()).doesNotContainPattern("\\b(always|failure)\\s*\\("));
    }

    @Test
    void theCheckIsTheOnlyStepGivenTheToken() {
        List<String> given = Workflow.all().stream().flatMap(w -> w.allSteps().stream())
                .filter(step -> step.env().values().stream().anyMatch(v -> v.contains("github.token")))
                .map(Workflow.Step::label).toList();

        assertThat(given).containsExactly("deploy / Check that this commit is still the head of main");
        for (Workflow workflow : Workflow.all()) {
            assertThat(Workflow.stringMap(workflow.root().path("env")).values()).noneMatch(v -> v.contains("github.token"));
            workflow.jobs().values().forEach(job ->
                    assertThat(Workflow.stringMap(job.path("env")).values()).noneMatch(v -> v.contains("github.token")));
        }
    }

    /** A step's if: for this event and the check's stale output ('' when the check was skipped). */
    private static boolean runs(Workflow.Step step, Map<String, Object> event, String stale) {
        ContextMap context = new ContextMap().putAll(event).put("steps." + HEAD_CHECK + ".outputs.stale", stale);
        return step.condition().map(c -> Expression.truthy(Expression.evaluate(c, context))).orElse(true);
    }
}
