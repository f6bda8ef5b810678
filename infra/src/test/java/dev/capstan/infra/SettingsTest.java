package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void readsTheExampleContext() {
        Settings settings = Settings.read(Synthesized.exampleContext()::get, Map.of());

        assertThat(settings.account()).isEqualTo("123456789012");
        assertThat(settings.availabilityZones()).containsExactly("eu-west-1a", "eu-west-1b");
        assertThat(settings.egress()).isEqualTo(Settings.Egress.NAT_SHARED);
        assertThat(settings.availabilityZonesContextKey()).isEqualTo("availability-zones:account=123456789012:region=eu-west-1");
    }

    @Test
    void listsPassedWithDashCAreCommaSeparated() {
        Map<String, Object> context = new HashMap<>(Synthesized.exampleContext());
        context.put("ingressCidrs", "203.0.113.0/24, 198.51.100.0/24");

        assertThat(Settings.read(context::get, Map.of()).ingressCidrs()).containsExactly("203.0.113.0/24", "198.51.100.0/24");
    }

    @Test
    void accountAndRegionMayComeFromTheCdkCli() {
        Map<String, Object> context = new HashMap<>(Synthesized.exampleContext());
        context.remove("account");
        context.remove("region");

        Settings settings = Settings.read(context::get, Map.of("CDK_DEFAULT_ACCOUNT", "111122223333",
                "CDK_DEFAULT_REGION", "eu-central-1"));
        assertThat(settings.account()).isEqualTo("111122223333");
        assertThat(settings.region()).isEqualTo("eu-central-1");
    }

    @Test
    void aMissingValueNamesItsKey() {
        Map<String, Object> context = new HashMap<>(Synthesized.exampleContext());
        context.remove("certificateArn");

        assertThatThrownBy(() -> Settings.read(context::get, Map.of()))
                .hasMessageContaining("Context 'certificateArn' is not set");
    }

    @Test
    void refusesFewerThanTwoZonesAndAnUnknownEgress() {
        Map<String, Object> oneZone = new HashMap<>(Synthesized.exampleContext());
        oneZone.put("availabilityZones", List.of("eu-west-1a"));
        Map<String, Object> badEgress = new HashMap<>(Synthesized.exampleContext());
        badEgress.put("egress", "internet");

        assertThatThrownBy(() -> Settings.read(oneZone::get, Map.of())).hasMessageContaining("two or more");
        assertThatThrownBy(() -> Settings.read(badEgress::get, Map.of())).hasMessageContaining("nat-per-az, nat-shared, endpoints");
    }
}
