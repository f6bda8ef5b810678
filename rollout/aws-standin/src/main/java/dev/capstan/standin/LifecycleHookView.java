package dev.capstan.standin;

/** A lifecycle hook of a group; {@code transition} is {@code autoscaling:EC2_INSTANCE_LAUNCHING} or {@code ..._TERMINATING}. */
public record LifecycleHookView(String name, String transition, int heartbeatTimeout, String defaultResult) {
}
