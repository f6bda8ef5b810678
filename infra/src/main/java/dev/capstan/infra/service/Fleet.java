package dev.capstan.infra.service;

import dev.capstan.infra.Findings;
import dev.capstan.infra.Names;
import dev.capstan.userdata.RenderedUserData;
import java.util.List;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.autoscaling.CfnAutoScalingGroup;
import software.amazon.awscdk.services.ec2.CfnLaunchTemplate;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The launch template and the Auto Scaling group, and what the instances need from the stack: their security group
 * and their log group. Written with the CloudFormation-level resources so that every property is visible here and
 * nothing is added behind the reader's back (no update policy, no desired capacity, no separate hook resource).
 */
public final class Fleet extends Construct {
    /**
     * The ECS-optimized Amazon Linux 2023 image: Docker is already installed (boot.sh only starts it). x86_64; for a
     * Graviton instance type deploy with the parameter set to .../amazon-linux-2023/arm64/recommended/image_id.
     */
    public static final String AMI_PARAMETER = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
    /** The root device of Amazon Linux 2023 images, and its size: the image's own snapshot is 30 GiB. */
    static final String ROOT_DEVICE = "/dev/xvda";
    static final int ROOT_VOLUME_GIB = 30;
    /** The group metrics the alarms and the dashboard read (published every minute once collection is on). */
    static final List<String> GROUP_METRICS = List.of("GroupDesiredCapacity", "GroupInServiceInstances",
            "GroupPendingInstances", "GroupTerminatingInstances", "GroupStandbyInstances", "GroupTotalInstances");

    private final SecurityGroup securityGroup;
    private final CfnLaunchTemplate launchTemplate;
    private final CfnAutoScalingGroup group;
    private final RenderedUserData userData;

    public record Size(String instanceType, int minSize, int maxSize) {
    }

