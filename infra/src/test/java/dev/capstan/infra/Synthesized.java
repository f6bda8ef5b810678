package dev.capstan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.assertions.Template;

/**
 * The app synthesized once per JVM for each context the tests need, shared by every test class: a synthesis costs
 * seconds (jsii runs the CDK in Node), reading a template back costs nothing.
 */
public final class Synthesized {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The example values every committed example uses (account 123456789012, eu-west-1, production, ...). */
    public static final Path EXAMPLE_CONTEXT = Path.of("example.context.json");
    private static final Map<Map<String, Object>, Synthesized> BY_CONTEXT = new ConcurrentHashMap<>();

    private final Path outdir;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    private Synthesized(Path outdir) {
        this.outdir = outdir;
    }

    /** The app with the example context. */
    public static Synthesized example() {
        return with(Map.of());
    }

    /** The app with the example context and these values changed. */
    public static synchronized Synthesized with(Map<String, Object> overrides) {
        // An override that repeats the example's value is no variant: it shares the example's synthesis.
        Map<String, Object> example = exampleContext();
        Map<String, Object> changed = new LinkedHashMap<>(overrides);
        changed.entrySet().removeIf(e -> e.getValue().equals(example.get(e.getKey())));
        return BY_CONTEXT.computeIfAbsent(Map.copyOf(changed), o -> {
            Map<String, Object> context = exampleContext();
            context.putAll(o);
            Path outdir = Path.of("target", "test-cdk.out", "app-" + BY_CONTEXT.size());
            try {
                Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            CapstanApp.build(outdir.toString(), context).synth();
            return new Synthesized(outdir);
        });
    }

    public static Map<String, Object> exampleContext() {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> context = JSON.readValue(EXAMPLE_CONTEXT.toFile(), LinkedHashMap.class);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path outdir() {
        return outdir;
    }

    public Path templateFile(String stack) {
        return outdir.resolve(stack + ".template.json");
    }

    public JsonNode json(String stack) {
        try {
            return JSON.readTree(templateFile(stack).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CDK assertions view of a stack's template. */
    @SuppressWarnings("unchecked")
    public Template template(String stack) {
        return templates.computeIfAbsent(stack, s -> Template.fromJSON(JSON.convertValue(json(s), Map.class)));
    }

    public Template foundation() {
        return template(CapstanApp.FOUNDATION_STACK);
    }

    public JsonNode foundationJson() {
        return json(CapstanApp.FOUNDATION_STACK);
    }

    public Template service() {
        return template(CapstanApp.serviceStackName("production"));
    }

    public JsonNode serviceJson() {
        return json(CapstanApp.serviceStackName("production"));
    }
}
