package dev.capstan.infra.identity;

import dev.capstan.infra.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Every permission policy of the project, the one source of truth: the stacks attach these documents, and the
 * committed JSON files (.github/iam/, rollout/iam/, userdata/) are these documents rendered for the example values,
 * which a test keeps equal. Each statement names the call that needs it.
 */
public record Policies(Arns arns, Names names) {
    public static final String GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";

    /**
     * The instance role: what boot.sh, the Docker daemon and the SSM Agent on an instance call, and nothing else. The
     * last-good parameter is deliberately absent: boot.sh never reads it (the image digest is in the user-data
     * itself), and the project grants only what the code really calls (.ci/boot-rehearsal checks this policy against
     * the calls the script makes). The SSM Agent's part is the documented minimal Session Manager instance profile
     * (the actions of the AWS managed policy AWSCloud9SSMInstanceProfile), not AmazonSSMManagedInstanceCore, which
     * adds parameters, documents, inventory and Run Command's ec2messages.
     */
    public PolicyDocument instanceRole() {
        return document(
                // boot.sh: aws ecr get-login-password | docker login. The action has no resource-level permissions.
                statement("LogInToTheRegistry", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                // boot.sh: docker pull <registry>/<repository>@<digest> (the manifest, then each layer).
                statement("PullTheServiceImage", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                        List.of(arns.ecrRepository(names.repository()))),
                // boot.sh: describe-auto-scaling-instances (am I in Pending:Wait?) and describe-lifecycle-hooks (which
                // launch hooks to complete). Describe actions have no resource-level permissions.
                statement("ReadTheLaunchLifecycle",
                        List.of("autoscaling:DescribeAutoScalingInstances", "autoscaling:DescribeLifecycleHooks"), List.of("*")),
                // boot.sh: complete-lifecycle-action CONTINUE once ready, ABANDON on any failure; its own group only.
                statement("CompleteTheLaunchLifecycleActionOfTheGroup", List.of("autoscaling:CompleteLifecycleAction"),
                        List.of(arns.autoScalingGroup(names.group()))),
                // The Docker daemon's awslogs driver: one stream per instance in the environment's log group.
                statement("WriteContainerLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(arns.logStreams(names.logGroup()))),
                // The SSM Agent (installed and enabled on the ECS-optimized AMI): registers the instance and reports
                // in, which Session Manager needs before it opens a session to it. The action takes the calling
                // instance as its resource (Service Authorization Reference, Systems Manager: resource types
                // instance and managed-instance): EC2 instances of this account and region, of this group only.
                statement("RegisterTheGroupsInstancesWithSessionManager", List.of("ssm:UpdateInstanceInformation"),
                        List.of(arns.ec2("instance")), groupInstances()),
                // The SSM Agent: its control channel (CreateControlChannel, OpenControlChannel) and each session's
                // data channel (CreateDataChannel, OpenDataChannel), which carries a port-forwarding session to
                // 127.0.0.1:8081. ssmmessages defines no resource type (Service Authorization Reference, Amazon
                // Message Gateway Service), so "*"; its only condition keys name the calling instance, which the
                // credentials of this role always carry.
                statement("OpenSessionManagerChannels", List.of("ssmmessages:CreateControlChannel",
                        "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel",
                        "ssmmessages:OpenDataChannel"), List.of("*")));
    }

    /**
     * An operator of the environment (a managed policy, attached to people's roles, groups or IAM Identity Center
     * permission sets): reach any instance's admin port (127.0.0.1:8081) through Session Manager port forwarding, and
     * read the environment's dashboard. No shell: sessions start only with the port-forwarding document.
     */
    public PolicyDocument operator() {
        // Every ssm:StartSession statement carries this condition (the Session Manager guide, "Enforce a session
        // document permission check"): a start-session without --document-name would otherwise open the default
        // shell document, SSM-SessionManagerRunShell, which this policy never names; with it, it is refused.
        Map<String, Object> documentAccessCheck = Map.of("BoolIfExists",
                Map.of("ssm:SessionDocumentAccessCheck", "true"));
        Map<String, Object> onTheGroupsInstances = new LinkedHashMap<>(groupInstances());
        onTheGroupsInstances.putAll(documentAccessCheck);
        return document(
                // aws ssm start-session --target i-... --document-name AWS-StartPortForwardingSession (the command
                // rollout admin prints): the target must be one of the group's instances, by the tag Auto Scaling
                // puts on each, in this account and region.
                statement("StartSessionsOnTheGroupsInstances", List.of("ssm:StartSession"),
                        List.of(arns.ec2("instance")), onTheGroupsInstances),
                // The same call, on its document: the port-forwarding one only (AWS owns it; no account in its ARN).
                statement("OnlyWithThePortForwardingDocument", List.of("ssm:StartSession"),
                        List.of(arns.ssmAwsDocument(Names.PORT_FORWARDING_DOCUMENT)), documentAccessCheck),
                // The Session Manager plugin opens the session's data channel as the operator. AWS's end-user sample
                // policies name the caller's own sessions so (Session Manager guide, "Sample IAM policies"); the
                // Service Authorization Reference lists no resource type for the action yet.
                statement("OpenOwnSessionsDataChannels", List.of("ssmmessages:OpenDataChannel"),
                        List.of(arns.ssmSessions("${aws:userid}-*"))),
                // aws ssm terminate-session / resume-session (and the plugin, on Ctrl-C or a dropped connection): the
                // operator's own sessions only, by the tag Session Manager puts on each session, the caller's user
                // id for an IAM user and role-id:session-name for an assumed or federated role, exactly aws:userid
                // (Session Manager guide, "Allow a user to end only sessions they started", method 2). Session ids
                // begin with the user or role session name, so session/${aws:userid}-* would match none of them.
                statement("EndOrResumeOwnSessions", List.of("ssm:TerminateSession", "ssm:ResumeSession"),
                        List.of(arns.ssmSessions("*")),
                        Map.of("StringEquals", Map.of("ssm:resourceTag/aws:ssmmessages:session-id", "${aws:userid}"))),
                // rollout admin: DescribeAutoScalingGroups (an InService instance of the group to forward to). No
                // resource-level permissions.
                statement("FindAnInServiceInstance", List.of("autoscaling:DescribeAutoScalingGroups"), List.of("*")),
                // The CloudWatch console (or aws cloudwatch get-dashboard) opening the environment's dashboard.
                statement("OpenTheDashboard", List.of("cloudwatch:GetDashboard"),
                        List.of(arns.cloudWatchDashboard(names.dashboard()))),
                // The dashboard's graphs: GetMetricData (every graph, search expressions included) and ListMetrics
                // (the console's metric browser). Both name resources only for OTLP datasets, so "*" for metrics.
                statement("ReadTheDashboardsMetrics", List.of("cloudwatch:GetMetricData", "cloudwatch:ListMetrics"),
                        List.of("*")),
                // The dashboard's alarm status widget: DescribeAlarms of the three alarms a refresh watches.
                statement("ReadTheRefreshAlarms", List.of("cloudwatch:DescribeAlarms"),
                        names.refreshAlarms().stream().map(arns::cloudWatchAlarm).toList()));
    }

    /**
     * The group's instances, by the tag Auto Scaling puts on every instance it launches, as Systems Manager reads an
     * instance's tags (ssm:resourceTag/...): the key of the Session Manager guide's "Restrict access based on tags".
     */
    private Map<String, Object> groupInstances() {
        return Map.of("StringEquals", Map.of("ssm:resourceTag/" + Names.GROUP_NAME_TAG, names.group()));
    }

    /** The image job: log in, look for the tag, push. Checked against the workflow by ImagePushRolePolicyTest. */
    public PolicyDocument imagePushRole() {
        return document(
                // aws-actions/amazon-ecr-login. The action has no resource-level permissions.
                statement("LogInToTheRegistry", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                // aws ecr describe-images (is the tag already there?), then the registry v2 push of docker/build-push-action.
                statement("FindTheTagAndPushTheServiceImage", List.of("ecr:DescribeImages", "ecr:BatchGetImage",
                        "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                        "ecr:CompleteLayerUpload", "ecr:PutImage"), List.of(arns.ecrRepository(names.repository()))));
    }

    /**
     * The deploy job: exactly what rollout deploy, status, rollback, cancel and prune call, plus what AWS checks
     * against the caller when an instance refresh launches from a launch template. Checked against the calls the CLI
     * makes by DeployRolePolicyTest.
     */
    public PolicyDocument deployRole() {
        String launchTemplates = arns.ec2("launch-template");
        Map<String, Object> serviceTemplates = Map.of("StringEquals",
                Map.of("aws:ResourceTag/" + Names.SERVICE_TAG_KEY, Names.SERVICE_TAG_VALUE));
        return document(
                // DescribeAutoScalingGroups (group, tags, current version), DescribeInstanceRefreshes (progress,
                // history for the reconciliation). Neither has resource-level permissions.
                statement("ReadGroupsAndRefreshes",
                        List.of("autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeInstanceRefreshes"), List.of("*")),
                // StartInstanceRefresh (deploy), CancelInstanceRefresh (cancel, timeout), RollbackInstanceRefresh (rollback).
                statement("RefreshTheServiceGroups", List.of("autoscaling:StartInstanceRefresh",
                        "autoscaling:CancelInstanceRefresh", "autoscaling:RollbackInstanceRefresh"),
                        List.of(arns.autoScalingGroup(Names.GROUP_PATTERN))),
                // DescribeLaunchTemplates / DescribeLaunchTemplateVersions (the group's version G, its description),
                // DescribeImages (the AMI's architecture against an image index). No resource-level permissions.
                statement("ReadLaunchTemplatesAndImages", List.of("ec2:DescribeLaunchTemplates",
                        "ec2:DescribeLaunchTemplateVersions", "ec2:DescribeImages"), List.of("*")),
                // CreateLaunchTemplateVersion (deploy), ModifyLaunchTemplate (default := N on success),
                // DeleteLaunchTemplateVersions (prune); only templates tagged as the service's.
                statement("VersionTheServiceLaunchTemplates", List.of("ec2:CreateLaunchTemplateVersion",
                        "ec2:ModifyLaunchTemplate", "ec2:DeleteLaunchTemplateVersions"), List.of(launchTemplates),
                        serviceTemplates),
                // DescribeRepositories (registry host), DescribeImages (tag -> digest, status, media type),
                // BatchGetImage (an image index's platforms).
                statement("ReadTheRepository", List.of("ecr:DescribeImages", "ecr:DescribeRepositories", "ecr:BatchGetImage"),
                        List.of(arns.ecrRepository(names.repository()))),
                // GetParameter (reconcile before a deploy), PutParameter (after Successful, or a repair).
                statement("ReadAndRecordTheLastGoodImage", List.of("ssm:GetParameter", "ssm:PutParameter"),
                        List.of(arns.ssmParameter(Names.LAST_GOOD_PARAMETER_PATTERN))),
                // StartInstanceRefresh checks that the caller could launch from the template itself: RunInstances on
                // the launch template (only the service's, by tag) ...
                statement("LaunchFromTheServiceLaunchTemplates", List.of("ec2:RunInstances"), List.of(launchTemplates),
                        serviceTemplates),
                // ... and on every resource the launch uses or creates, named by type, in this account and region.
                statement("LaunchWithTheseResources", List.of("ec2:RunInstances"), List.of(
                        arns.ec2("subnet"), arns.ec2("security-group"), arns.ec2Images(), arns.ec2("volume"),
                        arns.ec2("network-interface"), arns.ec2("instance"))),
                // The template's tag specifications are applied at launch, as the caller; never on existing resources.
                statement("TagOnlyWhileLaunching", List.of("ec2:CreateTags"),
                        List.of(arns.ec2("instance"), arns.ec2("volume"), arns.ec2("network-interface")),
                        Map.of("StringEquals", Map.of("ec2:CreateAction", "RunInstances"))),
                // The template's instance profile passes the instance role to EC2 on the caller's behalf.
                statement("PassOnlyTheInstanceRoleToEc2", List.of("iam:PassRole"), List.of(arns.role(Names.INSTANCE_ROLE_PATTERN)),
                        Map.of("StringEquals", Map.of("iam:PassedToService", "ec2.amazonaws.com"))));
    }

    /**
     * The infrastructure workflow's job: rollout status (reads only), then cdk deploy of the environment's Service
     * stack. This role changes nothing itself: the CDK CLI assumes the bootstrap roles, and CloudFormation changes
     * the stack with the bootstrap stack's execution role. Checked against the workflow by InfrastructureJobIT (the
     * status step's calls) and ServiceStackDeployTest (the roles the cloud assembly names).
     */
    public PolicyDocument infrastructureRole() {
        return document(
                // cdk deploy: the deploy role (CloudFormation change set, stack events), the file publishing role
                // (uploads the template to the bootstrap bucket) and the lookup role (reads the deployed template for
                // the diff); this account and region's only, under the default qualifier.
                statement("AssumeTheCdkBootstrapRoles", List.of("sts:AssumeRole"), List.of(arns.cdkBootstrapRole("deploy"),
                        arns.cdkBootstrapRole("file-publishing"), arns.cdkBootstrapRole("lookup"))),
                // rollout status: DescribeAutoScalingGroups (the group, its version, its tags) and
                // DescribeInstanceRefreshes (is a refresh active?). Neither has resource-level permissions.
                statement("ReadTheGroupAndItsRefreshes",
                        List.of("autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeInstanceRefreshes"), List.of("*")),
                // rollout status: DescribeLaunchTemplates (default and latest version) and
                // DescribeLaunchTemplateVersions (the image of each recent version). No resource-level permissions.
                statement("ReadTheLaunchTemplate",
                        List.of("ec2:DescribeLaunchTemplates", "ec2:DescribeLaunchTemplateVersions"), List.of("*")),
                // rollout status: GetParameter (the last-good image the group's tag names); this environment's only.
                statement("ReadTheLastGoodImage", List.of("ssm:GetParameter"),
                        List.of(arns.ssmParameter(names.lastGoodParameter()))));
    }

    private static PolicyDocument document(PolicyStatement... statements) {
        return PolicyDocument.Builder.create().statements(List.of(statements)).build();
    }

    private static PolicyStatement statement(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).actions(actions).resources(resources).build();
    }

    private static PolicyStatement statement(String sid, List<String> actions, List<String> resources,
                                             Map<String, Object> conditions) {
        return PolicyStatement.Builder.create().sid(sid).actions(actions).resources(resources).conditions(conditions).build();
    }
}
