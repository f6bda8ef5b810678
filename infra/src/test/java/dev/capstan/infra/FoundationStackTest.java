package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class FoundationStackTest {
    private final Synthesized app = Synthesized.example();

    @Test
    void theRepositoryHasImmutableTagsScansEveryPushAndIsEncrypted() {
        app.foundation().hasResourceProperties("AWS::ECR::Repository", Map.of(
                "RepositoryName", "capstan",
                "ImageTagMutability", "IMMUTABLE",
                "ImageScanningConfiguration", Map.of("ScanOnPush", true),
                "EncryptionConfiguration", Map.of("EncryptionType", "AES256")));
    }

    @Test
    void noLifecycleRuleCanSelectATaggedImage() throws Exception {
        JsonNode rules = lifecycleRules();

        assertThat(rules).isNotEmpty();
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.at("/selection/tagStatus").asText()).as(rule.toString()).isEqualTo("untagged");
            assertThat(rule.at("/selection").has("tagPatternList")).isFalse();
            assertThat(rule.at("/selection").has("tagPrefixList")).isFalse();
        });
    }

    @Test
    void untaggedImagesExpireOnlyAfterTwoWeeks() throws Exception {
        assertThat(lifecycleRules()).singleElement().satisfies(rule -> {
            assertThat(rule.at("/selection/countType").asText()).isEqualTo("sinceImagePushed");
            assertThat(rule.at("/selection/countNumber").asInt()).isEqualTo(14);
            assertThat(rule.at("/action/type").asText()).isEqualTo("expire");
        });
    }

    @Test
    void deletingTheStackKeepsTheRepositoryAndItsImages() {
        app.foundation().hasResource("AWS::ECR::Repository", Map.of(
                "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain",
                "Properties", Match.objectLike(Map.of("EmptyOnDelete", false))));
    }

    @Test
    void theImagePushRoleTrustsOnlyJobsOfMainYmlWithoutAnEnvironmentOnMain() {
        assertThat(trustCondition("capstan-ci-image-push")).isEqualTo(Map.of("StringEquals", Map.of(
                "token.actions.githubusercontent.com:aud", "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub", "repo:example-org/capstan:ref:refs/heads/main"
                        + ":job_workflow_ref:example-org/capstan/.github/workflows/main.yml@refs/heads/main")));
    }

    @Test
    void theDeployRoleTrustsOnlyMainYmlOnMainInItsEnvironment() {
        assertThat(trustCondition("capstan-ci-deploy")).isEqualTo(Map.of("StringEquals", Map.of(
                "token.actions.githubusercontent.com:aud", "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub", "repo:example-org/capstan:environment:production"
                        + ":job_workflow_ref:example-org/capstan/.github/workflows/main.yml@refs/heads/main")));
    }

    @Test
    void deployCredentialsOutlastTheDeployJob() {
        // The job runs up to 75 minutes and asks for 90-minute credentials; IAM refuses a longer session than this.
        app.foundation().hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "capstan-ci-deploy", "MaxSessionDuration", 7200));
    }

    @Test
    void theInfrastructureRoleTrustsOnlyInfrastructureYmlOnMainInItsEnvironment() {
        // The deploy job runs in the same environment: only job_workflow_ref tells the two tokens apart.
        assertThat(trustCondition("capstan-ci-infrastructure")).isEqualTo(Map.of("StringEquals", Map.of(
                "token.actions.githubusercontent.com:aud", "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub", "repo:example-org/capstan:environment:production"
                        + ":job_workflow_ref:example-org/capstan/.github/workflows/infrastructure.yml@refs/heads/main")));
    }

    @Test
    void noTwoRolesTrustTheSameSubject() {
        List<Object> subjects = List.of("capstan-ci-image-push", "capstan-ci-deploy", "capstan-ci-infrastructure").stream()
                .map(role -> subject(app, role)).toList();

        assertThat(subjects).doesNotHaveDuplicates();
    }

    @Test
    void theSubjectsNameTheContextsRepositoryAndBranch() {
        // With the id-based repository form GitHub puts the owner and repository ids into the repo segment, also under
        // a customised template; job_workflow_ref is the workflow file's path, owner/repo/... by name.
        Synthesized other = Synthesized.with(Map.of("githubRepository", "example-org@1234/capstan@5678",
                "githubBranch", "release"));

        assertThat(subject(other, "capstan-ci-image-push")).isEqualTo("repo:example-org@1234/capstan@5678"
                + ":ref:refs/heads/release:job_workflow_ref:example-org/capstan/.github/workflows/main.yml@refs/heads/release");
        assertThat(subject(other, "capstan-ci-deploy")).isEqualTo("repo:example-org@1234/capstan@5678"
                + ":environment:production:job_workflow_ref:example-org/capstan/.github/workflows/main.yml@refs/heads/release");
    }

    @Test
    void theInfrastructureRoleMayAssumeOnlyTheCdkBootstrapRolesOfItsAccountAndRegion() {
        assertThat(statementsAllowing("capstan-ci-infrastructure", "sts:AssumeRole")).singleElement().satisfies(s -> {
            assertThat(Templates.strings(s.get("Action"))).containsExactly("sts:AssumeRole");
            assertThat(Templates.strings(s.get("Resource"))).containsExactlyInAnyOrder(
                    "arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-eu-west-1",
                    "arn:aws:iam::123456789012:role/cdk-hnb659fds-file-publishing-role-123456789012-eu-west-1",
                    "arn:aws:iam::123456789012:role/cdk-hnb659fds-lookup-role-123456789012-eu-west-1");
        });
    }

    @Test
    void theInfrastructureRoleOtherwiseOnlyReadsWhatRolloutStatusReads() {
        List<String> reads = policy("capstan-ci-infrastructure").findValues("Action").stream()
                .flatMap(a -> Templates.strings(a).stream()).filter(a -> !a.equals("sts:AssumeRole")).toList();

        assertThat(reads).containsExactlyInAnyOrder("autoscaling:DescribeAutoScalingGroups",
                "autoscaling:DescribeInstanceRefreshes", "ec2:DescribeLaunchTemplates",
                "ec2:DescribeLaunchTemplateVersions", "ssm:GetParameter");
        assertThat(statementsAllowing("capstan-ci-infrastructure", "ssm:GetParameter")).singleElement()
                .satisfies(s -> assertThat(Templates.strings(s.get("Resource")))
                        .containsExactly("arn:aws:ssm:eu-west-1:123456789012:parameter/capstan/production/last-good-image"));
    }

    @Test
    void everyRoleTheWorkflowsAssumeIsAnOutputNamingItsVariable() {
        Map<String, String> outputs = new java.util.TreeMap<>();
        app.foundationJson().get("Outputs").properties()
                .forEach(o -> outputs.put(o.getKey(), o.getValue().get("Description").asText()));

        assertThat(outputs).containsEntry("ImagePushRoleArn", "GitHub variable IMAGE_PUSH_ROLE_ARN")
                .containsEntry("DeployRoleArn", "GitHub variable DEPLOY_ROLE_ARN")
                .containsEntry("InfrastructureRoleArn", "GitHub variable INFRASTRUCTURE_ROLE_ARN");
    }

    @Test
    void theOidcProviderIsMadeOnlyWhenTheAccountHasNoneYet() {
        app.foundation().resourcePropertiesCountIs("AWS::IAM::OIDCProvider", Map.of(
                "Url", "https://token.actions.githubusercontent.com",
                "ClientIdList", List.of("sts.amazonaws.com")), 1);

        Synthesized existing = Synthesized.with(Map.of("createGithubOidcProvider", false));
        existing.foundation().resourceCountIs("AWS::IAM::OIDCProvider", 0);
        assertThat(trustCondition(existing, "capstan-ci-deploy")).isEqualTo(trustCondition("capstan-ci-deploy"));
    }

    private JsonNode lifecycleRules() throws Exception {
        JsonNode repository = only(app.foundationJson(), "AWS::ECR::Repository");
        return Synthesized.JSON.readTree(repository.at("/Properties/LifecyclePolicy/LifecyclePolicyText").asText()).get("rules");
    }

    private Object trustCondition(String roleName) {
        return trustCondition(app, roleName);
    }

    private static Object trustCondition(Synthesized app, String roleName) {
        JsonNode statements = role(app, roleName).at("/Properties/AssumeRolePolicyDocument/Statement");
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).at("/Action").asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        return Synthesized.JSON.convertValue(statements.get(0).get("Condition"), Map.class);
    }

    private static Object subject(Synthesized app, String roleName) {
        return ((Map<?, ?>) ((Map<?, ?>) trustCondition(app, roleName)).get("StringEquals"))
                .get("token.actions.githubusercontent.com:sub");
    }

    /** A role's inline policy, resolved for the example account and region. */
    private JsonNode policy(String roleName) {
        return Templates.resolved(role(app, roleName).at("/Properties/Policies/0/PolicyDocument"), Templates.EXAMPLE_PSEUDO);
    }

    private List<JsonNode> statementsAllowing(String roleName, String action) {
        List<JsonNode> statements = new java.util.ArrayList<>();
        policy(roleName).get("Statement").forEach(s -> {
            if (Templates.strings(s.get("Action")).contains(action)) {
                statements.add(s);
            }
        });
        return statements;
    }

    private static JsonNode role(Synthesized app, String roleName) {
        return Templates.resourcesOfType(app.foundationJson(), "AWS::IAM::Role").stream()
                .filter(r -> r.at("/Properties/RoleName").asText().equals(roleName)).findFirst().orElseThrow();
    }

    private static JsonNode only(JsonNode template, String type) {
        List<JsonNode> found = Templates.resourcesOfType(template, type);
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
