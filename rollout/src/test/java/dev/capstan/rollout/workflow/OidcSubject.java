package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sub claim of a job's OIDC token as GitHub writes it under a subject template: the repository's
 * (.github/iam/oidc-subject-template.json, which docs/deploy.md has the repository set once), or any other list of
 * include_claim_keys. No library computes GitHub's sub, hence this model of the documented rules (GitHub Docs,
 * "OpenID Connect reference", https://docs.github.com/en/actions/reference/security/oidc):
 * <ul>
 * <li>the keys in the template's order, each as key:value, joined by ':'; context as its value alone
 * ("repo:ORG-NAME/REPO-NAME:environment:ENVIRONMENT-NAME:job_workflow_ref:REUSABLE-WORKFLOW-PATH");</li>
 * <li>context is environment:NAME when the job names an environment, else pull_request on a pull request, else
 * ref:REF ("Example subject claims");</li>
 * <li>job_workflow_ref is OWNER/REPO/PATH@REF of the file that defines the job, for a job outside a reusable
 * workflow the same as github.workflow_ref ("Contexts reference", job.workflow_ref);</li>
 * <li>a ':' inside a value becomes %3A; with the id-based repository form only the repo segment carries the ids.</li>
 * </ul>
 * A key this model does not know fails the test instead of guessing.
 */
record OidcSubject(List<String> claimKeys) {
    static final Path REPOSITORY_TEMPLATE = Workflow.REPOSITORY_ROOT.resolve(".github/iam/oidc-subject-template.json");
    /** GitHub's default template, for a repository that never customised it. */
    static final OidcSubject DEFAULT = new OidcSubject(List.of("repo", "context"));

    /** The template the repository sets: use_default false and its include_claim_keys. */
    static OidcSubject repositoryTemplate() {
        try {
            JsonNode template = new ObjectMapper().readTree(REPOSITORY_TEMPLATE.toFile());
            assertThat(template.path("use_default").isBoolean() && !template.path("use_default").booleanValue())
                    .as("use_default false in " + REPOSITORY_TEMPLATE + ", or GitHub ignores include_claim_keys").isTrue();
            return new OidcSubject(Workflow.strings(template.path("include_claim_keys")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + REPOSITORY_TEMPLATE, e);
        }
    }

    /**
     * The sub of the token that job {@code jobId} of {@code workflow} gets in a run started by {@code event}.
     *
     * @param repository OWNER/REPO, or OWNER@ID/REPO@ID in the id-based form
     */
    String of(String repository, Workflow workflow, String jobId, Map<String, Object> event) {
        String ref = event.get("github.ref").toString();
        List<String> parts = new ArrayList<>();
        for (String key : claimKeys) {
            parts.add(switch (key) {
                case "repo" -> "repo:" + repository;
                case "context" -> context(workflow.job(jobId), event, ref);
                case "job_workflow_ref" -> "job_workflow_ref:" + escaped(repository.replaceAll("@\\d+", "") + "/"
                        + Workflow.REPOSITORY_ROOT.relativize(workflow.file()) + "@" + ref);
                default -> throw new IllegalArgumentException("The claim key " + key + " is not modelled here");
            });
        }
        return String.join(":", parts);
    }

    private static String context(JsonNode job, Map<String, Object> event, String ref) {
        JsonNode environment = job.path("environment");
        String name = environment.isObject() ? environment.path("name").asText() : environment.asText();
        assertThat(Expression.containsExpression(name)).as("a literal environment name: " + name).isFalse();
        if (!name.isEmpty()) {
            return "environment:" + escaped(name);
        }
        if ("pull_request".equals(event.get("github.event_name"))) {
            return "pull_request";
        }
        return "ref:" + escaped(ref);
    }

    private static String escaped(String value) {
        return value.replace(":", "%3A");
    }
}
