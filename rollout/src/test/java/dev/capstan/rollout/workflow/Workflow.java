package dev.capstan.rollout.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.capstan.rollout.JsonStrings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A workflow of .github/workflows/, parsed, with the few views of it that the tests need. */
final class Workflow {
    /** Tests run in the module directory (rollout/); the repository root is one up. */
    static final Path REPOSITORY_ROOT = Path.of("..");
    static final Path DIRECTORY = REPOSITORY_ROOT.resolve(".github/workflows");

    private final Path file;
    private final JsonNode root;
    private final String text;

    private Workflow(Path file, JsonNode root, String text) {
        this.file = file;
        this.root = root;
        this.text = text;
    }

    /** main.yml: verify, image, deploy. */
    static Workflow main() {
        return parse(DIRECTORY.resolve("main.yml"));
    }

    /** infrastructure.yml: the Service stack's cdk deploy, run by hand. */
    static Workflow infrastructure() {
        return parse(DIRECTORY.resolve("infrastructure.yml"));
    }

    /** Every workflow in the directory, for the rules all of them keep; a new file is covered without a test change. */
    static List<Workflow> all() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted(Comparator.naturalOrder()).map(Workflow::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + DIRECTORY, e);
        }
    }

    static Workflow parse(Path file) {
        try {
            String text = Files.readString(file);
            return new Workflow(file, new YAMLMapper().readTree(text), text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    Path file() {
        return file;
    }

    /** The file name: how parameterized tests name the workflow they check. */
    @Override
    public String toString() {
        return file.getFileName().toString();
    }

    JsonNode root() {
        return root;
    }

    /** The file as written, for what YAML parsing drops (comments after a pinned SHA). */
    String text() {
        return text;
    }

    Map<String, JsonNode> jobs() {
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        root.path("jobs").fields().forEachRemaining(e -> jobs.put(e.getKey(), e.getValue()));
        return jobs;
    }

    JsonNode job(String id) {
        JsonNode job = root.path("jobs").get(id);
        if (job == null) {
            throw new IllegalArgumentException(this + " has no job '" + id + "'");
        }
        return job;
    }

    List<Step> steps(String jobId) {
        List<Step> steps = new ArrayList<>();
        job(jobId).path("steps").forEach(s -> steps.add(new Step(jobId, s)));
        return steps;
    }

    List<Step> allSteps() {
        List<Step> steps = new ArrayList<>();
        jobs().keySet().forEach(id -> steps.addAll(steps(id)));
        return steps;
    }

    Step step(String jobId, String stepId) {
        return steps(jobId).stream().filter(s -> stepId.equals(s.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Job " + jobId + " has no step with id " + stepId));
    }

    /** The one step of the job that uses the action (owner/name, without the @ref). */
    Step stepUsing(String jobId, String action) {
        List<Step> using = steps(jobId).stream().filter(s -> action.equals(s.action())).toList();
        if (using.size() != 1) {
            throw new IllegalArgumentException("Job " + jobId + " uses " + action + " " + using.size() + " times");
        }
        return using.get(0);
    }

    /** needs: as a list, whether written as one name or a list. */
    List<String> needs(String jobId) {
        return strings(job(jobId).path("needs"));
    }

    static List<String> strings(JsonNode node) {
        return JsonStrings.of(node);
    }

    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** One entry of a job's steps:. */
    record Step(String jobId, JsonNode node) {
        String id() {
            return text("id").orElse(null);
        }

        String label() {
            return jobId + " / " + text("name").or(() -> text("id")).or(() -> text("uses")).orElse("(unnamed run step)");
        }

        Optional<String> run() {
            return text("run");
        }

        Optional<String> uses() {
            return text("uses");
        }

        /** owner/name of the action this step uses, without the @ref; null for a run step. */
        String action() {
            return uses().map(u -> u.contains("@") ? u.substring(0, u.indexOf('@')) : u).orElse(null);
        }

        Optional<String> condition() {
            return text("if");
        }

        Map<String, String> with() {
            return stringMap(node.path("with"));
        }

        Map<String, String> env() {
            return stringMap(node.path("env"));
        }

        private Optional<String> text(String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
        }
    }
}
