package dev.capstan.standin.wire;

import dev.capstan.standin.AwsError;
import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.MixedPolicySpec;
import dev.capstan.standin.RefreshPreferences;
import dev.capstan.standin.state.Group;
import dev.capstan.standin.state.GroupOperations;
import dev.capstan.standin.state.Hook;
import dev.capstan.standin.state.Instance;
import dev.capstan.standin.state.Refresh;
import dev.capstan.standin.state.ScalingProcesses;
import dev.capstan.standin.state.StartRefreshRequest;
import dev.capstan.standin.state.World;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Auto Scaling over AWS Query 2011-01-01: form-encoded requests, {@code <XResponse><XResult>} XML answers. */
public final class AutoScalingApi extends AbstractServiceApi {

    static final String NAMESPACE = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    private static final Set<String> ACTIONS = Set.of("DescribeAutoScalingGroups", "DescribeInstanceRefreshes",
            "StartInstanceRefresh", "CancelInstanceRefresh", "RollbackInstanceRefresh", "DescribeAutoScalingInstances",
            "DescribeLifecycleHooks", "CompleteLifecycleAction", "RecordLifecycleActionHeartbeat");

    private final GroupOperations operations;

    public AutoScalingApi(World world, GroupOperations operations) {
        super("autoscaling", ACTIONS, world);
        this.operations = operations;
    }

    @Override
    public Reply invoke(String action, Request request, Instant now) {
        QueryParams q = request.query();
        Xml xml = new Xml().start(action + "Response", NAMESPACE).start(action + "Result");
        switch (action) {
            case "DescribeAutoScalingGroups" -> describeGroups(q, xml);
            case "DescribeInstanceRefreshes" -> describeRefreshes(q, xml);
            case "StartInstanceRefresh" -> xml.leaf("InstanceRefreshId", operations.startRefresh(startRequest(q), now).id);
            case "CancelInstanceRefresh" -> xml.leaf("InstanceRefreshId",
                    operations.cancelRefresh(q.require("AutoScalingGroupName"), now).id);
            case "RollbackInstanceRefresh" -> xml.leaf("InstanceRefreshId",
                    operations.rollbackRefresh(q.require("AutoScalingGroupName"), now).id);
            case "DescribeAutoScalingInstances" -> describeInstances(q, xml);
            case "DescribeLifecycleHooks" -> describeHooks(q, xml);
            case "CompleteLifecycleAction" -> operations.completeLifecycleAction(q.require("AutoScalingGroupName"),
                    q.require("LifecycleHookName"), q.get("InstanceId"), q.get("LifecycleActionToken"),
                    q.require("LifecycleActionResult"), now);
            case "RecordLifecycleActionHeartbeat" -> heartbeat(q, now);
            default -> throw new IllegalStateException(action);
        }
        xml.end().start("ResponseMetadata").leaf("RequestId", request.requestId()).end().end();
        return Reply.xml(xml.toString());
    }

    @Override
    public Reply error(AwsError error, String requestId) {
        Xml xml = new Xml().start("ErrorResponse", NAMESPACE).start("Error")
                .leaf("Type", error.senderFault() ? "Sender" : "Receiver")
                .leaf("Code", error.code()).leaf("Message", error.getMessage()).end()
                .leaf("RequestId", requestId).end();
        return new Reply(error.httpStatus(), "text/xml", xml.toString());
    }

    /** MaxRecords, checked against the operation's limit as Auto Scaling checks it. */
    private static Integer maxRecords(QueryParams q, int limit) {
        Integer max = q.integer("MaxRecords");
        if (max != null && max > limit) {
            throw AwsError.validation("1 validation error detected: Value '" + max
                    + "' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to " + limit);
        }
        return max;
    }

    private static AwsError badToken() {
        return new AwsError("InvalidNextToken", 400, "The token is invalid.");
    }

    // ------------------------------------------------------------ reads

    private void describeGroups(QueryParams q, Xml xml) {
        List<String> names = q.strings("AutoScalingGroupNames.member");
        List<Group> matching = world.groups.values().stream()
                .filter(g -> names == null || names.isEmpty() || names.contains(g.name)).toList();
        Page<Group> page = Page.of(matching, maxRecords(q, 100), 50, q.get("NextToken"), AutoScalingApi::badToken);
        xml.list("AutoScalingGroups", "member", page.items(), g -> writeGroup(g, xml))
                .leaf("NextToken", page.nextToken());
    }

