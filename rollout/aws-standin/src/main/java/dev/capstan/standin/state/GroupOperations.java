package dev.capstan.standin.state;

import dev.capstan.standin.AwsError;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.InstanceSpec;
import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.MixedPolicySpec;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The Auto Scaling operations that change state, shared by the wire API and the Java API. Callers hold the world's lock. */
public final class GroupOperations {

    private final World world;

    public GroupOperations(World world) {
        this.world = world;
    }

    private DesiredConfigurationCheck configurations() {
        return new DesiredConfigurationCheck(world.templates);
    }

    private RollbackRule rollbackRule() {
        return new RollbackRule(world.templates);
    }

    public Group createGroup(GroupSpec spec, Instant now) {
        if (world.groups.containsKey(spec.name())) {
            throw new AwsError("AlreadyExists", 400, "AutoScalingGroup by this name already exists - A group with the name "
                    + spec.name() + " already exists");
        }
        if (spec.launchTemplateName() == null) {
            throw new IllegalArgumentException("group " + spec.name() + " needs a launch template");
        }
        LaunchTemplates.Template template = world.templates.byName(spec.launchTemplateName())
                .orElseThrow(() -> new IllegalArgumentException("no launch template named " + spec.launchTemplateName()));
        LaunchTemplates.Version resolved = template.resolve(spec.launchTemplateVersion())
                .orElseThrow(() -> new IllegalArgumentException("launch template " + template.name + " has no version "
                        + spec.launchTemplateVersion()));
        if (spec.desiredCapacity() < spec.minSize() || spec.desiredCapacity() > spec.maxSize()) {
            throw new IllegalArgumentException("desired capacity must lie between min and max size");
        }
        if (spec.availabilityZones().isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one availability zone");
        }
        Group g = new Group(spec.name(), now);
        g.launchTemplate = new LaunchTemplateRef(template.id, template.name, spec.launchTemplateVersion());
        g.mixedPolicy = spec.mixedPolicy() == null ? null
                : configurations().policy(g.launchTemplate, spec.mixedPolicy());
        g.maintenancePolicy = spec.instanceMaintenancePolicy();
        g.attachTargetGroup(spec.targetGroup());
        spec.tags().forEach(t -> g.tags.put(t.key(), t));
        g.minSize = spec.minSize();
        g.desiredCapacity = spec.desiredCapacity();
        g.maxSize = spec.maxSize();
        g.availabilityZones = List.copyOf(spec.availabilityZones());
        g.healthCheckGracePeriod = spec.healthCheckGracePeriod();
        g.defaultInstanceWarmup = spec.defaultInstanceWarmup();
        g.holdLifecycleActions = spec.holdLifecycleActions();
        if (spec.launchHook() != null) {
            g.hooks.add(new Hook(spec.launchHook(), Hook.LAUNCHING, spec.launchHookHeartbeat(),
                    spec.launchHookDefaultResult()));
        }
        String type = g.mixedPolicy != null && g.mixedPolicy.firstOverride() != null
                ? g.mixedPolicy.firstOverride().instanceType()
                : String.valueOf(resolved.data.getOrDefault("InstanceType", "t3.small"));
        if (spec.instances().isEmpty()) {
            for (int k = 0; k < spec.desiredCapacity(); k++) {
                String zone = g.availabilityZones.get(k % g.availabilityZones.size());
                g.instances.add(new Instance(world.ids.nextInstanceId(), zone, type, "InService",
                        new LaunchTemplateRef(template.id, template.name, Long.toString(resolved.number)), now));
            }
        } else {
            for (InstanceSpec is : spec.instances()) {
                String version = is.launchTemplateVersion() != null ? is.launchTemplateVersion() : Long.toString(resolved.number);
                Instance i = new Instance(is.instanceId() != null ? is.instanceId() : world.ids.nextInstanceId(),
                        is.availabilityZone() != null ? is.availabilityZone() : g.availabilityZones.get(0), type,
                        is.lifecycleState() != null ? is.lifecycleState() : "InService",
                        new LaunchTemplateRef(template.id, template.name, version), now);
                i.protectedFromScaleIn = is.protectedFromScaleIn();
                g.instances.add(i);
            }
        }
        for (Instance i : g.instances) {
            world.simulation.seeded(g, i, now);
        }
        world.groups.put(g.name, g);
        world.simulation.settleAll(now);
        return g;
    }

