package dev.capstan.infra.foundation;

import dev.capstan.infra.Findings;
import dev.capstan.infra.Names;
import dev.capstan.infra.identity.Arns;
import dev.capstan.infra.identity.Policies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.CfnOIDCProvider;
import software.amazon.awscdk.services.iam.FederatedPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * GitHub's OIDC provider (optional: an account has one per URL, maybe already made for another project) and the
 * three roles the workflows' jobs assume with its token. Each role trusts the token of exactly one job, by its sub
 * claim (AWS reads no other GitHub claim), which the repository's subject template makes name the job's context (its
 * environment, or its ref) and the workflow file and branch it comes from (docs/deploy.md, step 5).
 */
public final class CiIdentity extends Construct {
    /** The audience configure-aws-credentials asks GitHub for by default. */
    static final String AUDIENCE = "sts.amazonaws.com";

    private final Role imagePushRole;
    private final Role deployRole;
    private final Role infrastructureRole;

    /**
     * The sub claim of each job's token. The repository customises its subject template (PUT
     * /repos/{owner}/{repo}/actions/oidc/customization/sub with use_default false and these include_claim_keys,
     * .github/iam/oidc-subject-template.json). GitHub then writes the keys in this order, each as key:value joined by
     * ':', context as its value alone:
     * "repo:ORG-NAME/REPO-NAME:environment:ENVIRONMENT-NAME:job_workflow_ref:REUSABLE-WORKFLOW-PATH" (GitHub Docs,
     * "OpenID Connect reference", Customizing the subject claims, https://docs.github.com/en/actions/reference/security/oidc).
     * context is what follows the repository in the default sub: environment:NAME for a job in an environment,
     * otherwise ref:REF. job_workflow_ref is OWNER/REPO/PATH@REF of the file that defines the job: github.workflow_ref
     * for a job that is not in a reusable workflow (GitHub Docs, "Contexts reference", job.workflow_ref). Without it
     * the deploy and infrastructure jobs, both in the environment, would carry one sub and could assume each other's
     * role.
     */
    public record Trust(String githubRepository, String branch, String environment) {
        /** The repository's include_claim_keys, in their order in the sub. */
        public static final List<String> CLAIM_KEYS = List.of("repo", "context", "job_workflow_ref");
        static final String MAIN_WORKFLOW = ".github/workflows/main.yml";
        static final String INFRASTRUCTURE_WORKFLOW = ".github/workflows/infrastructure.yml";

        /** main.yml's image job runs without an environment, so its context is the branch. */
        String imageJobSubject() {
            return subject("ref:refs/heads/" + branch, MAIN_WORKFLOW);
        }

        /** main.yml's deploy job runs in the environment. */
        String deployJobSubject() {
            return subject("environment:" + environment, MAIN_WORKFLOW);
        }

        /** infrastructure.yml's service-stack job runs in the environment too: only the workflow file differs. */
        String infrastructureJobSubject() {
            return subject("environment:" + environment, INFRASTRUCTURE_WORKFLOW);
        }

        /** Each key's part of the sub: key:value, except context, which is its value alone (environment:NAME). */
        private String subject(String context, String workflow) {
            Map<String, String> parts = Map.of("repo", "repo:" + githubRepository, "context", context,
                    "job_workflow_ref", "job_workflow_ref:" + repositoryByName() + "/" + workflow + "@refs/heads/" + branch);
            return String.join(":", CLAIM_KEYS.stream().map(parts::get).toList());
        }

        /**
         * OWNER/REPO without the ids of the immutable form OWNER@ID/REPO@ID: GitHub adds them to the repo segment of
         * the sub only (GitHub Docs, "OpenID Connect reference", Immutable subject claims).
         */
        private String repositoryByName() {
            return githubRepository.replaceAll("@\\d+", "");
        }
    }

