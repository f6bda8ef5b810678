package dev.capstan.infra.service;

import dev.capstan.infra.Findings;
import dev.capstan.infra.Names;
import dev.capstan.infra.identity.Arns;
import dev.capstan.infra.identity.Policies;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.CfnInstanceProfile;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The instance role and its profile. The policy is inline in the role, so it exists before the launch template
 * (which names the profile) and before the group (which names the template): the very first instance's
 * CompleteLifecycleAction is allowed, and nothing refers back to the group, so there is no cycle.
 */
public final class InstanceIdentity extends Construct {
    private final Role role;
    private final CfnInstanceProfile profile;

    public InstanceIdentity(Construct scope, String id, Policies policies, Arns arns, Names names) {
        super(scope, id);
        role = Role.Builder.create(this, "Role")
                // The name the deploy role may pass to EC2 (iam:PassRole), and nothing else.
                .roleName(names.instanceRole())
                .description("Capstan instances: pull the image, complete the launch hook, write container logs, "
                        + "serve Session Manager")
                .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
                .inlinePolicies(Map.of("instance", policies.instanceRole()))
                .build();
        profile = CfnInstanceProfile.Builder.create(this, "Profile").roles(List.of(role.getRoleName())).build();
        Findings.acceptNag(role, "AwsSolutions-IAM5",
                "ecr:GetAuthorizationToken, the Auto Scaling Describe actions and ssmmessages have no resource-level "
                        + "permissions; the group's ARN carries an id unknown before it exists (its name is fixed); the "
                        + "awslogs driver names one stream per instance id in the one log group; the SSM Agent "
                        + "registers whichever instance it runs on, narrowed to the group's by their tag",
                "*", arns.autoScalingGroup(names.group()), arns.logStreams(names.logGroup()), arns.ec2("instance"));
    }

    public CfnInstanceProfile profile() {
        return profile;
    }

    /** The role's CloudFormation resource, which carries the policy: the group depends on it explicitly. */
    public CfnRole roleResource() {
        return (CfnRole) role.getNode().getDefaultChild();
    }
}
