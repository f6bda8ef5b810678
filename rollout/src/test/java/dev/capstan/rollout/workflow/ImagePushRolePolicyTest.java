package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The image push role allows exactly the ECR calls the image job makes, on the one repository. */
class ImagePushRolePolicyTest {
    static final Path POLICY = Workflow.REPOSITORY_ROOT.resolve(".github/iam/image-push-role-policy.json");
    static final Workflow WORKFLOW = Workflow.main();

    /** amazon-ecr-login: one call, then docker login with the token it returns. */
    static final Map<String, String> LOGIN = Map.of(
            "ecr:GetAuthorizationToken", "amazon-ecr-login turns it into a docker login for the registry");

    /** A registry v2 push, as ECR authorizes each request of it. */
    static final Map<String, String> PUSH = Map.of(
            "ecr:BatchCheckLayerAvailability", "HEAD /v2/<repo>/blobs/<digest>: skip layers the repository has",
            "ecr:InitiateLayerUpload", "POST /v2/<repo>/blobs/uploads/: start a layer upload",
            "ecr:UploadLayerPart", "PATCH the upload with the layer's bytes",
            "ecr:CompleteLayerUpload", "PUT the upload with ?digest=: finish the layer",
            "ecr:PutImage", "PUT /v2/<repo>/manifests/<tag>: the manifest, which creates the tag",
            "ecr:BatchGetImage", "HEAD/GET /v2/<repo>/manifests/<ref>: the pusher checks the manifest it pushes");

    static List<JsonNode> statements;

    @BeforeAll
    static void readPolicy() throws Exception {
        statements = new ArrayList<>();
        new ObjectMapper().readTree(POLICY.toFile()).get("Statement").forEach(statements::add);
    }

    @Test
    void theImageJobMakesTheseEcrCalls() {
        assertThat(callsOfTheImageJob().keySet()).containsExactlyInAnyOrder("ecr:GetAuthorizationToken",
                "ecr:DescribeImages", "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload",
                "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage");
    }

    @Test
    void allowsExactlyTheCallsTheImageJobMakes() {
        Set<String> allowed = new TreeSet<>();
        statements.forEach(s -> allowed.addAll(Workflow.strings(s.get("Action"))));

        assertThat(allowed).containsExactlyInAnyOrderElementsOf(callsOfTheImageJob().keySet());
    }

    @Test
    void onlyTheRegistryLoginIsAllowedOnEveryResource() {
        for (JsonNode s : statements) {
            assertThat(s.get("Effect").asText()).isEqualTo("Allow");
            List<String> actions = Workflow.strings(s.get("Action"));
            List<String> resources = Workflow.strings(s.get("Resource"));
            if (actions.equals(List.of("ecr:GetAuthorizationToken"))) {
                assertThat(resources).containsExactly("*"); // it has no resource-level permissions
            } else {
                assertThat(actions).as(s.get("Sid").asText()).doesNotContain("ecr:GetAuthorizationToken");
                assertThat(resources).as(s.get("Sid").asText()).singleElement()
                        .asString().matches("arn:aws:ecr:[a-z0-9-]+:\\d{12}:repository/[a-z0-9._/-]+");
            }
        }
    }

    /** Each ECR action with the reason the job needs it, read from the steps of the image job. */
    static Map<String, String> callsOfTheImageJob() {
        Map<String, String> calls = new TreeMap<>();
        for (Workflow.Step step : WORKFLOW.steps("image")) {
            if ("aws-actions/amazon-ecr-login".equals(step.action())) {
                calls.putAll(LOGIN);
            }
            if ("docker/build-push-action".equals(step.action()) && "true".equals(step.with().get("push"))) {
                calls.putAll(PUSH);
            }
            Matcher cli = Pattern.compile("\\baws ecr ([a-z-]+)").matcher(step.run().orElse(""));
            while (cli.find()) {
                calls.put("ecr:" + pascalCase(cli.group(1)), step.label());
            }
        }
        return calls;
    }

    private static String pascalCase(String command) {
        StringBuilder out = new StringBuilder();
        for (String part : command.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
