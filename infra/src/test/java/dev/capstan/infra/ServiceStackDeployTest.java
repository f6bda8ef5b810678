package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the infrastructure workflow's {@code cdk deploy} of the Service stack needs, read from the cloud assembly the
 * CLI deploys: the roles the CLI assumes for it are the ones the infrastructure role may assume, with no session tags;
 * the pinned CLI is one this assembly accepts; the role's session lasts as long as the job asks.
 */
class ServiceStackDeployTest {
    static final Path WORKFLOW = Path.of("..", ".github", "workflows", "infrastructure.yml");
    static final String STACK = CapstanApp.serviceStackName("production");

    private final Synthesized app = Synthesized.example();

    @Test
    void everyRoleTheCliAssumesToDeployTheServiceStackIsOneTheInfrastructureRoleMayAssume() throws IOException {
        assertThat(rolesTheCliAssumes()).containsExactlyInAnyOrder(
                "arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-eu-west-1",
                "arn:aws:iam::123456789012:role/cdk-hnb659fds-file-publishing-role-123456789012-eu-west-1",
                "arn:aws:iam::123456789012:role/cdk-hnb659fds-lookup-role-123456789012-eu-west-1");
        assertThat(rolesTheCliAssumes()).containsExactlyInAnyOrderElementsOf(rolesTheInfrastructureRoleMayAssume());
    }

    @Test
    void theCliAssumesThemWithoutSessionTagsSoTheRoleNeedsNoTagSession() throws IOException {
        // The synthesizer passes extra AssumeRole options (session tags among them) only when an app sets them.
        assertThat(manifest().findValues("assumeRoleAdditionalOptions")).isEmpty();
        assertThat(assets().findValues("assumeRoleAdditionalOptions")).isEmpty();
    }

    @Test
    void thePinnedCliIsNoOlderThanTheAssemblyRequires() throws IOException {
        String minimum = manifest().get("minimumCliVersion").asText();

        assertThat(minimum).matches("2\\.\\d+\\.\\d+");
        assertThat(VERSION_ORDER.compare(pinnedCli(), minimum)).as("pinned %s, assembly needs %s", pinnedCli(), minimum)
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void theRoleAllowsASessionAsLongAsTheJobAsksFor() throws IOException {
        Matcher duration = Pattern.compile("role-duration-seconds: (\\d+)").matcher(Files.readString(WORKFLOW));
        assertThat(duration.find()).isTrue();

        app.foundation().hasResourceProperties("AWS::IAM::Role", java.util.Map.of(
                "RoleName", "capstan-ci-infrastructure", "MaxSessionDuration", Integer.parseInt(duration.group(1))));
    }

    /** The stack's deploy role and lookup role (manifest.json) and its assets' publishing roles (the asset manifest). */
    private Set<String> rolesTheCliAssumes() throws IOException {
        JsonNode stack = manifest().at("/artifacts/" + STACK + "/properties");
        List<JsonNode> roles = new ArrayList<>(List.of(stack.get("assumeRoleArn"), stack.at("/lookupRole/arn")));
        roles.addAll(assets().findValues("assumeRoleArn"));
        Set<String> arns = new TreeSet<>();
        // The CLI fills in the partition, the one placeholder left in the assembly.
        roles.forEach(r -> arns.add(r.asText().replace("${AWS::Partition}", "aws")));
        return arns;
    }

    private List<String> rolesTheInfrastructureRoleMayAssume() {
        JsonNode role = Templates.resourcesOfType(app.foundationJson(), "AWS::IAM::Role").stream()
                .filter(r -> r.at("/Properties/RoleName").asText().equals("capstan-ci-infrastructure")).findFirst().orElseThrow();
        JsonNode policy = Templates.resolved(role.at("/Properties/Policies/0/PolicyDocument"), Templates.EXAMPLE_PSEUDO);
        List<String> roles = new ArrayList<>();
        policy.get("Statement").forEach(s -> {
            if (Templates.strings(s.get("Action")).contains("sts:AssumeRole")) {
                roles.addAll(Templates.strings(s.get("Resource")));
            }
        });
        return roles;
    }

    private JsonNode manifest() throws IOException {
        return Synthesized.JSON.readTree(app.outdir().resolve("manifest.json").toFile());
    }

    private JsonNode assets() throws IOException {
        String file = manifest().at("/artifacts/" + STACK + ".assets/properties/file").asText();
        return Synthesized.JSON.readTree(app.outdir().resolve(file).toFile());
    }

    /** The X.Y.Z in the workflow's npx --yes aws-cdk@X.Y.Z. */
    private static String pinnedCli() throws IOException {
        Matcher pin = Pattern.compile("npx --yes aws-cdk@(\\d+\\.\\d+\\.\\d+) ").matcher(Files.readString(WORKFLOW));
        assertThat(pin.find()).as("an exact aws-cdk version in " + WORKFLOW).isTrue();
        return pin.group(1);
    }

    private static final Comparator<String> VERSION_ORDER = Comparator.comparing(
            (String v) -> Arrays.stream(v.split("\\.")).mapToInt(Integer::parseInt).toArray(), Arrays::compare);
}
