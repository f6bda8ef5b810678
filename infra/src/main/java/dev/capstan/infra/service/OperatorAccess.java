package dev.capstan.infra.service;

import dev.capstan.infra.Findings;
import dev.capstan.infra.Names;
import dev.capstan.infra.identity.Arns;
import dev.capstan.infra.identity.Policies;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.constructs.Construct;

/**
 * What an operator of the environment may do, as one customer managed policy named for the environment: forward a
 * local port to an instance's admin port through Session Manager, and read the dashboard. The stack attaches it to
 * nobody: an administrator attaches it to the operators' roles or groups, or names it in an IAM Identity Center
 * permission set (docs/infrastructure.md, "Operator access").
 */
public final class OperatorAccess extends Construct {
    private final ManagedPolicy policy;

    public OperatorAccess(Construct scope, String id, Policies policies, Arns arns, Names names) {
        super(scope, id);
        policy = ManagedPolicy.Builder.create(this, "Policy")
                .managedPolicyName(names.operatorPolicy())
                .description("Capstan " + names.environment() + " operators: port forwarding to the admin port of the "
                        + "group's instances, the dashboard")
                .document(policies.operator())
                .build();
        Findings.acceptNag(policy, "AwsSolutions-IAM5",
                "Describe, GetMetricData and ListMetrics have no resource-level permissions for metrics; the group's "
                        + "instances are every instance ARN narrowed by their group tag; the sessions are the "
                        + "operator's own, by the session's user id or its tag",
                "*", arns.ec2("instance"), arns.ssmSessions("*"), arns.ssmSessions("${aws:userid}-*"));
    }

    public ManagedPolicy policy() {
        return policy;
    }
}
