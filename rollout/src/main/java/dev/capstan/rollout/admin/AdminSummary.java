package dev.capstan.rollout.admin;

import dev.capstan.rollout.group.GroupInstance;
import dev.capstan.rollout.group.GroupSnapshot;
import java.io.PrintWriter;
import java.util.List;

/**
 * What the operator reads on stderr beside the command: which instance, why that one, and what to open once the
 * session runs. stdout carries the command alone, so that it can be eval'd.
 */
public final class AdminSummary {
    /** The admin port's read-only endpoints (docs/operations.md, "Admin port"). */
    static final List<String> ENDPOINTS = List.of("/healthcheck", "/threads", "/metrics", "/prometheus", "/instance");

    private final PrintWriter err;

    public AdminSummary(PrintWriter err) {
        this.err = err;
    }

    public void print(AdminTarget target, PortForwardSession session) {
        GroupSnapshot group = target.group();
        GroupInstance instance = target.instance();
        err.println("Instance " + instance.id() + " in " + instance.availabilityZone() + ": "
                + InstancePicker.state(instance) + (instance.inService() ? "" : " (" + instance.health() + ")")
                + ", launch template " + templateName(group, instance) + " version " + instance.templateVersion() + ".");
        List<GroupInstance> inService = group.inService();
        String count = inService.size() + " InService instance" + (inService.size() == 1 ? "" : "s") + " ("
                + inService.stream().filter(InstancePicker::healthy).count() + " Healthy)";
        err.println(target.named()
                ? "Named with --instance; " + group.name() + " has " + count + "."
                : "Picked from the " + count + " of " + group.name() + ": " + InstancePicker.RULE + ".");
        if (instance.inStandby()) {
            err.println("It is in Standby: the load balancer sends it no requests and Auto Scaling does not replace it"
                    + " on a failed health check; return it with 'aws autoscaling exit-standby' when you are done.");
        }
        String base = "http://localhost:" + session.localPort();
        err.println("Run the command above (it needs the Session Manager plugin); once it says 'Waiting for connections...',"
                + " open " + base + ENDPOINTS.get(0) + ", " + String.join(", ", ENDPOINTS.subList(1, ENDPOINTS.size()))
                + ". Ctrl-C ends the session.");
    }

    private static String templateName(GroupSnapshot group, GroupInstance instance) {
        return instance.templateId() != null && instance.templateId().equals(group.templateId()) && group.templateName() != null
                ? group.templateName() : String.valueOf(instance.templateId());
    }
}
