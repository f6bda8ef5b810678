package dev.capstan.infra.identity;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Stack;

/**
 * ARNs of the resources the policies name, built from names rather than from resource references: a policy can
 * then exist before the resource it names (the instance role's policy before its group), and the deploy role in the
 * Foundation stack can name what the Service stack creates. The partition is the stack's own, so the same
 * policies work in aws-cn and aws-us-gov.
 */
public record Arns(String partition, String region, String account) {
    public static Arns of(Stack stack) {
        return new Arns(Aws.PARTITION, stack.getRegion(), stack.getAccount());
    }

    public String ecrRepository(String name) {
        return "arn:" + partition + ":ecr:" + region + ":" + account + ":repository/" + name;
    }

    public String role(String name) {
        return "arn:" + partition + ":iam::" + account + ":role/" + name;
    }

    /**
     * One of the roles {@code cdk bootstrap} makes in this account and region, e.g. {@code cdkBootstrapRole("deploy")}
     * is {@code cdk-hnb659fds-deploy-role-<account>-<region>}. The AWS CDK Developer Guide names bootstrap resources
     * cdk-&lt;qualifier&gt;-&lt;description&gt;-&lt;account-ID&gt;-&lt;Region&gt; ("Bootstrap your environment for use
     * with the AWS CDK", https://docs.aws.amazon.com/cdk/v2/guide/bootstrapping-env.html); the roles' descriptions are
     * the RoleNames of the bootstrap template (aws/aws-cdk-cli, packages/aws-cdk/lib/api/bootstrap/bootstrap-template.yaml).
     * The qualifier is the default one, which this app's stacks synthesize with.
     */
    public String cdkBootstrapRole(String purpose) {
        return role("cdk-" + DefaultStackSynthesizer.DEFAULT_QUALIFIER + "-" + purpose + "-role-" + account + "-" + region);
    }

    public String oidcProvider(String host) {
        return "arn:" + partition + ":iam::" + account + ":oidc-provider/" + host;
    }

    /** A group by name (or name pattern); the group's id in the ARN is unknown until it exists, hence the *. */
    public String autoScalingGroup(String name) {
        return "arn:" + partition + ":autoscaling:" + region + ":" + account + ":autoScalingGroup:*:autoScalingGroupName/" + name;
    }

    /** An EC2 resource type in this account, e.g. {@code ec2("subnet")}: every resource of that type. */
    public String ec2(String resourceType) {
        return "arn:" + partition + ":ec2:" + region + ":" + account + ":" + resourceType + "/*";
    }

    /** Images belong to their owner's account, which may be AWS's (the ECS-optimized AMI): no account in the ARN. */
    public String ec2Images() {
        return "arn:" + partition + ":ec2:" + region + "::image/*";
    }

    /** Parameter names start with '/', which the ARN does not repeat. */
    public String ssmParameter(String name) {
        return "arn:" + partition + ":ssm:" + region + ":" + account + ":parameter" + name;
    }

    /** A document AWS owns (AWS-...): such documents belong to no account, so the ARN names none. */
    public String ssmAwsDocument(String name) {
        return "arn:" + partition + ":ssm:" + region + "::document/" + name;
    }

    /** Session Manager sessions of this account and region whose id matches the pattern. */
    public String ssmSessions(String idPattern) {
        return "arn:" + partition + ":ssm:" + region + ":" + account + ":session/" + idPattern;
    }

    /** Dashboards are global: the ARN names no region. */
    public String cloudWatchDashboard(String name) {
        return "arn:" + partition + ":cloudwatch::" + account + ":dashboard/" + name;
    }

    public String cloudWatchAlarm(String name) {
        return "arn:" + partition + ":cloudwatch:" + region + ":" + account + ":alarm:" + name;
    }

    /** Every stream of one log group. */
    public String logStreams(String logGroup) {
        return "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:" + logGroup + ":*";
    }
}
