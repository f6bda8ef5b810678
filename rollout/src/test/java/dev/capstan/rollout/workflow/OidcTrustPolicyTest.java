package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each role trusts GitHub's OIDC provider for the token of the job it is for: the sub claim of a job in an
 * environment names the environment, not the branch; a job without one names the ref. The deploy job and the
 * infrastructure job both run in the environment, so their tokens carry the same sub (AWS reads no other claim).
 */
class OidcTrustPolicyTest {
    static final Workflow WORKFLOW = Workflow.main();
    static final Workflow INFRASTRUCTURE = Workflow.infrastructure();
    static final Path IMAGE_ROLE = Workflow.REPOSITORY_ROOT.resolve(".github/iam/image-push-role-trust-policy.json");
    static final Path DEPLOY_ROLE = Workflow.REPOSITORY_ROOT.resolve(".github/iam/deploy-role-trust-policy.json");
    static final Path INFRASTRUCTURE_ROLE = Workflow.REPOSITORY_ROOT.resolve(".github/iam/infrastructure-role-trust-policy.json");
    static final String PROVIDER = "token.actions.githubusercontent.com";
    // owner/repo, or with the immutable ids GitHub can append: owner@123/repo@456
    static final String REPOSITORY = "[A-Za-z0-9-]+(?:@\\d+)?/[A-Za-z0-9._-]+(?:@\\d+)?";

    @Test
    void everyRoleTrustsOnlyGithubsProviderForTheStsAudience() throws IOException {
        for (Path file : List.of(IMAGE_ROLE, DEPLOY_ROLE, INFRASTRUCTURE_ROLE)) {
            JsonNode statement = onlyStatement(file);

            assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
            assertThat(statement.at("/Principal/Federated").asText())
                    .matches("arn:aws:iam::\\d{12}:oidc-provider/" + PROVIDER.replace(".", "\\."));
            assertThat(Workflow.strings(statement.get("Action"))).containsExactly("sts:AssumeRoleWithWebIdentity");
            assertThat(statement.get("Condition").fieldNames()).toIterable().as("exact matches only, no StringLike")
                    .containsExactly("StringEquals");
            assertThat(Workflow.stringMap(statement.at("/Condition/StringEquals")))
                    .containsOnlyKeys(PROVIDER + ":aud", PROVIDER + ":sub")
                    .containsEntry(PROVIDER + ":aud", "sts.amazonaws.com");
        }
        Workflow.all().stream().flatMap(w -> w.allSteps().stream())
                .filter(s -> "aws-actions/configure-aws-credentials".equals(s.action()))
                .forEach(s -> assertThat(s.with()).as("default audience sts.amazonaws.com").doesNotContainKey("audience"));
    }

    @Test
    void theImageRoleTrustsTheImageJobOnTheBranchItRunsOn() throws IOException {
        String branch = Workflow.strings(WORKFLOW.root().path("on").path("push").path("branches")).get(0);

        assertThat(WORKFLOW.job("image").has("environment")).as("an environment would change the sub claim").isFalse();
        assertThat(subject(IMAGE_ROLE)).matches("repo:" + REPOSITORY + ":ref:refs/heads/" + branch);
    }

    @Test
    void theDeployRoleTrustsTheDeployJobThroughItsEnvironment() throws IOException {
        String environment = WORKFLOW.job("deploy").path("environment").asText();

        assertThat(subject(DEPLOY_ROLE)).matches("repo:" + REPOSITORY + ":environment:" + environment);
    }

    @Test
    void theInfrastructureRoleTrustsTheInfrastructureJobThroughItsEnvironment() throws IOException {
        String environment = INFRASTRUCTURE.job("service-stack").path("environment").asText();

        assertThat(subject(INFRASTRUCTURE_ROLE)).matches("repo:" + REPOSITORY + ":environment:" + environment);
    }

    @Test
    void everyRoleNamesTheSameRepository() throws IOException {
        assertThat(repository(subject(IMAGE_ROLE))).isEqualTo(repository(subject(DEPLOY_ROLE)))
                .isEqualTo(repository(subject(INFRASTRUCTURE_ROLE)));
    }

    private static JsonNode onlyStatement(Path file) throws IOException {
        JsonNode statements = new ObjectMapper().readTree(file.toFile()).get("Statement");
        assertThat(statements.size()).as(file + " has one statement").isEqualTo(1);
        return statements.get(0);
    }

    private static String subject(Path file) throws IOException {
        return onlyStatement(file).at("/Condition/StringEquals").get(PROVIDER + ":sub").asText();
    }

    private static String repository(String subject) {
        return subject.split(":")[1];
    }
}
