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
 * three roles the workflows' jobs assume with its token. Each role trusts the token of the job it is for, by its
 * sub claim; the deploy and infrastructure jobs both run in the environment, so their tokens carry the same sub
 * (AWS reads no other GitHub claim), and what keeps both roles to main is the environment's branch rule.
 */
public final class CiIdentity extends Construct {
    /** The audience configure-aws-credentials asks GitHub for by default. */
    static final String AUDIENCE = "sts.amazonaws.com";

    private final Role imagePushRole;
    private final Role deployRole;
    private final Role infrastructureRole;

    public record Trust(String githubRepository, String branch, String environment) {
        /** The image job runs without an environment, so its token names the branch. */
        String imageJobSubject() {
            return "repo:" + githubRepository + ":ref:refs/heads/" + branch;
        }

        /**
         * The deploy job and the infrastructure job run in the environment, so their tokens name the environment
         * instead of the branch.
         */
        String environmentJobSubject() {
            return "repo:" + githubRepository + ":environment:" + environment;
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
                jobToken(providerArn, trust.environmentJobSubject()), "deploy", policies.deployRole(), Duration.hours(2));
        // The infrastructure job asks for one-hour credentials, its own limit.
        infrastructureRole = jobRole("InfrastructureRole", Names.INFRASTRUCTURE_ROLE,
                "GitHub Actions, workflow infrastructure: cdk deploy of the Service stack through the CDK bootstrap roles",
                jobToken(providerArn, trust.environmentJobSubject()), "infrastructure", policies.infrastructureRole(),
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
