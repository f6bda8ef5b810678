package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each role trusts GitHub's OIDC provider for the token of exactly one job. The sub of each job's token is built here
 * from the workflow file and the job (event, ref, environment) under the repository's subject template, and checked
 * against the role's condition as AWS would: the job's own role accepts it, no other role does, and no role accepts
 * the same job run from another branch or a pull request.
 */
class OidcTrustPolicyTest {
    static final Workflow WORKFLOW = Workflow.main();
    static final Workflow INFRASTRUCTURE = Workflow.infrastructure();
    static final Path IMAGE_ROLE = Workflow.REPOSITORY_ROOT.resolve(".github/iam/image-push-role-trust-policy.json");
    static final Path DEPLOY_ROLE = Workflow.REPOSITORY_ROOT.resolve(".github/iam/deploy-role-trust-policy.json");
    static final Path INFRASTRUCTURE_ROLE = Workflow.REPOSITORY_ROOT.resolve(".github/iam/infrastructure-role-trust-policy.json");
    static final List<Path> ROLES = List.of(IMAGE_ROLE, DEPLOY_ROLE, INFRASTRUCTURE_ROLE);
    static final String PROVIDER = "token.actions.githubusercontent.com";
    /** The committed policies are rendered for the example repository (CommittedPoliciesTest in infra/). */
    static final String REPOSITORY = "example-org/capstan";
    static final String MAIN = "refs/heads/main";
    static final String FEATURE = "refs/heads/feature";
    static final OidcSubject TEMPLATE = OidcSubject.repositoryTemplate();

    @Test
    void everyRoleTrustsOnlyGithubsProviderForTheStsAudience() throws IOException {
        for (Path file : ROLES) {
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
    void theRepositorysTemplateTellsTheDeployJobFromTheInfrastructureJob() {
        // Both run in the production environment: under GitHub's default template their tokens are the same.
        assertThat(OidcSubject.DEFAULT.of(REPOSITORY, WORKFLOW, "deploy", Events.push(MAIN)))
                .isEqualTo(OidcSubject.DEFAULT.of(REPOSITORY, INFRASTRUCTURE, "service-stack", Events.runByHand(MAIN)));

        assertThat(deployToken(Events.push(MAIN))).isNotEqualTo(infrastructureToken(Events.runByHand(MAIN)));
        assertThat(TEMPLATE.claimKeys()).as("the sub names the job's context and the workflow file with its ref")
                .contains("context", "job_workflow_ref");
    }

    @Test
    void theImageRoleTrustsOnlyTheImageJobOfAPushToMain() throws IOException {
        assertThat(WORKFLOW.job("image").has("environment")).as("an environment would change the sub claim").isFalse();

        assertThat(rolesTrusting(imageToken(Events.push(MAIN)))).containsExactly(IMAGE_ROLE);
    }

    @Test
    void theDeployRoleTrustsOnlyTheDeployJobOnMainPushedOrRunByHand() throws IOException {
        assertThat(rolesTrusting(deployToken(Events.push(MAIN)))).containsExactly(DEPLOY_ROLE);
        assertThat(rolesTrusting(deployToken(Events.runByHand(MAIN, "fe11ed0")))).containsExactly(DEPLOY_ROLE);
    }

    @Test
    void theInfrastructureRoleTrustsOnlyTheServiceStackJobOnMain() throws IOException {
        assertThat(rolesTrusting(infrastructureToken(Events.runByHand(MAIN)))).containsExactly(INFRASTRUCTURE_ROLE);
    }

    @Test
    void theDeployJobAndTheInfrastructureJobCannotAssumeEachOthersRole() throws IOException {
        assertThat(trusts(INFRASTRUCTURE_ROLE, deployToken(Events.push(MAIN)))).isFalse();
        assertThat(trusts(INFRASTRUCTURE_ROLE, deployToken(Events.runByHand(MAIN, "fe11ed0")))).isFalse();
        assertThat(trusts(DEPLOY_ROLE, infrastructureToken(Events.runByHand(MAIN)))).isFalse();
    }

    @Test
    void noRoleTrustsAJobRunFromAnotherBranchOrAPullRequest() throws IOException {
        // The jobs' if: keep them to main, but a branch can change its copy of the workflow: only the sub stops it.
        List<Map<String, Object>> elsewhere = List.of(Events.push(FEATURE), Events.runByHand(FEATURE, "fe11ed0"),
                Events.pullRequest());
        for (Map<String, Object> event : elsewhere) {
            assertThat(rolesTrusting(imageToken(event))).as("image, " + event).isEmpty();
            assertThat(rolesTrusting(deployToken(event))).as("deploy, " + event).isEmpty();
            assertThat(rolesTrusting(infrastructureToken(event))).as("service-stack, " + event).isEmpty();
        }
    }

    @Test
    void everyRoleNamesTheSameRepository() throws IOException {
        assertThat(repository(subject(IMAGE_ROLE))).isEqualTo(repository(subject(DEPLOY_ROLE)))
                .isEqualTo(repository(subject(INFRASTRUCTURE_ROLE))).isEqualTo(REPOSITORY);
    }

    private static String imageToken(Map<String, Object> event) {
        return TEMPLATE.of(REPOSITORY, WORKFLOW, "image", event);
    }

    private static String deployToken(Map<String, Object> event) {
        return TEMPLATE.of(REPOSITORY, WORKFLOW, "deploy", event);
    }

    private static String infrastructureToken(Map<String, Object> event) {
        return TEMPLATE.of(REPOSITORY, INFRASTRUCTURE, "service-stack", event);
    }

    /** The roles whose trust policy lets a token with this sub and the default audience assume them. */
    private static List<Path> rolesTrusting(String sub) throws IOException {
        List<Path> roles = new ArrayList<>();
        for (Path role : ROLES) {
            if (trusts(role, sub)) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** StringEquals: every key must equal the token's claim (one of the values, when a list is given). */
    private static boolean trusts(Path role, String sub) throws IOException {
        JsonNode equals = onlyStatement(role).at("/Condition/StringEquals");
        return Workflow.strings(equals.path(PROVIDER + ":aud")).contains("sts.amazonaws.com")
                && Workflow.strings(equals.path(PROVIDER + ":sub")).contains(sub);
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
