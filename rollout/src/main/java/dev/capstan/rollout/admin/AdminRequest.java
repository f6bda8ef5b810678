package dev.capstan.rollout.admin;

import dev.capstan.rollout.RolloutException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code rollout admin} was asked for, checked before any AWS call: an instance id in EC2's form and ports a TCP
 * socket can have.
 */
public record AdminRequest(String group, Optional<String> instanceId, int remotePort, int localPort) {
    /**
     * "i-" and 8 or 17 lower-case hexadecimal digits: EC2 User Guide, "Resource IDs"
     * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html), 8 characters after the hyphen before
     * 2016, 17 since.
     */
    private static final Pattern INSTANCE_ID = Pattern.compile("i-(?:[0-9a-f]{8}|[0-9a-f]{17})");

    public AdminRequest {
        if (group == null || group.isBlank()) {
            throw RolloutException.invalid("--asg must name an Auto Scaling group.");
        }
        instanceId.ifPresent(id -> {
            if (!INSTANCE_ID.matcher(id).matches()) {
                throw RolloutException.invalid("--instance '" + id + "' is not an EC2 instance id: expected i- and 8 or "
                        + "17 lower-case hexadecimal digits, e.g. i-0123456789abcdef0.");
            }
        });
        requirePort("--port", remotePort);
        requirePort("--local-port", localPort);
    }

    private static void requirePort(String option, int port) {
        if (port < 1 || port > 65535) {
            throw RolloutException.invalid(option + " must be a TCP port from 1 to 65535 (got " + port + ").");
        }
    }
}
