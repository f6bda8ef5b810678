package dev.capstan.service.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {
    @ParameterizedTest
    @ValueSource(strings = {"abc", "6f1c2e0a-8d47-4c36-9a55-1f0b7d2e9c11", "Root=1-abc", "a.b_c:d/e+f@g",
        "x"})
    void keepsASaneId(String id) {
        assertThat(RequestIds.acceptOrGenerate(id)).isEqualTo(id);
    }

    @Test
    void keepsAnIdOfExactly128Characters() {
        final String longest = "a".repeat(128);

        assertThat(RequestIds.acceptOrGenerate(longest)).isEqualTo(longest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "two words", "line\nbreak", "cr\rlf", "<script>", "{\"json\":1}", "tab\t"})
    void replacesAnUnsafeIdWithAUuid(String unsafe) {
        final String id = RequestIds.acceptOrGenerate(unsafe);

        assertThat(id).isNotEqualTo(unsafe);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }

    @Test
    void replacesAnOverlongIdAndGeneratesWhenNoneWasSent() {
        assertThat(RequestIds.acceptOrGenerate("a".repeat(129))).hasSize(36);
        assertThat(RequestIds.acceptOrGenerate(null)).hasSize(36);
    }
}
