package dev.capstan.rollout.admin;

import dev.capstan.rollout.group.GroupInstance;
import dev.capstan.rollout.group.GroupSnapshot;

/** The instance {@code rollout admin} connects to, the group it was found in, and whether the operator named it. */
public record AdminTarget(GroupSnapshot group, GroupInstance instance, boolean named) {
}