    private void writeGroup(Group g, Xml xml) {
        xml.leaf("AutoScalingGroupName", g.name).leaf("AutoScalingGroupARN", g.arn);
        if (g.mixedPolicy != null) {
            MixedPolicyWire.write(xml, g.launchTemplate, g.mixedPolicy, true);
        } else {
            writeSpec("LaunchTemplate", g.launchTemplate, xml);
        }
        xml.leaf("MinSize", g.minSize).leaf("MaxSize", g.maxSize).leaf("DesiredCapacity", g.desiredCapacity)
                .leaf("DefaultCooldown", 300).start("AvailabilityZones");
        g.availabilityZones.forEach(z -> xml.leaf("member", z));
        xml.end().start("LoadBalancerNames").end().start("TargetGroupARNs");
        if (g.targetGroup != null) {
            xml.leaf("member", g.targetGroup.arn);
        }
        xml.end().leaf("HealthCheckType", g.targetGroup != null ? "ELB" : "EC2")
                .leaf("HealthCheckGracePeriod", g.healthCheckGracePeriod.toSeconds())
                .start("Instances");
        for (Instance i : g.instances) {
            xml.start("member");
            writeInstance(i, xml);
            xml.end();
        }
        xml.end().leaf("CreatedTime", g.createdTime);
        // Shape SuspendedProcess: ProcessName, SuspensionReason.
        xml.list("SuspendedProcesses", "member", g.suspendedProcesses.entrySet(), s -> xml.leaf("ProcessName", s.getKey())
                .leaf("SuspensionReason", ScalingProcesses.userSuspensionReason(s.getValue())));
        xml.start("EnabledMetrics").end();
        // Shape TagDescription: ResourceId (the group's name), ResourceType ("The only supported value is
        // auto-scaling-group"), Key, Value, PropagateAtLaunch.
        xml.list("Tags", "member", g.tags.values(), t -> xml.leaf("ResourceId", g.name)
                .leaf("ResourceType", "auto-scaling-group").leaf("Key", t.key()).leaf("Value", t.value())
                .leaf("PropagateAtLaunch", t.propagateAtLaunch()));
        xml.start("TerminationPolicies").leaf("member", "Default").end()
                .leaf("NewInstancesProtectedFromScaleIn", false)
                .leaf("ServiceLinkedRoleARN", "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");
        if (g.defaultInstanceWarmup != null) {
            xml.leaf("DefaultInstanceWarmup", g.defaultInstanceWarmup.toSeconds());
        }
        if (g.targetGroup != null) {
            // Groups attached to target groups list them as traffic sources too (shape TrafficSourceIdentifier).
            xml.start("TrafficSources").start("member").leaf("Identifier", g.targetGroup.arn).leaf("Type", "elbv2")
                    .end().end();
        }
        if (g.maintenancePolicy != null) {
            xml.start("InstanceMaintenancePolicy")
                    .leaf("MinHealthyPercentage", g.maintenancePolicy.minHealthyPercentage())
                    .leaf("MaxHealthyPercentage", g.maintenancePolicy.maxHealthyPercentage()).end();
        }
    }

    private static void writeInstance(Instance i, Xml xml) {
        xml.leaf("InstanceId", i.id).leaf("InstanceType", i.instanceType).leaf("AvailabilityZone", i.availabilityZone)
                .leaf("LifecycleState", i.lifecycleState).leaf("HealthStatus", i.healthStatus);
        writeSpec("LaunchTemplate", i.launchTemplate, xml);
        xml.leaf("ProtectedFromScaleIn", i.protectedFromScaleIn);
    }

    static void writeSpec(String element, LaunchTemplateRef spec, Xml xml) {
        if (spec == null) {
            return;
        }
        xml.start(element).leaf("LaunchTemplateId", spec.launchTemplateId())
                .leaf("LaunchTemplateName", spec.launchTemplateName()).leaf("Version", spec.version()).end();
    }

    private void describeRefreshes(QueryParams q, Xml xml) {
        String groupName = q.require("AutoScalingGroupName");
        List<String> ids = q.strings("InstanceRefreshIds.member");
        List<Refresh> refreshes = world.group(groupName).map(g -> g.refreshes).orElse(List.of()).stream()
                .filter(r -> ids == null || ids.isEmpty() || ids.contains(r.id)).toList();
        Page<Refresh> page = Page.of(refreshes, maxRecords(q, 100), 50, q.get("NextToken"), AutoScalingApi::badToken);
        Group g = world.groups.get(groupName);
        xml.list("InstanceRefreshes", "member", page.items(), r -> writeRefresh(g, r, xml))
                .leaf("NextToken", page.nextToken());
    }

