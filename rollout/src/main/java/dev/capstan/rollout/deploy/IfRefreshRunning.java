package dev.capstan.rollout.deploy;

/** What deploy does when the group already has a refresh in progress. */
public enum IfRefreshRunning {
    /** Exit 2 without changing anything (the default: two deploys racing is usually a mistake). */
    fail,
    /** Wait for that refresh to end, then deploy. */
    wait,
    /** Cancel that refresh, wait until it stops, then deploy. */
    cancel
}
