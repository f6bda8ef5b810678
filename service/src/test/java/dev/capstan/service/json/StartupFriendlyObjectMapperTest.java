package dev.capstan.service.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.capstan.service.api.Greeting;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.logging.common.ConsoleAppenderFactory.ConsoleStream;
import io.dropwizard.util.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The service's mapper is Dropwizard's, minus Blackbird, and stays so across upgrades. */
class StartupFriendlyObjectMapperTest {
    private final ObjectMapper dropwizards = Jackson.newObjectMapper();
    private final ObjectMapper ours = StartupFriendlyObjectMapper.create();

    @Test
    void registersEveryModuleDropwizardDoesExceptBlackbird() {
        final Set<Object> expected = new HashSet<>(dropwizards.getRegisteredModuleIds());
        assertThat(expected.remove(new BlackbirdModule().getTypeId())).as("Dropwizard registers Blackbird").isTrue();

        assertThat(ours.getRegisteredModuleIds()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void configuresEverythingElseAsDropwizardDoes() {
        assertThat(ours.getPropertyNamingStrategy()).hasSameClassAs(dropwizards.getPropertyNamingStrategy());
        assertThat(ours.getSubtypeResolver()).hasSameClassAs(dropwizards.getSubtypeResolver());
        assertThat(ours.getSerializationConfig().getSerializationFeatures())
                .isEqualTo(dropwizards.getSerializationConfig().getSerializationFeatures());
        assertThat(ours.getDeserializationConfig().getDeserializationFeatures())
                .isEqualTo(dropwizards.getDeserializationConfig().getDeserializationFeatures());
        Arrays.stream(MapperFeature.values()).forEach(feature -> assertThat(ours.isEnabled(feature))
                .as(feature.name()).isEqualTo(dropwizards.isEnabled(feature)));
    }

    @Test
    void writesAndReadsWhatTheServiceAndItsConfigurationUse() throws Exception {
        assertThat(ours.writeValueAsString(new Greeting("Hello, Ada!")))
                .isEqualTo(dropwizards.writeValueAsString(new Greeting("Hello, Ada!")))
                .isEqualTo("{\"message\":\"Hello, Ada!\"}");
        // Dropwizard's configuration relies on these: its own types and case-insensitive enums (FuzzyEnumModule).
        assertThat(ours.readValue("\"15s\"", Duration.class)).isEqualTo(Duration.seconds(15));
        assertThat(ours.readValue("\"stdout\"", ConsoleStream.class)).isEqualTo(ConsoleStream.STDOUT);
        assertThat(ours.convertValue(Map.of("message", "x"), Greeting.class)).isEqualTo(new Greeting("x"));
    }
}
