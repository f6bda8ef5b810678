package dev.capstan.standin.state;

import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.LifecycleActionRecord;
import dev.capstan.standin.MixedPolicySpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One instance's way through Auto Scaling's lifecycle, on its own timeline: {@code Pending} while EC2 launches it,
 * {@code Pending:Wait} while it boots and its boot script completes the launch lifecycle action, {@code
 * Pending:Proceed}, {@code InService}; and {@code Terminating} (first deregistering from the target group, then EC2
 * shutting it down) until it leaves the group. Source: Amazon EC2 Auto Scaling User Guide, "Amazon EC2 Auto Scaling
 * instance lifecycle" (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-lifecycle.html):
 * "Amazon EC2 Auto Scaling automatically registers your instance with the load balancer before it marks the instance
 * as InService" and "deregisters the terminating instance from the load balancer before running lifecycle hooks
 * [...] existing connections to the instance are allowed to continue until the deregistration delay expires".
 */
final class InstanceLifecycle {

    private final LaunchTemplates templates;
    private final Ids ids;
    private final List<LifecycleActionRecord> lifecycleActions;

    InstanceLifecycle(LaunchTemplates templates, Ids ids, List<LifecycleActionRecord> lifecycleActions) {
        this.templates = templates;
        this.ids = ids;
        this.lifecycleActions = lifecycleActions;
    }

    // ---------------------------------------------------------------- timeline

    /** The instants at which something happens to the instance (nulls for nothing). */
    List<Instant> events(Group g, Instance i) {
        List<Instant> events = new ArrayList<>(2);
        switch (i.lifecycleState) {
            case "Pending" -> events.add(i.runningAt);
            case "Pending:Wait" -> events.add(waitEnds(g, i));
            case "Pending:Proceed" -> events.add(i.stateSince.plus(SimTimings.PROCEED));
            case "InService" -> {
                events.add(i.doomed && i.healthStatus.equals("Healthy") ? i.inServiceAt.plus(SimTimings.UNHEALTHY_AFTER) : null);
                // Nothing changes state then, but the instance starts to count: refreshes and capacity look again.
                events.add(i.targetHealthyAt);
            }
            case "Terminating" -> events.add(i.goneAt);
            default -> { }
        }
        return events;
    }

    /** Fires what is due for the instance at {@code t}. */
    void fire(Group g, Instance i, Instant t) {
        switch (i.lifecycleState) {
            case "Pending" -> {
                if (!i.runningAt.isAfter(t)) {
                    running(g, i, i.runningAt);
                }
            }
            case "Pending:Wait" -> {
                Instant due = waitEnds(g, i);
                if (!due.isAfter(t)) {
                    Hook hook = g.launchHook().orElse(null);
                    boolean timedOut = !completesItself(g, i);
                    String result = timedOut && hook != null ? hook.defaultResult() : "CONTINUE";
                    completeLifecycleAction(g, i, hook == null ? "" : hook.name(), result,
                            timedOut ? "timeout" : "simulation", due);
                }
            }
            case "Pending:Proceed" -> {
                Instant due = i.stateSince.plus(SimTimings.PROCEED);
                if (!due.isAfter(t)) {
                    enterService(g, i, due);
                }
            }
            case "InService" -> {
                if (i.doomed && i.healthStatus.equals("Healthy") && !i.inServiceAt.plus(SimTimings.UNHEALTHY_AFTER).isAfter(t)) {
                    i.healthStatus = "Unhealthy";
                }
            }
            case "Terminating" -> {
                if (!i.goneAt.isAfter(t)) {
                    g.instances.remove(i);
                }
            }
            default -> { }
        }
    }

    /** EC2 reports it running: with a launch hook it waits for its boot script, else it goes straight into service. */
    private void running(Group g, Instance i, Instant at) {
        if (g.launchHook().isPresent()) {
            i.moveTo("Pending:Wait", at);
            i.lifecycleActionToken = UUID.randomUUID().toString();
        } else {
            enterService(g, i, at);
        }
    }

    /** Whether the boot script completes the lifecycle action before the hook's heartbeat runs out. */
    private static boolean completesItself(Group g, Instance i) {
        return !g.holdLifecycleActions && i.hookDoneAt != null && i.hookDoneAt.isBefore(heartbeatEnds(g, i));
    }

    private static Instant waitEnds(Group g, Instance i) {
        return completesItself(g, i) ? i.hookDoneAt : heartbeatEnds(g, i);
    }

    /** {@code stateSince} is reset by RecordLifecycleActionHeartbeat. */
    private static Instant heartbeatEnds(Group g, Instance i) {
        Duration heartbeat = g.launchHook().map(Hook::heartbeatTimeout).orElse(Duration.ofHours(1));
        return i.stateSince.plus(heartbeat);
    }

