package dev.capstan.rollout.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one AWS call (including the consumption of a paginator) and names it by its IAM action when it fails, so an
 * access error tells the operator exactly which permission is missing.
 */
public final class AwsCall {
    private AwsCall() {
    }

    public static <T> T run(String action, Supplier<T> call) {
        return run(action, Grantee.DEPLOY_ROLE, call);
    }

    /** As {@link #run(String, Supplier)}, for a call made with {@code grantee}'s credentials. */
    public static <T> T run(String action, Grantee grantee, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsErrors.translate(action, e, grantee);
        }
    }

    public static void exec(String action, Runnable call) {
        run(action, () -> {
            call.run();
            return null;
        });
    }
}
