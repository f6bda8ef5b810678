package dev.capstan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The synthesized dashboard's body (a JSON string joined from parts; the references it holds resolve to empty
 * strings here), read back as widgets and the metrics and search expressions each graph draws.
 */
record DashboardBody(List<Widget> widgets) {
    /** SEARCH(' {schema} terms ', 'statistic', period), as CloudWatch's search expression syntax writes it. */
    private static final Pattern SEARCH = Pattern.compile("SEARCH\\('\\s*\\{([^}]*)}\\s*(.*?)\\s*',\\s*'([^']+)',\\s*(\\d+)\\)");
    /** One exact-match term on a named property: Name="value", with \\ escapes inside the quotes. */
    private static final Pattern EXACT_TERM = Pattern.compile("\\s*([A-Za-z0-9]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Widget(String type, String title, int x, int y, int width, int height, List<Search> searches,
                  List<String> namespaces) {
    }

    /**
     * A search expression: its namespace and dimension names (the schema), its exact terms (property to value), the
     * statistic and period, and the label each time series gets.
     */
    record Search(String namespace, List<String> dimensions, Map<String, String> terms, String statistic, int period,
                  String label, String query) {
    }

    static DashboardBody of(Synthesized app) {
        JsonNode dashboard = Templates.onlyResourceOfType(app.serviceJson(), "AWS::CloudWatch::Dashboard");
        String body = Templates.resolved(dashboard.at("/Properties/DashboardBody"), Templates.EXAMPLE_PSEUDO).asText();
        try {
            List<Widget> widgets = new ArrayList<>();
            Synthesized.JSON.readTree(body).get("widgets").forEach(w -> widgets.add(widget(w)));
            return new DashboardBody(widgets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Search> searches() {
        return widgets.stream().flatMap(w -> w.searches().stream()).toList();
    }

    private static Widget widget(JsonNode w) {
        JsonNode p = w.get("properties");
        List<Search> searches = new ArrayList<>();
        List<String> namespaces = new ArrayList<>();
        String previousNamespace = null;
        for (JsonNode metric : p.path("metrics")) {
            JsonNode options = metric.get(metric.size() - 1);
            if (options.isObject() && options.has("expression")) {
                searches.add(search(options.get("expression").asText(), options.path("label").asText()));
            } else {
                // A metric row: [namespace, name, dimension, value, ..., {options}]; "." repeats the row above.
                String namespace = metric.get(0).asText();
                previousNamespace = namespace.equals(".") ? previousNamespace : namespace;
                namespaces.add(previousNamespace);
            }
        }
        return new Widget(w.get("type").asText(), p.path("title").asText(p.path("markdown").asText()),
                w.get("x").asInt(), w.get("y").asInt(), w.get("width").asInt(), w.get("height").asInt(), searches,
                namespaces);
    }

    static Search search(String expression, String label) {
        Matcher m = SEARCH.matcher(expression);
        if (!m.matches()) {
            throw new AssertionError("not a search expression: " + expression);
        }
        List<String> schema = new ArrayList<>();
        for (String name : m.group(1).split(",")) {
            schema.add(name.trim().replaceAll("^\"|\"$", ""));
        }
        Map<String, String> terms = new LinkedHashMap<>();
        Matcher term = EXACT_TERM.matcher(m.group(2));
        int end = 0;
        while (term.find() && term.start() == end) {
            terms.put(term.group(1), term.group(2).replaceAll("\\\\(.)", "$1"));
            end = term.end();
        }
        if (end != m.group(2).length()) {
            throw new AssertionError("a search term that is no exact match on a named property: " + m.group(2));
        }
        return new Search(schema.get(0), schema.subList(1, schema.size()), terms, m.group(3),
                Integer.parseInt(m.group(4)), label, "{" + m.group(1) + "} " + m.group(2));
    }
}
