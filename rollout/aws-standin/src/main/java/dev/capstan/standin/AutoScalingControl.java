package dev.capstan.standin;

import dev.capstan.standin.state.Group;
import dev.capstan.standin.state.GroupOperations;
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

    private Group requireGroup(String name) {
        return world.group(name).orElseThrow(() -> new IllegalArgumentException("no Auto Scaling group " + name));
    }
}
