package dev.capstan.standin.state;

import java.util.List;

/**
 * Auto Scaling's scaling processes, as SuspendProcesses names them (botocore/data/autoscaling/2011-01-01/service-2.json,
 * {@code ScalingProcessQuery.ScalingProcesses}; User Guide, "Suspend and resume Amazon EC2 Auto Scaling processes",
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-suspend-resume-processes.html). Only ReplaceUnhealthy
 * changes what the simulation does; the others would each change a behaviour the stand-in does not model in full
 * (scaling, rebalancing, alarms, schedules), so suspending them is refused rather than reported and ignored.
 */
public final class ScalingProcesses {

    public static final String REPLACE_UNHEALTHY = "ReplaceUnhealthy";

    public static final List<String> ALL = List.of("Launch", "Terminate", "AddToLoadBalancer", "AlarmNotification",
            "AZRebalance", "HealthCheck", "InstanceRefresh", REPLACE_UNHEALTHY, "ScheduledActions");

    public static final List<String> MODELLED = List.of(REPLACE_UNHEALTHY);

    private ScalingProcesses() {
    }

    /** Throws IllegalArgumentException for a name AWS does not know or a process the stand-in does not model. */
    public static String check(String process) {
        if (!ALL.contains(process)) {
            throw new IllegalArgumentException("no scaling process named " + process + "; Auto Scaling's are " + ALL);
        }
        if (!MODELLED.contains(process)) {
            throw new IllegalArgumentException("suspending " + process + " is not modelled; the stand-in models "
                    + MODELLED);
        }
        return process;
    }

    /**
     * What DescribeAutoScalingGroups reports as a user suspension's {@code SuspensionReason}: "User suspended at"
     * and the time, e.g. "User suspended at 2019-09-03T17:29:07Z" (the model leaves the text free; this is the
     * spelling AWS's answers carry in public reports and SDK fixtures).
     */
    public static String userSuspensionReason(java.time.Instant at) {
        return "User suspended at " + at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
