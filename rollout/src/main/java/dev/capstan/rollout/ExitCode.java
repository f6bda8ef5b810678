package dev.capstan.rollout;

/** The process exit codes every command uses; docs/rollout.md documents the same table. */
public final class ExitCode {
    public static final int SUCCESS = 0;
    public static final int DEPLOY_FAILED = 1;
    public static final int INVALID = 2;
    public static final int TIMED_OUT = 3;
    public static final int AWS_ERROR = 4;

    private ExitCode() {
    }
}
