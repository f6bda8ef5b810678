package dev.capstan.rollout;

/** A failure that ends the command: one sentence for the operator and the exit code that goes with it. */
public class RolloutException extends RuntimeException {
    private final int exitCode;

    public RolloutException(int exitCode, String sentence) {
        super(sentence);
        this.exitCode = exitCode;
    }

    public RolloutException(int exitCode, String sentence, Throwable cause) {
        super(sentence, cause);
        this.exitCode = exitCode;
    }

    public static RolloutException invalid(String sentence) {
        return new RolloutException(ExitCode.INVALID, sentence);
    }

    public int exitCode() {
        return exitCode;
    }
}
