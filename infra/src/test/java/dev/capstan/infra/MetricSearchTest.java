package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.infra.service.MetricSearch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The search expressions' syntax, as the CloudWatch User Guide writes it ("CloudWatch search expression syntax"). */
class MetricSearchTest {
    @Test
    void aSchemaAndExactTermsOnNamedProperties() {
        assertThat(search("Capstan", List.of("Service", "ImageTag"), "capstan-production").expression()).isEqualTo(
                "SEARCH('{Capstan,Service,ImageTag} MetricName=\"Requests\" Service=\"capstan-production\"', 'Sum', 60)");
    }

    /** Inside an exact match ", \, ( and ) are escaped; names with anything but letters and digits are quoted. */
    @Test
    void specialCharactersAreEscapedAndReadBackAsTheyWere() {
        String value = "a \"b\" \\c (d)";
        MetricSearch search = search("My/Namespace", List.of("Service"), value);

        assertThat(search.expression()).startsWith("SEARCH('{\"My/Namespace\",Service} ")
                .contains("Service=\"a \\\"b\\\" \\\\c \\(d\\)\"");
        assertThat(DashboardBody.search(search.expression(), "").terms()).containsEntry("Service", value);
    }

    @Test
    void queriesOverTheLimitOrHoldingASingleQuoteAreRefused() {
        assertThatThrownBy(() -> search("Capstan", List.of("Service"), "x".repeat(1000)).expression())
                .hasMessageContaining("1024");
        assertThatThrownBy(() -> search("Capstan", List.of("Service"), "it's").expression())
                .hasMessageContaining("single quote");
    }

    private static MetricSearch search(String namespace, List<String> dimensions, String service) {
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("MetricName", "Requests");
        terms.put("Service", service);
        return new MetricSearch(namespace, dimensions, terms, "Sum", 60);
    }
}
