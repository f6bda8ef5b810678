package dev.capstan.rollout.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which jobs of the workflow run for an event, by evaluating each job's needs and if: the way the Actions runner does.
 * A job whose if: names no status function gets an implicit success(), which is false when any need did not succeed.
 */
final class JobGraph {
    private static final Pattern STATUS_FUNCTION = Pattern.compile("\\b(success|failure|always|cancelled)\\s*\\(");

    private final Workflow workflow;

    JobGraph(Workflow workflow) {
        this.workflow = workflow;
    }

    /**
     * The result of every job: "skipped" when its condition is false, otherwise the outcome given for it in
     * {@code outcomes} ("success" when none is given).
     *
     * @param event     github.* and inputs.* values of the run
     * @param outcomes  how the jobs that run end, e.g. verify → failure
     * @param cancelledAfter the job after which the run is cancelled (the jobs after it see cancelled()), or null
     */
    Map<String, String> results(Map<String, Object> event, Map<String, String> outcomes, String cancelledAfter) {
        Map<String, String> results = new LinkedHashMap<>();
        for (String job : workflow.jobs().keySet()) {
            boolean cancelled = cancelledAfter != null && results.containsKey(cancelledAfter);
            List<String> needs = workflow.needs(job);
            for (String need : needs) {
                if (!results.containsKey(need)) {
                    throw new IllegalStateException(job + " needs " + need + ", which must come first in the file");
                }
            }
            ContextMap context = new ContextMap().putAll(event);
            needs.forEach(n -> context.put("needs." + n + ".result", results.get(n)));
            boolean allSucceeded = needs.stream().allMatch(n -> results.get(n).equals("success"));
            boolean anyFailed = needs.stream().anyMatch(n -> results.get(n).equals("failure"));
            context.status("success", allSucceeded && !cancelled).status("failure", anyFailed)
                    .status("always", true).status("cancelled", cancelled);

            results.put(job, runs(workflow.job(job), context) ? outcomes.getOrDefault(job, "success") : "skipped");
        }
        return results;
    }

    private static boolean runs(JsonNode job, ContextMap context) {
        JsonNode condition = job.get("if");
        String expression = condition == null ? "success()" : condition.asText();
        if (!STATUS_FUNCTION.matcher(expression).find()) {
            expression = "success() && (" + stripTemplate(expression) + ")";
        }
        return Expression.truthy(Expression.evaluate(expression, context));
    }

    private static String stripTemplate(String expression) {
        String s = expression.strip();
        return s.startsWith("${{") && s.endsWith("}}") ? s.substring(3, s.length() - 2) : s;
    }
}