    private static void writeRefresh(Group g, Refresh r, Xml xml) {
        xml.leaf("InstanceRefreshId", r.id).leaf("AutoScalingGroupName", r.groupName).leaf("Status", r.status)
                .leaf("StatusReason", r.statusReason).leaf("StartTime", r.startTime).leaf("EndTime", r.endTime)
                .leaf("PercentageComplete", r.percentage).leaf("InstancesToUpdate", r.instancesToUpdate);
        writeProgress("ProgressDetails", r.percentage, r.instancesToUpdate, xml);
        writePreferences(g, r, xml);
        if (r.desired != null) {
            xml.start("DesiredConfiguration");
            if (r.desiredPolicy != null) {
                MixedPolicyWire.write(xml, r.desired, r.desiredPolicy, false);
            } else {
                writeSpec("LaunchTemplate", r.desired, xml);
            }
            xml.end();
        }
        if (r.rollbackStartTime != null) {
            xml.start("RollbackDetails").leaf("RollbackReason", r.rollbackReason)
                    .leaf("RollbackStartTime", r.rollbackStartTime)
                    .leaf("PercentageCompleteOnRollback", r.percentageOnRollback)
                    .leaf("InstancesToUpdateOnRollback", r.instancesToUpdateOnRollback);
            writeProgress("ProgressDetailsOnRollback", r.percentageOnRollback, r.instancesToUpdateOnRollback, xml);
            xml.end();
        }
        xml.leaf("Strategy", r.strategy);
    }

    private static void writeProgress(String element, int percentage, int toUpdate, Xml xml) {
        xml.start(element).start("LivePoolProgress").leaf("PercentageComplete", percentage)
                .leaf("InstancesToUpdate", toUpdate).end().end();
    }

    /**
     * Preferences as Auto Scaling reports them: what was given, with its defaults filled in. The healthy percentages
     * are the ones that applied (given, else the group's instance maintenance policy, else 90 and no maximum: the
     * User Guide's default values table gives the maximum's default as "100 percent (null)").
     */
    private static void writePreferences(Group g, Refresh r, Xml xml) {
        RefreshPreferences p = r.preferences;
        xml.start("Preferences")
                .leaf("MinHealthyPercentage", r.minHealthy)
                .leaf("MaxHealthyPercentage", r.maxHealthy);
        Integer warmup = p.instanceWarmup();
        if (warmup == null && g != null) {
            warmup = (int) (g.defaultInstanceWarmup != null ? g.defaultInstanceWarmup : g.healthCheckGracePeriod).toSeconds();
        }
        xml.leaf("InstanceWarmup", warmup);
        if (p.checkpointPercentages() != null && !p.checkpointPercentages().isEmpty()) {
            xml.start("CheckpointPercentages");
            p.checkpointPercentages().forEach(c -> xml.leaf("member", c));
            xml.end().leaf("CheckpointDelay", Objects.requireNonNullElse(p.checkpointDelay(), 3600));
        }
        xml.leaf("SkipMatching", Objects.requireNonNullElse(p.skipMatching(), false))
                .leaf("AutoRollback", Objects.requireNonNullElse(p.autoRollback(), false))
                .leaf("ScaleInProtectedInstances", Objects.requireNonNullElse(p.scaleInProtectedInstances(), "Wait"))
                .leaf("StandbyInstances", Objects.requireNonNullElse(p.standbyInstances(), "Wait"));
        if (p.alarms() != null) {
            xml.start("AlarmSpecification").start("Alarms");
            p.alarms().forEach(a -> xml.leaf("member", a));
            xml.end().end();
        }
        xml.leaf("BakeTime", p.bakeTime());
        xml.end();
    }

