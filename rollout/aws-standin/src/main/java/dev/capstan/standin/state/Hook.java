package dev.capstan.standin.state;

import java.time.Duration;

/** A lifecycle hook of a group. */
public record Hook(String name, String transition, Duration heartbeatTimeout, String defaultResult) {

    public static final String LAUNCHING = "autoscaling:EC2_INSTANCE_LAUNCHING";

    public boolean onLaunch() {
        return transition.equals(LAUNCHING);
    }
}
