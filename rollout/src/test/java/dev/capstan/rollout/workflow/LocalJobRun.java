package dev.capstan.rollout.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one job of the workflow on this machine the way a GitHub runner does, as far as its run: steps go: each script
 * exactly as written, in bash --noprofile --norc -eo pipefail, in the workspace, with the workflow's env: blocks
 * evaluated, a fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY file per step, and the step's outputs available to later
 * expressions. A step's if: is evaluated; a uses: step runs the stand-in the test registered for that action (an action
 * without one fails the run). The first failing step ends the job: this workflow has no step that runs after a failure.
 */
final class LocalJobRun {
    /** What an action does to the job, here: it may write into the workspace, export variables, set outputs. */
    interface ActionStandIn {
        ActionResult run(Map<String, String> with, Path workspace) throws IOException;
    }

    record ActionResult(Map<String, String> exported, Map<String, String> outputs) {
        static ActionResult exports(Map<String, String> variables) {
            return new ActionResult(variables, Map.of());
        }

        static ActionResult outputs(Map<String, String> outputs) {
            return new ActionResult(Map.of(), outputs);
        }

        static ActionResult nothing() {
            return new ActionResult(Map.of(), Map.of());
        }
    }

    record StepResult(String id, String label, boolean skipped, int exitCode, String log, Map<String, String> outputs) {
    }

    record Result(List<StepResult> steps, Map<String, String> outputs, String summary) {
        boolean succeeded() {
            return steps.stream().allMatch(s -> s.exitCode() == 0);
        }

        StepResult step(String id) {
            return steps.stream().filter(s -> id.equals(s.id())).findFirst()
                    .orElseThrow(() -> new AssertionError("Step " + id + " did not run; ran: " + steps));
        }

        String log() {
            StringBuilder all = new StringBuilder();
            steps.forEach(s -> all.append("--- ").append(s.label()).append(" (exit ").append(s.exitCode()).append(")\n")
                    .append(s.log()));
            return all.toString();
        }
    }

    private final Workflow workflow;
    private final String jobId;
    private final ContextMap context;
    private final Map<String, ActionStandIn> actions;
    private final Map<String, String> runnerEnv;
    private final Path workspace;
    private final Path temp;

    /**
     * @param context   every value the job's expressions read (vars.*, needs.*, inputs.*, github.*)
     * @param actions   a stand-in per action (owner/name) the job uses
     * @param runnerEnv the environment the runner gives every step (PATH, HOME, GITHUB_*, ...)
     */
    LocalJobRun(Workflow workflow, String jobId, ContextMap context, Map<String, ActionStandIn> actions,
                Map<String, String> runnerEnv, Path workspace, Path temp) {
        this.workflow = workflow;
        this.jobId = jobId;
        this.context = context;
        this.actions = actions;
        this.runnerEnv = runnerEnv;
        this.workspace = workspace;
        this.temp = temp;
    }

    Result run() throws IOException, InterruptedException {
        JsonNode job = workflow.job(jobId);
        Map<String, String> jobEnv = evaluate(job.path("env"), new StepContext(Map.of(), Map.of()));
        Map<String, String> exported = new LinkedHashMap<>();
        Map<String, Map<String, String>> stepOutputs = new HashMap<>();
        List<StepResult> results = new ArrayList<>();
        StringBuilder summary = new StringBuilder();

        for (Workflow.Step step : workflow.steps(jobId)) {
            if (step.condition().filter(c -> c.matches("(?s).*\\b(always|failure|cancelled)\\s*\\(.*")).isPresent()) {
                throw new IllegalStateException(step.label() + " may run after a failure, which this runner does not do");
            }
            StepContext expressions = new StepContext(jobEnv, stepOutputs);
            // Every earlier step succeeded (the job stops at the first failure), so success() holds here.
            if (step.condition().isPresent() && !Expression.truthy(Expression.evaluate(step.condition().get(), expressions))) {
                results.add(new StepResult(step.id(), step.label(), true, 0, "", Map.of()));
                continue;
            }
            Map<String, String> stepEnv = new LinkedHashMap<>(jobEnv);
            stepEnv.putAll(evaluate(step.node().path("env"), expressions));
            StepResult result;
            if (step.uses().isPresent()) {
                result = runAction(step, expressions.withEnv(stepEnv), exported);
            } else {
                result = runScript(step, stepEnv, exported, summary);
            }
            results.add(result);
            if (step.id() != null) {
                stepOutputs.put(step.id(), result.outputs());
            }
            if (result.exitCode() != 0) {
                break;
            }
        }
        Map<String, String> outputs = evaluate(job.path("outputs"), new StepContext(jobEnv, stepOutputs));
        return new Result(results, outputs, summary.toString());
    }

