package dev.capstan.rollout.admin;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.group.GroupInstance;
import dev.capstan.rollout.group.GroupSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Chooses the instance whose admin port to forward. Only an instance that serves is picked: InService and Healthy.
 * Among those the newest launch template version comes first (after a deploy, or during one, that is the code
 * being judged), then the lowest instance id, so that two operators asking at once land on the same instance.
 *
 * <p>An instance named with {@code --instance} must be in the group and InService and Healthy, or in Standby: Standby
 * is how an operator takes an instance out of service to troubleshoot it (Auto Scaling User Guide, "Temporarily
 * remove instances from your Auto Scaling group": "you can put an instance that is in the InService state into the
 * Standby state, update or troubleshoot the instance, and then return the instance to service"), and its service keeps
 * running. Pending, Terminating, Unhealthy or Detaching instances are refused: their service is not up yet or is going
 * away, so the session would show nothing or drop.
 */
public final class InstancePicker {
    public static final String RULE = "the newest launch template version first, then the lowest instance id";

    // A version that is not a number ($Latest, none) resolves to -1 and sorts last.
    private static final Comparator<GroupInstance> PREFERRED = Comparator
            .comparingLong((GroupInstance i) -> GroupSnapshot.resolve(i.templateVersion(), -1, -1)).reversed()
            .thenComparing(GroupInstance::id);

    public AdminTarget pick(GroupSnapshot group) {
        return group.instances().stream().filter(InstancePicker::serving).min(PREFERRED)
                .map(i -> new AdminTarget(group, i, false))
                .orElseThrow(() -> RolloutException.invalid("The Auto Scaling group '" + group.name()
                        + "' has no InService, Healthy instance to connect to (" + inventory(group.instances())
                        + "); wait for one, or name an instance in Standby with --instance."));
    }

    public AdminTarget named(GroupSnapshot group, String instanceId) {
        GroupInstance instance = group.instances().stream().filter(i -> i.id().equals(instanceId)).findFirst()
                .orElseThrow(() -> RolloutException.invalid("Instance " + instanceId + " is not in the Auto Scaling group '"
                        + group.name() + "'; check --instance and --asg, or leave --instance out to let rollout admin pick one."));
        if (!serving(instance) && !instance.inStandby()) {
            // A launching instance will serve soon; any other state does not come back (Unhealthy ones are replaced).
            throw RolloutException.invalid("Instance " + instanceId + " of " + group.name() + " is " + state(instance)
                    + "; rollout admin connects only to an InService, Healthy instance or to one in Standby, so "
                    + (instance.lifecycleState().startsWith("Pending") ? "wait until it is InService or " : "")
                    + "leave --instance out to let rollout admin pick one.");
        }
        return new AdminTarget(group, instance, true);
    }

    static boolean serving(GroupInstance i) {
        return i.inService() && healthy(i);
    }

    static boolean healthy(GroupInstance i) {
        // DescribeAutoScalingGroups says Healthy; DescribeAutoScalingInstances says HEALTHY.
        return "Healthy".equalsIgnoreCase(i.health());
    }

    /** "InService and Unhealthy", "Pending" ... as the operator will see it in the console. */
    static String state(GroupInstance i) {
        return i.inService() ? i.lifecycleState() + " and " + i.health() : i.lifecycleState();
    }

    private static String inventory(List<GroupInstance> instances) {
        if (instances.isEmpty()) {
            return "it has no instances";
        }
        return "its instances: " + instances.stream().map(i -> i.id() + " " + state(i)).collect(Collectors.joining(", "));
    }
}