    public Group requireGroup(String name) {
        return world.group(name).orElseThrow(() -> AwsError.validation("AutoScalingGroup name not found - " + name));
    }

    public Refresh startRefresh(StartRefreshRequest req, Instant now) {
        Group g = requireGroup(req.groupName());
        if (g.activeRefresh().isPresent()) {
            throw new AwsError("InstanceRefreshInProgress", 400,
                    "An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.");
        }
        RefreshValidator.validate(req, g, rollbackRule());
        HealthyPercentages healthy = HealthyPercentages.resolve(req.preferences(), g.maintenancePolicy);
        LaunchTemplateRef target = g.launchTemplate;
        MixedPolicySpec desiredPolicy = null;
        if (req.desired() != null) {
            DesiredConfigurationCheck.Checked checked = configurations().check(req.desired(), req.desiredPolicy());
            target = checked.launchTemplate();
            desiredPolicy = checked.policy();
        }
        LaunchTemplateRef resolvedTarget = world.simulation.resolve(target);
        LaunchTemplateRef original = world.simulation.resolve(g.launchTemplate);
        boolean reversible = rollbackRule().whyNot(g, req.desired()).isEmpty();
        Refresh r = new Refresh(world.ids.nextRefreshId(), g.name, now, req.preferences(), healthy.min(), healthy.max(),
                req.desired(), desiredPolicy, resolvedTarget, original, reversible);
        g.refreshes.add(0, r);
        world.simulation.settleAll(now);
        return r;
    }

    public Refresh cancelRefresh(String groupName, Instant now) {
        Group g = requireGroup(groupName);
        Refresh r = g.activeRefresh().filter(x -> !x.status.equals("Cancelling"))
                .orElseThrow(() -> noActiveRefresh(groupName));
        world.simulation.cancel(r, now);
        world.simulation.settleAll(now);
        return r;
    }

    public Refresh rollbackRefresh(String groupName, Instant now) {
        Group g = requireGroup(groupName);
        Refresh r = g.activeRefresh()
                .filter(x -> x.status.equals("Pending") || x.status.equals("InProgress") || x.status.equals("Baking"))
                .orElseThrow(() -> noActiveRefresh(groupName));
        // Checked now, against the group's launch template version as it is (the one a rollback returns to).
        rollbackRule().whyNot(g, r.desired).ifPresent(reason -> {
            throw new AwsError("IrreversibleInstanceRefresh", 400, r.desired == null
                    ? "The instance refresh can't be rolled back because it was started without a desired configuration."
                    : "The instance refresh can't be rolled back. " + reason);
        });
        world.simulation.startRollback(g, r, now, "Rollback requested with RollbackInstanceRefresh.");
        world.simulation.settleAll(now);
        return r;
    }

    private static AwsError noActiveRefresh(String groupName) {
        return new AwsError("ActiveInstanceRefreshNotFound", 400,
                "No in progress or pending Instance Refresh found for Auto Scaling group " + groupName);
    }

    public void completeLifecycleAction(String groupName, String hookName, String instanceId, String token,
                                        String result, Instant now) {
        Group g = requireGroup(groupName);
        if (!"CONTINUE".equals(result) && !"ABANDON".equals(result)) {
            throw AwsError.validation("LifecycleActionResult must be CONTINUE or ABANDON; got " + result);
        }
        g.hook(hookName).orElseThrow(() -> AwsError.validation(
                "No Lifecycle Hook found with name " + hookName + " for group " + groupName));
        if (instanceId == null && token == null) {
            throw AwsError.validation("Either InstanceId or LifecycleActionToken must be specified.");
        }
        Optional<Instance> waiting = g.instances.stream()
                .filter(i -> i.lifecycleState.equals("Pending:Wait"))
                .filter(i -> instanceId != null ? i.id.equals(instanceId) : token.equals(i.lifecycleActionToken))
                .findFirst();
        if (waiting.isEmpty()) {
            throw AwsError.validation(instanceId != null
                    ? "No active Lifecycle Action found with instance ID " + instanceId
                    : "No active Lifecycle Action found with token " + token);
        }
        world.simulation.completeLifecycleAction(g, waiting.get(), hookName, result, "api", now);
        world.simulation.settleAll(now);
    }
}