    public Fleet(Construct scope, String id, Names names, Size size, Network network, LoadBalancer loadBalancer,
                 InstanceIdentity identity) {
        super(scope, id);
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(network.vpc())
                .description("Instances: the application port from the load balancer only; HTTPS out to AWS services")
                .allowAllOutbound(false).build();
        // The admin port (8081) is published on the instance's loopback only and never opened here; no SSH either.
        loadBalancer.forwardTo(securityGroup);
        network.allowAwsServicesFrom(securityGroup);

        LogGroup logGroup = LogGroup.Builder.create(this, "Logs")
                .logGroupName(names.logGroup())
                // A year of container logs: request and error history for audits; CloudWatch charges per GB stored.
                .retention(RetentionDays.ONE_YEAR)
                // Logs outlive the stack: they are the record of what the fleet did.
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        CfnParameter ami = CfnParameter.Builder.create(this, "Ami")
                // Resolved to a concrete image id when the stack is deployed, so the template version holds an id,
                // not "resolve:ssm:" (AWS cannot roll back an instance refresh from such a version).
                .type("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>")
                .defaultValue(AMI_PARAMETER)
                .description("SSM parameter of the instances' AMI (ECS-optimized Amazon Linux 2023: Docker preinstalled)")
                .build();
        ami.overrideLogicalId("ServiceAmiParameter");

        LastGoodImage image = new LastGoodImage(this, "LastGoodImage", names.lastGoodParameter());
        userData = BootScript.render(image, names.group(), names.logGroup());

        launchTemplate = CfnLaunchTemplate.Builder.create(this, "LaunchTemplate")
                .launchTemplateName(names.launchTemplate())
                // The CLI writes the same description on every version it makes.
                .versionDescription(image.versionDescription())
                // The deploy role may only version launch templates with this tag.
                .tagSpecifications(List.of(CfnLaunchTemplate.LaunchTemplateTagSpecificationProperty.builder()
                        .resourceType("launch-template")
                        .tags(List.of(tag(Names.SERVICE_TAG_KEY, Names.SERVICE_TAG_VALUE)))
                        .build()))
                .launchTemplateData(CfnLaunchTemplate.LaunchTemplateDataProperty.builder()
                        .imageId(ami.getValueAsString())
                        .instanceType(size.instanceType())
                        .iamInstanceProfile(CfnLaunchTemplate.IamInstanceProfileProperty.builder()
                                .arn(identity.profile().getAttrArn()).build())
                        // IMDSv2 only, and one hop: boot.sh reads the metadata, the container (one hop further,
                        // on Docker's bridge) cannot reach it, and so never the instance role.
                        .metadataOptions(CfnLaunchTemplate.MetadataOptionsProperty.builder()
                                .httpEndpoint("enabled")
                                .httpTokens("required")
                                .httpPutResponseHopLimit(1)
                                .instanceMetadataTags("disabled")
                                .build())
                        .blockDeviceMappings(List.of(CfnLaunchTemplate.BlockDeviceMappingProperty.builder()
                                .deviceName(ROOT_DEVICE)
                                .ebs(CfnLaunchTemplate.EbsProperty.builder()
                                        .volumeType("gp3")
                                        .volumeSize(ROOT_VOLUME_GIB)
                                        .encrypted(true)
                                        .deleteOnTermination(true)
                                        .build())
                                .build()))
                        // No public address, in private subnets; the group's subnets decide where.
                        .networkInterfaces(List.of(CfnLaunchTemplate.NetworkInterfaceProperty.builder()
                                .deviceIndex(0)
                                .associatePublicIpAddress(false)
                                .groups(List.of(securityGroup.getSecurityGroupId()))
                                .deleteOnTermination(true)
                                .build()))
                        .userData(Fn.base64(userData.script()))
                        // The same instance tag the CLI writes: which image tag an instance was launched with.
                        .tagSpecifications(List.of(CfnLaunchTemplate.TagSpecificationProperty.builder()
                                .resourceType("instance")
                                .tags(List.of(tag(Names.IMAGE_TAG_TAG, image.tag())))
                                .build()))
                        .build())
                .build();

        group = CfnAutoScalingGroup.Builder.create(this, "Group")
                // The name the IAM patterns (capstan-*) and the workflow's ASG_NAME use.
                .autoScalingGroupName(names.group())
                // A numbered version, never $Latest/$Default: AWS can roll a refresh back only to a numbered one.
                // A stack update that changes the template data makes a new version and points the group at it;
                // the template's default version stays where the last successful rollout put it.
                .launchTemplate(CfnAutoScalingGroup.LaunchTemplateSpecificationProperty.builder()
                        .launchTemplateId(launchTemplate.getRef())
                        .version(launchTemplate.getAttrLatestVersionNumber())
                        .build())
                .minSize(String.valueOf(size.minSize()))
                .maxSize(String.valueOf(size.maxSize()))
                // No DesiredCapacity: it starts at MinSize, and afterwards only scaling and the rollout change it;
                // a stack update never resets it.
                .vpcZoneIdentifier(network.vpc().selectSubnets(network.privateSubnets()).getSubnetIds())
                // The zones of those subnets, written out: two or more, so the loss of one leaves the others serving.
                .availabilityZones(network.vpc().getAvailabilityZones())
                .targetGroupArns(List.of(loadBalancer.targetGroup().getTargetGroupArn()))
                // The load balancer's readiness verdict replaces an instance that stops being ready, not only one
                // whose EC2 status checks fail.
                .healthCheckType("ELB")
                .healthCheckGracePeriod(Timings.HEALTH_CHECK_GRACE_SECONDS)
                .defaultInstanceWarmup(Timings.INSTANCE_WARMUP_SECONDS)
                // Replacements launch first and old instances stop only once the new ones are healthy: never below
                // the desired capacity during a refresh (and the CLI sends no percentages of its own).
                .instanceMaintenancePolicy(CfnAutoScalingGroup.InstanceMaintenancePolicyProperty.builder()
                        .minHealthyPercentage(100).maxHealthyPercentage(200).build())
                // Declared on the group, so that the very first instances wait for boot.sh too.
                .lifecycleHookSpecificationList(List.of(CfnAutoScalingGroup.LifecycleHookSpecificationProperty.builder()
                        .lifecycleHookName(Names.LAUNCH_HOOK)
                        .lifecycleTransition("autoscaling:EC2_INSTANCE_LAUNCHING")
                        .defaultResult("ABANDON")
                        .heartbeatTimeout(Timings.LAUNCH_HOOK_HEARTBEAT_SECONDS)
                        .build()))
                .metricsCollection(List.of(CfnAutoScalingGroup.MetricsCollectionProperty.builder()
                        .granularity("1Minute").metrics(GROUP_METRICS).build()))
                .newInstancesProtectedFromScaleIn(false)
                // Where the CLI finds the last-good parameter and the log group (its defaults for --last-good-parameter
                // and --log-group), so it renders exactly what this stack renders.
                .tags(List.of(
                        groupTag(Names.LAST_GOOD_PARAMETER_TAG, names.lastGoodParameter()),
                        groupTag(Names.LOG_GROUP_TAG, names.logGroup())))
                .build();
        // The instance role's policy (CompleteLifecycleAction) and the log group exist before the first instance.
        group.addDependency(identity.roleResource());
        group.getNode().addDependency(logGroup);
        Findings.acceptLint(group, "The zones come from the context, named on purpose (no lookup at synthesis); "
                + "they are the zones of the group's subnets", "W3010");
        Findings.acceptNag(group, "AwsSolutions-AS3",
                "Scaling and refresh activity is on the dashboard, in the alarms the refresh watches and in the "
                        + "rollout's own output; an SNS topic with no subscriber would add nothing");
    }

    private static CfnTag tag(String key, String value) {
        return CfnTag.builder().key(key).value(value).build();
    }

    private static CfnAutoScalingGroup.TagPropertyProperty groupTag(String key, String value) {
        return CfnAutoScalingGroup.TagPropertyProperty.builder().key(key).value(value).propagateAtLaunch(false).build();
    }

    public CfnAutoScalingGroup group() {
        return group;
    }

    public CfnLaunchTemplate launchTemplate() {
        return launchTemplate;
    }

    public RenderedUserData userData() {
        return userData;
    }
}
