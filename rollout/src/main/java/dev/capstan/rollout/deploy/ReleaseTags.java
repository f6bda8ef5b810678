package dev.capstan.rollout.deploy;

/**
 * Tags the Service stack puts on the group so that a deploy renders exactly what the stack renders and writes the
 * parameter the stack reads: the group says where its own settings live, and the CLI needs no extra configuration.
 */
public final class ReleaseTags {
    /** The SSM parameter holding the environment's last-good image. */
    public static final String LAST_GOOD_PARAMETER = "capstan:last-good-parameter";
    /** The CloudWatch Logs group the instances' containers log to. */
    public static final String LOG_GROUP = "capstan:log-group";

    private ReleaseTags() {
    }
}