    private void describeInstances(QueryParams q, Xml xml) {
        List<String> ids = q.strings("InstanceIds.member");
        List<GroupInstance> rows = new ArrayList<>();
        for (Group g : world.groups.values()) {
            for (Instance i : g.instances) {
                if (ids == null || ids.isEmpty() || ids.contains(i.id)) {
                    rows.add(new GroupInstance(g, i));
                }
            }
        }
        Page<GroupInstance> page = Page.of(rows, maxRecords(q, 50), 50, q.get("NextToken"), AutoScalingApi::badToken);
        xml.start("AutoScalingInstances");
        for (GroupInstance row : page.items()) {
            Group g = row.group();
            Instance i = row.instance();
            xml.start("member").leaf("InstanceId", i.id).leaf("InstanceType", i.instanceType)
                    .leaf("AutoScalingGroupName", g.name).leaf("AvailabilityZone", i.availabilityZone)
                    .leaf("LifecycleState", i.lifecycleState).leaf("HealthStatus", i.healthStatus.toUpperCase());
            writeSpec("LaunchTemplate", i.launchTemplate, xml);
            xml.leaf("ProtectedFromScaleIn", i.protectedFromScaleIn).end();
        }
        xml.end().leaf("NextToken", page.nextToken());
    }

    private record GroupInstance(Group group, Instance instance) {
    }

    private void describeHooks(QueryParams q, Xml xml) {
        Group g = operations.requireGroup(q.require("AutoScalingGroupName"));
        List<String> names = q.strings("LifecycleHookNames.member");
        xml.start("LifecycleHooks");
        for (Hook h : g.hooks) {
            if (names != null && !names.isEmpty() && !names.contains(h.name())) {
                continue;
            }
            xml.start("member").leaf("LifecycleHookName", h.name()).leaf("AutoScalingGroupName", g.name)
                    .leaf("LifecycleTransition", h.transition())
                    .leaf("HeartbeatTimeout", h.heartbeatTimeout().toSeconds())
                    .leaf("GlobalTimeout", Math.min(172800, h.heartbeatTimeout().toSeconds() * 100))
                    .leaf("DefaultResult", h.defaultResult()).end();
        }
        xml.end();
    }

    private void heartbeat(QueryParams q, Instant now) {
        Group g = operations.requireGroup(q.require("AutoScalingGroupName"));
        g.hook(q.require("LifecycleHookName")).orElseThrow(() -> AwsError.validation(
                "No Lifecycle Hook found with name " + q.get("LifecycleHookName") + " for group " + g.name));
        String id = q.get("InstanceId");
        Instance i = g.instances.stream().filter(x -> x.lifecycleState.equals("Pending:Wait"))
                .filter(x -> id != null ? x.id.equals(id) : Objects.equals(x.lifecycleActionToken, q.get("LifecycleActionToken")))
                .findFirst().orElseThrow(() -> AwsError.validation("No active Lifecycle Action found with instance ID " + id));
        i.stateSince = now;
    }

    // ------------------------------------------------------------ StartInstanceRefresh

    private static StartRefreshRequest startRequest(QueryParams q) {
        String group = q.require("AutoScalingGroupName");
        LaunchTemplateRef desired = null;
        MixedPolicySpec policy = null;
        if (q.has("DesiredConfiguration.LaunchTemplate")) {
            desired = MixedPolicyWire.spec(q, "DesiredConfiguration.LaunchTemplate.");
        } else if (q.has("DesiredConfiguration.MixedInstancesPolicy")) {
            desired = MixedPolicyWire.launchTemplate(q, "DesiredConfiguration.MixedInstancesPolicy");
            policy = MixedPolicyWire.read(q, "DesiredConfiguration.MixedInstancesPolicy");
        } else if (q.has("DesiredConfiguration")) {
            throw AwsError.validation("A desired configuration must specify either a LaunchTemplate or a MixedInstancesPolicy.");
        }
        String p = "Preferences.";
        List<String> alarms = q.has(p + "AlarmSpecification") ? q.strings(p + "AlarmSpecification.Alarms.member") : null;
        List<String> cps = q.strings(p + "CheckpointPercentages.member");
        RefreshPreferences prefs = new RefreshPreferences(q.integer(p + "MinHealthyPercentage"),
                q.integer(p + "MaxHealthyPercentage"), q.integer(p + "InstanceWarmup"),
                cps == null ? null : cps.stream().map(Integer::valueOf).toList(), q.integer(p + "CheckpointDelay"),
                q.bool(p + "SkipMatching"), q.bool(p + "AutoRollback"),
                alarms == null ? null : alarms, q.get(p + "ScaleInProtectedInstances"), q.get(p + "StandbyInstances"),
                q.integer(p + "BakeTime"));
        return new StartRefreshRequest(group, q.get("Strategy"), desired, policy, prefs);
    }
}
