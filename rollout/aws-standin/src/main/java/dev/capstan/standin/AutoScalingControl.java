package dev.capstan.standin;

import dev.capstan.standin.state.Group;
import dev.capstan.standin.state.GroupOperations;
import dev.capstan.standin.state.Instance;
import dev.capstan.standin.state.ScalingProcesses;
import dev.capstan.standin.state.Views;
import dev.capstan.standin.state.World;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Seeds and inspects simulated Auto Scaling groups, their instances, refreshes and lifecycle actions. */
public final class AutoScalingControl {

    private final World world;
    private final GroupOperations operations;

    AutoScalingControl(World world, GroupOperations operations) {
        this.world = world;
        this.operations = operations;
    }

    /** Creates a group whose instances start InService (unless seeded otherwise) on the template's resolved version. */
    public GroupView createGroup(GroupSpec spec) {
        synchronized (world) {
            Instant now = world.now();
            return Views.group(operations.createGroup(spec, now), now);
        }
    }

    public Optional<GroupView> findGroup(String name) {
        synchronized (world) {
            Instant now = world.now();
            return world.group(name).map(g -> Views.group(g, now));
        }
    }

    /** Throws when there is no such group. */
    public GroupView group(String name) {
        return findGroup(name).orElseThrow(() -> new IllegalArgumentException("no Auto Scaling group " + name));
    }

    public List<GroupView> groups() {
        synchronized (world) {
            Instant now = world.now();
            return world.groups.values().stream().map(g -> Views.group(g, now)).toList();
        }
    }

    /** All refreshes of the group, newest first. */
    public List<RefreshView> refreshes(String groupName) {
        synchronized (world) {
            world.now();
            return world.group(groupName).map(g -> g.refreshes.stream().map(Views::refresh).toList()).orElse(List.of());
        }
    }

    /** The newest refresh of the group, if it has one. */
    public Optional<RefreshView> latestRefresh(String groupName) {
        return refreshes(groupName).stream().findFirst();
    }

    public Optional<RefreshView> activeRefresh(String groupName) {
        return refreshes(groupName).stream().filter(RefreshView::active).findFirst();
    }

    /**
     * The group's capacity over time, oldest first: one sample whenever the number of serving instances, the
     * desired capacity or the number of live instances changed (at the simulated instant it changed).
     */
    public List<CapacitySample> capacity(String groupName) {
        synchronized (world) {
            world.now();
            return List.copyOf(requireGroup(groupName).capacity);
        }
    }

    /** Lifecycle actions completed so far, oldest first (by the API, the simulation, or a heartbeat timeout). */
    public List<LifecycleActionRecord> lifecycleActions() {
        synchronized (world) {
            world.now();
            return List.copyOf(world.lifecycleActions);
        }
    }

    /**
     * With {@code hold} true, launches of this group wait in Pending:Wait for CompleteLifecycleAction (or the hook's
     * heartbeat timeout); with false the simulation completes them with CONTINUE after a simulated boot.
     */
    public void holdLifecycleActions(String groupName, boolean hold) {
        synchronized (world) {
            world.now();
            requireGroup(groupName).holdLifecycleActions = hold;
        }
    }

    /** Completes a waiting lifecycle action as CompleteLifecycleAction would (recorded with source {@code api}). */
    public void completeLifecycleAction(String groupName, String hookName, String instanceId, String result) {
        synchronized (world) {
            operations.completeLifecycleAction(groupName, hookName, instanceId, null, result, world.now());
        }
    }

    /**
     * As SuspendProcesses: the group stops running these processes until {@link #resumeProcesses} (only
     * {@code ReplaceUnhealthy} is modelled: unhealthy InService instances then stay in the group, InService and
     * Unhealthy, instead of being replaced). DescribeAutoScalingGroups reports them in {@code SuspendedProcesses}.
     */
    public void suspendProcesses(String groupName, String... processes) {
        synchronized (world) {
            Instant now = world.now();
            Group g = requireGroup(groupName);
            for (String p : List.of(processes)) {
                g.suspendedProcesses.putIfAbsent(ScalingProcesses.check(p), now);
            }
        }
    }

    /**
     * As ResumeProcesses: "As soon as you resume the ReplaceUnhealthy process, Amazon EC2 Auto Scaling replaces
     * instances that were marked unhealthy while this process was suspended" (User Guide, "How suspended processes
     * affect other processes").
     */
    public void resumeProcesses(String groupName, String... processes) {
        synchronized (world) {
            Instant now = world.now();
            Group g = requireGroup(groupName);
            for (String p : List.of(processes)) {
                g.suspendedProcesses.remove(ScalingProcesses.check(p));
            }
            world.simulation.settleAll(now);
        }
    }

    /**
     * As SetInstanceHealth without ShouldRespectGracePeriod: {@code Healthy} or {@code Unhealthy}. An Unhealthy
     * InService instance is terminated and replaced at once (botocore {@code SetInstanceHealthQuery.HealthStatus}:
     * "Set to Unhealthy to have the instance be out of service. Amazon EC2 Auto Scaling terminates and replaces the
     * unhealthy instance"), unless the group's ReplaceUnhealthy process is suspended.
     */
    public void setInstanceHealth(String groupName, String instanceId, String healthStatus) {
        if (!List.of("Healthy", "Unhealthy").contains(healthStatus)) {
            throw new IllegalArgumentException("health status must be Healthy or Unhealthy, not " + healthStatus);
        }
        synchronized (world) {
            Instant now = world.now();
            Group g = requireGroup(groupName);
            Instance i = g.instance(instanceId).filter(Instance::live).orElseThrow(() -> new IllegalArgumentException(
                    "no live instance " + instanceId + " in Auto Scaling group " + groupName));
            i.healthStatus = healthStatus;
            world.simulation.settleAll(now);
        }
    }

    private Group requireGroup(String name) {
        return world.group(name).orElseThrow(() -> new IllegalArgumentException("no Auto Scaling group " + name));
    }
}
