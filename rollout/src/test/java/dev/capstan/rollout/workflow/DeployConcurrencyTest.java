package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deploys never overlap, and a deploy that has started is never cancelled by a newer run. The infrastructure
 * workflow's stack deploy waits in the same group: concurrency groups are repository-wide, across workflows.
 */
class DeployConcurrencyTest {
    static final Workflow WORKFLOW = Workflow.main();
    static final String MAIN = "refs/heads/main";

    @Test
    void everyDeployJoinsOneFixedGroupThatNeverCancelsTheRunningDeploy() {
        JsonNode concurrency = WORKFLOW.job("deploy").path("concurrency");
        String group = concurrency.path("group").asText();

        assertThat(group).as("a fixed name: one group for every run").isNotBlank();
        assertThat(Expression.containsExpression(group)).as("group " + group).isFalse();
        assertThat(concurrency.path("cancel-in-progress").isBoolean()).as("cancel-in-progress is a literal").isTrue();
        assertThat(concurrency.path("cancel-in-progress").booleanValue()).isFalse();
    }

    @Test
    void theStackDeployWaitsInTheDeployJobsGroupAndNeitherCancelsTheOther() {
        JsonNode deploy = WORKFLOW.job("deploy").path("concurrency");
        Workflow infrastructure = Workflow.infrastructure();
        JsonNode stack = infrastructure.job("service-stack").path("concurrency");

        assertThat(stack.path("group").asText()).as("infrastructure.yml's group is main.yml's deploy group")
                .isEqualTo(deploy.path("group").asText());
        assertThat(stack.path("cancel-in-progress").isBoolean()).as("cancel-in-progress is a literal").isTrue();
        assertThat(stack.path("cancel-in-progress").booleanValue()).isFalse();
        assertThat(infrastructure.root().has("concurrency")).as("no workflow-level group around it").isFalse();
    }

    @Test
    void everyJobThatChangesTheEnvironmentRunsInTheOneGroup() {
        String group = WORKFLOW.job("deploy").path("concurrency").path("group").asText();
        List<String> environmentJobs = new ArrayList<>();
        for (Workflow workflow : Workflow.all()) {
            workflow.jobs().forEach((id, job) -> {
                if (job.has("environment")) {
                    environmentJobs.add(workflow + " " + id);
                    assertThat(job.path("concurrency").path("group").asText()).as(workflow + " job " + id).isEqualTo(group);
                }
            });
        }
        assertThat(environmentJobs).containsExactlyInAnyOrder("main.yml deploy", "infrastructure.yml service-stack");
    }

    @Test
    void theDeployRunsInTheProductionEnvironment() {
        assertThat(WORKFLOW.job("deploy").path("environment").asText()).isEqualTo("production");
    }

    @Test
    void runsOnMainAreNeverCancelledAsAWholeOnlySupersededPullRequestRuns() {
        assertThat(cancelsInProgress(Events.push(MAIN))).isFalse();
        assertThat(cancelsInProgress(Events.runByHand(MAIN, "fe11ed0"))).isFalse();
        assertThat(cancelsInProgress(Events.pullRequest())).isTrue();
    }

    @Test
    void runsOnMainDoNotQueueBehindEachOtherAtTheWorkflowLevel() {
        Map<String, Object> push = Events.push(MAIN);
        Map<String, Object> nextPush = Events.push(MAIN);
        nextPush.put("github.run_id", "1234567891");

        assertThat(workflowGroup(push)).isNotEqualTo(workflowGroup(nextPush))
                .isNotEqualTo(WORKFLOW.job("deploy").path("concurrency").path("group").asText());
    }

    private static boolean cancelsInProgress(Map<String, Object> event) {
        JsonNode cancel = WORKFLOW.root().path("concurrency").path("cancel-in-progress");
        return cancel.isBoolean() ? cancel.booleanValue()
                : Expression.truthy(Expression.evaluate(cancel.asText(), new ContextMap().putAll(event)));
    }

    private static String workflowGroup(Map<String, Object> event) {
        return Expression.interpolate(WORKFLOW.root().path("concurrency").path("group").asText(),
                new ContextMap().putAll(event));
    }
}
