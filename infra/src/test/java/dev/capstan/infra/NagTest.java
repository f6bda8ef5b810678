package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cdk-nag's AwsSolutions rules run on every synthesis; accepted findings are suppressed beside their resource. */
class NagTest {
    @Test
    void noStackHasAnUnsuppressedFindingOrWarning() throws Exception {
        List<String> findings = new ArrayList<>();
        for (Synthesized app : Tools.variants()) {
            JsonNode manifest = Synthesized.JSON.readTree(app.outdir().resolve("manifest.json").toFile());
            manifest.get("artifacts").properties().forEach(artifact ->
                    artifact.getValue().path("metadata").properties().forEach(path -> path.getValue().forEach(entry -> {
                        String type = entry.get("type").asText();
                        if (type.equals("aws:cdk:error") || type.equals("aws:cdk:warning")) {
                            findings.add(path.getKey() + ": " + entry.get("data").asText());
                        }
                    })));
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void everySuppressionSaysWhy() throws Exception {
        for (Synthesized app : Tools.variants()) {
            for (String stack : List.of(CapstanApp.FOUNDATION_STACK, CapstanApp.serviceStackName("production"))) {
                app.json(stack).get("Resources").forEach(resource -> resource.at("/Metadata/cdk_nag/rules_to_suppress")
                        .forEach(rule -> assertThat(rule.path("reason").asText()).as(rule.toString()).hasSizeGreaterThan(40)));
            }
        }
    }

    @Test
    void theRulesRan() throws Exception {
        // The report cdk-nag writes beside the templates: proof that the checks ran, not only that nothing failed.
        assertThat(Synthesized.example().outdir().resolve("AwsSolutions-CapstanService-production-NagReport.csv"))
                .exists().content().contains("AwsSolutions-IAM5");
    }
}
