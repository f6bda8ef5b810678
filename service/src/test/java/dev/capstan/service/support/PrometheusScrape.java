package dev.capstan.service.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of {@code /prometheus} read back into samples: enough of the text format for the tests' questions (promtool,
 * Prometheus's own parser, checks the format itself).
 */
public record PrometheusScrape(List<Sample> samples, Set<String> families) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public static PrometheusScrape of(Http admin) {
        return parse(admin.get("/prometheus").body());
    }

    public static PrometheusScrape parse(String text) {
        final List<Sample> samples = new ArrayList<>();
        final Set<String> families = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                families.add(line.split(" ")[2]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                final Matcher sample = SAMPLE.matcher(line);
                if (!sample.matches()) {
                    throw new AssertionError("not a sample line: " + line);
                }
                samples.add(new Sample(sample.group(1), labels(sample.group(2)), Double.parseDouble(sample.group(3))));
            }
        }
        return new PrometheusScrape(List.copyOf(samples), Set.copyOf(families));
    }

    private static Map<String, String> labels(String text) {
        final Map<String, String> labels = new LinkedHashMap<>();
        if (text != null) {
            final Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        }
        return labels;
    }

    /** The value of the one sample with this name and at least these labels; 0 when there is none. */
    public double value(String name, Map<String, String> labels) {
        final List<Sample> matching = samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
        if (matching.size() > 1) {
            throw new AssertionError("more than one sample of " + name + " with " + labels + ": " + matching);
        }
        return matching.isEmpty() ? 0 : matching.get(0).value();
    }

    public double value(String name) {
        return value(name, Map.of());
    }

    public List<Sample> samplesOf(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }
}
