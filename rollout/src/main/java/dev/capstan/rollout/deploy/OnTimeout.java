package dev.capstan.rollout.deploy;

/** What happens to our refresh when the deploy times out or is interrupted (the exit code is 3 either way). */
public enum OnTimeout {
    /** RollbackInstanceRefresh: put back the instances already replaced (the default). */
    rollback,
    /** CancelInstanceRefresh: stop replacing, keep what was replaced so far. */
    cancel,
    /** Leave the refresh running; someone follows it with rollout status. */
    leave
}
