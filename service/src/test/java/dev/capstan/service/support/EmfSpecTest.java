package dev.capstan.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tests' EMF validator itself: it passes a document the specification allows and catches each broken rule. */
class EmfSpecTest {
    static final String VALID = "{\"_aws\":{\"Timestamp\":1796000000000,\"CloudWatchMetrics\":["
            + "{\"Namespace\":\"Capstan\","
            + "\"Dimensions\":[[\"Service\",\"Route\"]],\"Metrics\":[{\"Name\":\"Requests\",\"Unit\":\"Count\"},"
            + "{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"}]}]},\"Service\":\"capstan\",\"Route\":\"/v1/hello\","
            + "\"Requests\":3,\"Latency\":[1.5,2.5,3.5]}";

    @Test
    void aDocumentTheSpecificationAllowsPasses() {
        assertThat(EmfSpec.violations(VALID)).isEmpty();
    }

    @Test
    void eachBrokenRuleIsCaught() {
        final String hundredAndOne = Collections.nCopies(101, "1").stream().collect(Collectors.joining(","));
        final String tenKeys = Collections.nCopies(10, "\"Service\"").stream().collect(Collectors.joining(","));

        assertThat(EmfSpec.violations("metrics: " + VALID)).isNotEmpty();
        assertThat(EmfSpec.violations(VALID + "\n" + VALID)).isNotEmpty();
        assertThat(EmfSpec.violations(VALID.replace("[1.5,2.5,3.5]", "[" + hundredAndOne + "]"))).isNotEmpty();
        assertThat(EmfSpec.violations(VALID.replace("\"Milliseconds\"", "\"Millis\""))).isNotEmpty();
        assertThat(EmfSpec.violations(VALID.replace("\"Route\":\"/v1/hello\",", ""))).isNotEmpty();
        assertThat(EmfSpec.violations(VALID.replace("\"Service\":\"capstan\"", "\"Service\":7"))).isNotEmpty();
        assertThat(EmfSpec.violations(VALID.replace("\"Service\":\"capstan\"", "\"Service\":\" \""))).isNotEmpty();
        assertThat(EmfSpec.violations(VALID.replace("[\"Service\",\"Route\"]", "[" + tenKeys + "]"))).isNotEmpty();
        assertThat(EmfSpec.violations(VALID.replace("\"Requests\":3", "\"Requests\":\"3\""))).isNotEmpty();
        assertThat(EmfSpec.violations(VALID.replace("\"Namespace\":\"Capstan\",", "\"Namespace\":\"Capstan\","
                + "\"Region\":\"eu-west-1\","))).isNotEmpty();
        assertThat(EmfSpec.violations(VALID.replace("\"Timestamp\":1796000000000,", ""))).isNotEmpty();
        assertThat(EmfSpec.violations(VALID.replace("\"Timestamp\":1796000000000", "\"Timestamp\":1796000000")))
                .isNotEmpty();
    }
}
