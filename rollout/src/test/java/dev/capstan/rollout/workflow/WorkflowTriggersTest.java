package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which events start the workflow, and which jobs each of them runs, by evaluating the jobs' own conditions. */
class WorkflowTriggersTest {
    static final String MAIN = "refs/heads/main";
    static final Workflow WORKFLOW = Workflow.main();
    static final JobGraph GRAPH = new JobGraph(WORKFLOW);

    @Test
    void startsOnPullRequestsPushesToMainAndByHand() {
        JsonNode on = WORKFLOW.root().get("on");

        assertThat(on).as("the 'on' key (YAML 1.1 would read a bare on as true)").isNotNull();
        assertThat(on.fieldNames()).toIterable().containsExactlyInAnyOrder("push", "pull_request", "workflow_dispatch");
        assertThat(Workflow.strings(on.path("push").path("branches"))).containsExactly("main");
        assertThat(on.path("push").has("tags")).isFalse();
    }

    @Test
    void aRunByHandTakesARequiredImageTag() {
        JsonNode inputs = WORKFLOW.root().path("on").path("workflow_dispatch").path("inputs");

        assertThat(inputs.fieldNames()).toIterable().containsExactly("image-tag");
        assertThat(inputs.path("image-tag").path("required").asBoolean()).isTrue();
        assertThat(inputs.path("image-tag").path("type").asText()).isEqualTo("string");
    }

    @Test
    void aPullRequestRunsTheTestsOnly() {
        assertThat(GRAPH.results(Events.pullRequest(), Map.of(), null))
                .containsExactly(Map.entry("verify", "success"), Map.entry("image", "skipped"), Map.entry("deploy", "skipped"));
        assertThat(uploadsTheJars(Events.pullRequest())).isFalse();
    }

    @Test
    void aPushToMainTestsBuildsAndDeploys() {
        assertThat(GRAPH.results(Events.push(MAIN), Map.of(), null))
                .containsExactly(Map.entry("verify", "success"), Map.entry("image", "success"), Map.entry("deploy", "success"));
        assertThat(uploadsTheJars(Events.push(MAIN))).isTrue();
    }

    @Test
    void aRunByHandOnMainDeploysTheGivenTagWithoutBuildingAnImage() {
        Map<String, Object> event = Events.runByHand(MAIN, "fe11ed0");

        assertThat(GRAPH.results(event, Map.of(), null))
                .containsExactly(Map.entry("verify", "success"), Map.entry("image", "skipped"), Map.entry("deploy", "success"));
        assertThat(deployedTag(event, "")).isEqualTo("fe11ed0");
        assertThat(uploadsTheJars(event)).as("the deploy needs the tested rollout.jar").isTrue();
    }

    @Test
    void aPushDeploysTheImageItsImageJobRecorded() {
        assertThat(deployedTag(Events.push(MAIN), "0123456789abcdef0123456789abcdef01234567"))
                .isEqualTo("0123456789abcdef0123456789abcdef01234567");
    }

    @Test
    void aRunByHandFromAnotherBranchDeploysNothing() {
        assertThat(GRAPH.results(Events.runByHand("refs/heads/feature", "fe11ed0"), Map.of(), null))
                .containsEntry("image", "skipped").containsEntry("deploy", "skipped");
    }

    @Test
    void aPushElsewhereThanMainDeploysNothing() {
        assertThat(GRAPH.results(Events.push("refs/heads/release"), Map.of(), null))
                .containsEntry("image", "skipped").containsEntry("deploy", "skipped");
    }

    @Test
    void nothingIsDeployedAfterFailedTestsOrAFailedImage() {
        assertThat(GRAPH.results(Events.push(MAIN), Map.of("verify", "failure"), null))
                .containsEntry("image", "skipped").containsEntry("deploy", "skipped");
        assertThat(GRAPH.results(Events.push(MAIN), Map.of("image", "failure"), null))
                .containsEntry("deploy", "skipped");
        assertThat(GRAPH.results(Events.runByHand(MAIN, "fe11ed0"), Map.of("verify", "failure"), null))
                .containsEntry("deploy", "skipped");
    }

    @Test
    void aRunCancelledBeforeItsDeployStartsNoDeploy() {
        assertThat(GRAPH.results(Events.push(MAIN), Map.of(), "image")).containsEntry("deploy", "skipped");
        assertThat(GRAPH.results(Events.runByHand(MAIN, "fe11ed0"), Map.of(), "verify")).containsEntry("deploy", "skipped");
    }

    private static boolean uploadsTheJars(Map<String, Object> event) {
        Workflow.Step upload = WORKFLOW.stepUsing("verify", "actions/upload-artifact");
        String condition = upload.condition().orElse("true");
        return Expression.truthy(Expression.evaluate(condition, new ContextMap().putAll(event)));
    }

    private static String deployedTag(Map<String, Object> event, String imageJobTag) {
        String expression = WORKFLOW.job("deploy").path("env").path("IMAGE_TAG").asText();
        ContextMap context = new ContextMap().putAll(event).put("needs.image.outputs.tag", imageJobTag);
        return Expression.interpolate(expression, context);
    }
}
