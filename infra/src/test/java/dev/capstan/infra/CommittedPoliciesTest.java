package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.infra.foundation.CiIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IAM JSON files in the repository are the stacks' policies rendered for the example values (account
 * 123456789012, eu-west-1, repository capstan, GitHub repository example-org/capstan, environment production): the
 * tests that check them against the workflow and the code's calls therefore check what the stacks deploy. To rewrite
 * them after changing a policy: mvn -B -q -pl infra -am verify -Dtest=CommittedPoliciesTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcapstan.regeneratePolicies=true
 */
class CommittedPoliciesTest {
    static final Path ROOT = Path.of("..");
    /** The body of the repository's OIDC subject customization (docs/deploy.md step 6), which the trust policies match. */
    static final String SUBJECT_TEMPLATE = ".github/iam/oidc-subject-template.json";

    /** A role's inline policy or trust policy, or a managed policy (named by the stack). */
    enum Part { POLICY, TRUST, MANAGED }

    record Committed(String file, String stack, String name, Part part) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Committed> files() {
        String service = CapstanApp.serviceStackName("production");
        return Stream.of(
                new Committed(".github/iam/image-push-role-policy.json", CapstanApp.FOUNDATION_STACK, "capstan-ci-image-push", Part.POLICY),
                new Committed(".github/iam/image-push-role-trust-policy.json", CapstanApp.FOUNDATION_STACK, "capstan-ci-image-push", Part.TRUST),
                new Committed(".github/iam/deploy-role-trust-policy.json", CapstanApp.FOUNDATION_STACK, "capstan-ci-deploy", Part.TRUST),
                new Committed(".github/iam/infrastructure-role-policy.json", CapstanApp.FOUNDATION_STACK, "capstan-ci-infrastructure", Part.POLICY),
                new Committed(".github/iam/infrastructure-role-trust-policy.json", CapstanApp.FOUNDATION_STACK, "capstan-ci-infrastructure", Part.TRUST),
                new Committed("rollout/iam/deploy-role-policy.json", CapstanApp.FOUNDATION_STACK, "capstan-ci-deploy", Part.POLICY),
                new Committed("userdata/instance-role-policy.json", service, "capstan-production-instance", Part.POLICY),
                new Committed("rollout/iam/operator-policy.json", service, "capstan-production-operator", Part.MANAGED));
    }

    @ParameterizedTest
    @MethodSource("files")
    void theCommittedFileIsTheSynthesizedPolicy(Committed committed) throws IOException {
        JsonNode synthesized = synthesized(committed);
        Path file = ROOT.resolve(committed.file());
        if (Boolean.getBoolean("capstan.regeneratePolicies")) {
            Files.writeString(file, pretty(synthesized));
        }

        assertThat(Synthesized.JSON.readTree(file.toFile()))
                .as(committed.file() + " differs from the synthesized policy; regenerate it (see this test's comment)")
                .isEqualTo(synthesized);
    }

    @Test
    void theCommittedSubjectTemplateHasTheClaimKeysTheTrustPoliciesAreWrittenFor() throws IOException {
        JsonNode template = Synthesized.JSON.readTree(ROOT.resolve(SUBJECT_TEMPLATE).toFile());

        assertThat(template.get("use_default").isBoolean()).isTrue();
        assertThat(template.get("use_default").booleanValue()).as("false: the repository uses include_claim_keys").isFalse();
        assertThat(template.get("include_claim_keys")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(CiIdentity.Trust.CLAIM_KEYS);
    }

    static JsonNode synthesized(Committed committed) {
        Synthesized app = Synthesized.example();
        return readable(switch (committed.part()) {
            case POLICY -> SynthesizedPolicies.roleDocument(app, committed.stack(), committed.name());
            case TRUST -> SynthesizedPolicies.trustDocument(app, committed.stack(), committed.name());
            case MANAGED -> SynthesizedPolicies.managedDocument(app, committed.stack(), committed.name());
        });
    }

    /** Version first, and each statement's keys in the order people read them. */
    private static JsonNode readable(JsonNode document) {
        ObjectNode out = Synthesized.JSON.createObjectNode();
        out.set("Version", document.get("Version"));
        var statements = out.putArray("Statement");
        for (JsonNode s : document.get("Statement")) {
            ObjectNode statement = statements.addObject();
            for (String key : List.of("Sid", "Effect", "Principal", "Action", "Resource", "Condition")) {
                if (s.has(key)) {
                    statement.set(key, s.get(key));
                }
            }
            assertThat(statement.size()).as("no key beyond the known ones").isEqualTo(s.size());
        }
        return out;
    }

    private static String pretty(JsonNode document) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        return Synthesized.JSON.writer(printer).writeValueAsString(document) + "\n";
    }
}
