package dev.capstan.rollout.workflow;

import java.util.HashMap;
import java.util.Map;

/** The github.* and inputs.* values that the workflow's conditions read, for each way a run starts. */
final class Events {
    private Events() {
    }

    static Map<String, Object> push(String ref) {
        return event("push", ref, null);
    }

    static Map<String, Object> pullRequest() {
        return event("pull_request", "refs/pull/42/merge", null);
    }

    static Map<String, Object> runByHand(String ref, String imageTag) {
        return event("workflow_dispatch", ref, imageTag);
    }

    /** Run workflow on a workflow without inputs (infrastructure.yml). */
    static Map<String, Object> runByHand(String ref) {
        return event("workflow_dispatch", ref, null);
    }

    private static Map<String, Object> event(String name, String ref, String imageTag) {
        Map<String, Object> values = new HashMap<>();
        values.put("github.event_name", name);
        values.put("github.ref", ref);
        values.put("github.workflow", "main");
        values.put("github.run_id", "1234567890");
        values.put("github.sha", "0123456789abcdef0123456789abcdef01234567");
        values.put("inputs.image-tag", imageTag); // null outside workflow_dispatch, as on GitHub
        return values;
    }
}