    void completeLifecycleAction(Group g, Instance i, String hookName, String result, String source, Instant t) {
        lifecycleActions.add(new LifecycleActionRecord(g.name, hookName, i.id, result, source, t));
        i.lifecycleActionToken = null;
        if (result.equals("CONTINUE")) {
            // A boot script completes the action only once the service is ready.
            if (i.readyAt == null || i.readyAt.isAfter(t)) {
                i.readyAt = t;
            }
            i.moveTo("Pending:Proceed", t);
            register(g, i, t);
        } else {
            i.abandoned = true;
            i.healthStatus = "Unhealthy";
            terminate(g, i, t);
        }
    }

    private void enterService(Group g, Instance i, Instant at) {
        i.moveTo("InService", at);
        register(g, i, at);
    }

    private static void register(Group g, Instance i, Instant at) {
        if (g.targetGroup == null || i.registeredAt != null) {
            return;
        }
        i.registeredAt = at;
        // A doomed instance never passes the load balancer's checks.
        i.targetHealthyAt = i.doomed ? null : g.targetGroup.healthyAt(at, i.readyAt == null ? at : i.readyAt);
    }

    /** Starts terminating: a registered instance first drains for the target group's deregistration delay. */
    void terminate(Group g, Instance i, Instant t) {
        i.moveTo("Terminating", t);
        Duration drain = g.targetGroup != null && i.registeredAt != null ? g.targetGroup.deregistrationDelay() : Duration.ZERO;
        i.goneAt = t.plus(drain).plus(SimTimings.TERMINATE);
    }

    // ---------------------------------------------------------------- creation

    /** Launches one instance with this configuration (a mixed instances policy picks its first override). */
    Instance launch(Group g, LaunchTemplateRef with, MixedPolicySpec policy, boolean doomed, Instant t) {
        String zone = g.availabilityZones.stream()
                .min(Comparator.comparingLong(z -> g.instances.stream().filter(Instance::live)
                        .filter(i -> i.availabilityZone.equals(z)).count()))
                .orElse("eu-west-1a");
        MixedPolicySpec.InstanceOverride override = policy == null ? null : policy.firstOverride();
        LaunchTemplateRef template = override != null && override.launchTemplate() != null
                ? resolve(override.launchTemplate()) : with;
        String type = override != null && override.instanceType() != null ? override.instanceType() : instanceType(template);
        Instance i = new Instance(ids.nextInstanceId(), zone, type, "Pending", template, t);
        i.doomed = doomed;
        i.runningAt = t.plus(InstanceTimings.ec2Launch(i.id));
        i.readyAt = i.runningAt.plus(InstanceTimings.boot(i.id));
        i.hookDoneAt = i.readyAt.plus(SimTimings.HOOK_COMPLETION);
        g.instances.add(i);
        return i;
    }

    /** An instance seeded in a given state at {@code t}: InService ones are ready, registered and healthy already. */
    void seeded(Group g, Instance i, Instant t) {
        switch (i.lifecycleState) {
            case "InService", "Standby" -> {
                i.runningAt = t;
                i.readyAt = t;
                if (g.targetGroup != null && i.inService()) {
                    i.registeredAt = t;
                    i.targetHealthyAt = t;
                }
            }
            case "Pending" -> {
                i.runningAt = t.plus(InstanceTimings.ec2Launch(i.id));
                i.readyAt = i.runningAt.plus(InstanceTimings.boot(i.id));
                i.hookDoneAt = i.readyAt.plus(SimTimings.HOOK_COMPLETION);
            }
            case "Pending:Wait" -> {
                i.runningAt = t;
                i.readyAt = t.plus(InstanceTimings.boot(i.id));
                i.hookDoneAt = i.readyAt.plus(SimTimings.HOOK_COMPLETION);
                i.lifecycleActionToken = UUID.randomUUID().toString();
            }
            default -> throw new IllegalArgumentException("an instance cannot be seeded as " + i.lifecycleState);
        }
    }

    private String instanceType(LaunchTemplateRef with) {
        return Optional.ofNullable(with).flatMap(w -> templates.byId(w.launchTemplateId()))
                .flatMap(tp -> tp.resolve(with.version())).map(v -> (String) v.data.get("InstanceType"))
                .orElse("t3.small");
    }

    /** Resolves a template specification (by id or name) to template id + name + version number. */
    LaunchTemplateRef resolve(LaunchTemplateRef spec) {
        if (spec == null) {
            return null;
        }
        Optional<LaunchTemplates.Template> tp = spec.launchTemplateId() != null
                ? templates.byId(spec.launchTemplateId()) : templates.byName(spec.launchTemplateName());
        return tp.flatMap(x -> x.resolve(spec.version()).map(v -> new LaunchTemplateRef(x.id, x.name, Long.toString(v.number))))
                .orElse(spec);
    }
}
