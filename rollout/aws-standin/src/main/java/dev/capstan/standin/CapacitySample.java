package dev.capstan.standin;

import java.time.Instant;

/**
 * A group's capacity at one simulated instant, recorded whenever one of the numbers changes.
 *
 * @param inService instances that are InService, Healthy, not deregistering and, for a group with a target group,
 *                  healthy in it: the instances that serve
 * @param desired   the group's desired capacity
 * @param live      instances that are not terminating (pending, in service or in standby)
 */
public record CapacitySample(Instant at, int inService, int desired, int live) {
}
