package dev.capstan.infra.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One CloudWatch search expression, written in the syntax of the CloudWatch User Guide ("CloudWatch search
 * expression syntax", https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/search-expression-syntax.html):
 *
 * <pre>SEARCH(' {Namespace, DimensionName1, DimensionName2} Property="exact value" ... ', 'Statistic', Period)</pre>
 *
 * <ul>
 * <li>The schema in braces matches only metrics whose dimensions are exactly those names: each time series found is
 * one combination of their values (one line per image tag for {Capstan,Service,ImageTag}).</li>
 * <li>Every term here is an exact match on a named property (MetricName="Requests", Service="capstan-production"):
 * double quotes make the match exact and case sensitive, where an unquoted term would match any token of a name
 * (capstan-production would also find capstan-production-eu). Inside the quotes ", \, ( and ) are escaped with a
 * backslash; names in the schema are quoted only when they hold anything but letters and digits.</li>
 * <li>The statistic is any CloudWatch statistic, percentiles included (p99), in single quotes; the period is in
 * seconds.</li>
 * <li>Limits: a query of at most 1,024 characters, at most 100 search expressions on one graph, and at most 500 time
 * series shown on a graph. A search cannot drive an alarm.</li>
 * </ul>
 */
public record MetricSearch(String namespace, List<String> dimensions, Map<String, String> exactTerms, String statistic,
                           int periodSeconds) {
    /** The longest query CloudWatch accepts, in characters. */
    static final int MAX_QUERY_LENGTH = 1024;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9]+");

    public MetricSearch {
        dimensions = List.copyOf(dimensions);
        exactTerms = new LinkedHashMap<>(exactTerms);
        if (statistic.contains("'")) {
            throw new IllegalArgumentException("A statistic has no quote: " + statistic);
        }
    }

    /** The SEARCH(...) expression, for a graph's metrics. */
    public String expression() {
        String schema = Stream.concat(Stream.of(namespace), dimensions.stream()).map(MetricSearch::schemaName)
                .collect(Collectors.joining(",", "{", "}"));
        String terms = exactTerms.entrySet().stream()
                .map(e -> schemaName(e.getKey()) + "=\"" + escaped(e.getValue()) + "\"")
                .collect(Collectors.joining(" "));
        String query = schema + " " + terms;
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("A search query is at most " + MAX_QUERY_LENGTH + " characters: " + query);
        }
        return "SEARCH('" + query + "', '" + statistic + "', " + periodSeconds + ")";
    }

    private static String schemaName(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : "\"" + escaped(name) + "\"";
    }

    /**
     * The characters an exact match must escape. The guide gives no escape for a single quote, which encloses the
     * whole query, so a value holding one is refused rather than guessed at (names here never hold one).
     */
    private static String escaped(String value) {
        if (value.contains("'")) {
            throw new IllegalArgumentException("A search value cannot hold a single quote: " + value);
        }
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("(", "\\(").replace(")", "\\)");
    }
}