    private StepResult runAction(Workflow.Step step, StepContext expressions, Map<String, String> exported)
            throws IOException {
        ActionStandIn standIn = actions.get(step.action());
        if (standIn == null) {
            throw new IllegalStateException(step.label() + " uses " + step.action() + ", which has no stand-in here");
        }
        Map<String, String> with = evaluate(step.node().path("with"), expressions);
        ActionResult result = standIn.run(with, workspace);
        exported.putAll(result.exported());
        return new StepResult(step.id(), step.label(), false, 0, "", result.outputs());
    }

    private StepResult runScript(Workflow.Step step, Map<String, String> stepEnv, Map<String, String> exported,
                                 StringBuilder summary) throws IOException, InterruptedException {
        Path script = Files.createTempFile(temp, "step", ".sh");
        Path output = Files.createTempFile(temp, "github-output", "");
        Path stepSummary = Files.createTempFile(temp, "step-summary", ".md");
        Files.writeString(script, step.run().orElseThrow(), StandardCharsets.UTF_8);

        ProcessBuilder bash = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
                .directory(workspace.toFile()).redirectErrorStream(true);
        Map<String, String> env = bash.environment();
        env.clear();
        env.putAll(runnerEnv);
        env.putAll(exported);
        env.putAll(stepEnv);
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GITHUB_STEP_SUMMARY", stepSummary.toString());
        Path log = Files.createTempFile(temp, "step", ".log");
        Process process = bash.redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(step.label() + " did not finish within 5 minutes");
        }
        summary.append(Files.readString(stepSummary));
        return new StepResult(step.id(), step.label(), false, process.exitValue(), Files.readString(log),
                outputs(Files.readString(output)));
    }

    /** GITHUB_OUTPUT's two forms: name=value, and name<<DELIMITER ... DELIMITER for several lines. */
    static Map<String, String> outputs(String file) {
        Map<String, String> outputs = new LinkedHashMap<>();
        List<String> lines = file.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int equals = line.indexOf('=');
            if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
                String delimiter = line.substring(heredoc + 2);
                List<String> value = new ArrayList<>();
                while (!lines.get(++i).equals(delimiter)) {
                    value.add(lines.get(i));
                }
                outputs.put(line.substring(0, heredoc), String.join("\n", value));
            } else if (equals > 0) {
                outputs.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return outputs;
    }

    private static Map<String, String> evaluate(JsonNode block, Expression.Context expressions) {
        Map<String, String> values = new LinkedHashMap<>();
        Workflow.stringMap(block).forEach((k, v) -> values.put(k, Expression.interpolate(v, expressions)));
        return values;
    }

    /** The caller's context plus env.* of the job and step, and steps.<id>.outputs.* of the steps that ran. */
    private final class StepContext implements Expression.Context {
        private final Map<String, String> env;
        private final Map<String, Map<String, String>> stepOutputs;

        StepContext(Map<String, String> env, Map<String, Map<String, String>> stepOutputs) {
            this.env = env;
            this.stepOutputs = stepOutputs;
        }

        StepContext withEnv(Map<String, String> more) {
            return new StepContext(more, stepOutputs);
        }

        @Override
        public Object value(String path) {
            if (path.startsWith("env.")) {
                String name = path.substring(4);
                if (!env.containsKey(name)) {
                    throw new IllegalArgumentException("The workflow reads " + path + ", which no env: block sets");
                }
                return env.get(name);
            }
            if (path.startsWith("steps.")) {
                String[] parts = path.split("\\.", 4);
                boolean known = workflow.steps(jobId).stream().anyMatch(s -> parts[1].equals(s.id()));
                if (!known || parts.length != 4 || !parts[2].equals("outputs")) {
                    throw new IllegalArgumentException("The workflow reads " + path + ", which names no step output");
                }
                // As on GitHub, an output the step did not set (or a step that did not run) reads as empty.
                return stepOutputs.getOrDefault(parts[1], Map.of()).getOrDefault(parts[3], "");
            }
            return context.value(path);
        }

        @Override
        public boolean status(String function) {
            return switch (function) {
                case "success", "always" -> true;
                case "failure", "cancelled" -> false;
                default -> throw new IllegalArgumentException("No status function " + function + "()");
            };
        }
    }
}