    public CiIdentity(Construct scope, String id, Arns arns, Policies policies, Trust trust, boolean createProvider) {
        super(scope, id);
        CfnOIDCProvider provider = null;
        if (createProvider) {
            // The native resource: no Lambda-backed custom resource. AWS trusts GitHub's endpoint through its own
            // certificate authorities, so no thumbprint is given.
            provider = CfnOIDCProvider.Builder.create(this, "GithubOidcProvider")
                    .url("https://" + Policies.GITHUB_OIDC_HOST)
                    .clientIdList(List.of(AUDIENCE))
                    .build();
        }
        // Named by ARN whether or not this stack makes it: the trust policies are the same either way.
        String providerArn = arns.oidcProvider(Policies.GITHUB_OIDC_HOST);

        // The image job's push takes minutes: the default hour is plenty.
        imagePushRole = jobRole("ImagePushRole", Names.IMAGE_PUSH_ROLE, "GitHub Actions, job image: push the service image to ECR",
                jobToken(providerArn, trust.imageJobSubject()), "image-push", policies.imagePushRole(), Duration.hours(1));
        // The deploy job asks for 90-minute credentials (its limit is 75 minutes, and they are not refreshed).
        deployRole = jobRole("DeployRole", Names.DEPLOY_ROLE, "GitHub Actions, job deploy: roll a new image out with an instance refresh",
                jobToken(providerArn, trust.deployJobSubject()), "deploy", policies.deployRole(), Duration.hours(2));
        // The infrastructure job asks for one-hour credentials, its own limit.
        infrastructureRole = jobRole("InfrastructureRole", Names.INFRASTRUCTURE_ROLE,
                "GitHub Actions, workflow infrastructure: cdk deploy of the Service stack through the CDK bootstrap roles",
                jobToken(providerArn, trust.infrastructureJobSubject()), "infrastructure", policies.infrastructureRole(),
                Duration.hours(1));
        if (provider != null) {
            imagePushRole.getNode().addDependency(provider);
            deployRole.getNode().addDependency(provider);
            infrastructureRole.getNode().addDependency(provider);
        }
        Findings.acceptNag(imagePushRole, "AwsSolutions-IAM5",
                "ecr:GetAuthorizationToken has no resource-level permissions (Service Authorization Reference); every "
                        + "other action is on the one repository", "*");
        Findings.acceptNag(deployRole, "AwsSolutions-IAM5",
                "Each wildcard is the narrowest AWS allows: the Describe actions have no resource-level permissions; "
                        + "group names are capstan-<environment> and their ARNs carry an id unknown before creation; "
                        + "launch templates are narrowed by the capstan:service tag; one last-good parameter per "
                        + "environment; RunInstances is checked on resources a launch creates (instance, volume, "
                        + "network interface: no id beforehand) and on the subnets, security groups and AMI of every "
                        + "environment's template; iam:PassRole passes each environment's instance role "
                        + "(capstan-<environment>-instance), only to EC2",
                "*", arns.autoScalingGroup(Names.GROUP_PATTERN), arns.ec2("launch-template"),
                arns.ssmParameter(Names.LAST_GOOD_PARAMETER_PATTERN), arns.ec2("subnet"), arns.ec2("security-group"),
                arns.ec2Images(), arns.ec2("volume"), arns.ec2("network-interface"), arns.ec2("instance"),
                arns.role(Names.INSTANCE_ROLE_PATTERN));
        Findings.acceptNag(infrastructureRole, "AwsSolutions-IAM5",
                "Only the read calls of rollout status are on every resource, because DescribeAutoScalingGroups, "
                        + "DescribeInstanceRefreshes, DescribeLaunchTemplates and DescribeLaunchTemplateVersions have no "
                        + "resource-level permissions (Service Authorization Reference); sts:AssumeRole names the three "
                        + "bootstrap roles and GetParameter the one parameter",
                "*");
    }

    private Role jobRole(String id, String name, String description, FederatedPrincipal trust, String policyName,
                         PolicyDocument policy, Duration maxSession) {
        return Role.Builder.create(this, id).roleName(name).description(description).assumedBy(trust)
                .inlinePolicies(Map.of(policyName, policy)).maxSessionDuration(maxSession).build();
    }

    /** Trusts the OIDC token of one job: exact audience and subject, no wildcards. */
    private static FederatedPrincipal jobToken(String providerArn, String subject) {
        // Ordered: the template is the same on every synthesis.
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put(Policies.GITHUB_OIDC_HOST + ":aud", AUDIENCE);
        claims.put(Policies.GITHUB_OIDC_HOST + ":sub", subject);
        return new FederatedPrincipal(providerArn, Map.of("StringEquals", claims), "sts:AssumeRoleWithWebIdentity");
    }

    public Role imagePushRole() {
        return imagePushRole;
    }

    public Role deployRole() {
        return deployRole;
    }

    public Role infrastructureRole() {
        return infrastructureRole;
    }
}
