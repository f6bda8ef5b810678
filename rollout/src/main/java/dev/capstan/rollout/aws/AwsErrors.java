package dev.capstan.rollout.aws;

import dev.capstan.rollout.ExitCode;
import dev.capstan.rollout.RolloutException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions that no step handled itself into one sentence and exit code 4. */
public final class AwsErrors {
    private static final Set<String> ACCESS_CODES = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess",
            "AuthFailure", "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken",
            "ExpiredTokenException", "SignatureDoesNotMatch", "MissingAuthenticationToken");

    private AwsErrors() {
    }

    public static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "" : e.awsErrorDetails().errorCode();
    }

    public static String message(AwsServiceException e) {
        String m = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return m == null || m.isBlank() ? e.getMessage() : m;
    }

    public static boolean isAccessDenied(AwsServiceException e) {
        return ACCESS_CODES.contains(code(e)) || e.statusCode() == 403;
    }

    /** {@code action} is the IAM name of the call, e.g. autoscaling:StartInstanceRefresh; the deploy role made it. */
    public static RolloutException translate(String action, SdkException e) {
        return translate(action, e, Grantee.DEPLOY_ROLE);
    }

    /** As {@link #translate(String, SdkException)}, for a call made with {@code grantee}'s credentials. */
    public static RolloutException translate(String action, SdkException e, Grantee grantee) {
        if (e instanceof AwsServiceException service) {
            if (isAccessDenied(service)) {
                return new RolloutException(ExitCode.AWS_ERROR,
                        "AWS denied " + action + " (" + code(service) + "): " + grantee.grantHint(action) + ".", e);
            }
            return new RolloutException(ExitCode.AWS_ERROR,
                    "AWS answered " + action + " with " + code(service) + " (HTTP " + service.statusCode() + "): "
                            + sentenceBody(message(service)) + "; check the request and run again.", e);
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
            return new RolloutException(ExitCode.AWS_ERROR, "No AWS credentials were found for " + action
                    + ": " + grantee.credentialsHint() + ".", e);
        }
        if (e instanceof SdkClientException) {
            return new RolloutException(ExitCode.AWS_ERROR,
                    "Could not complete " + action + ": " + sentenceBody(e.getMessage())
                            + "; check the network, the region and AWS_ENDPOINT_URL if it is set.", e);
        }
        return new RolloutException(ExitCode.AWS_ERROR,
                "Unexpected AWS SDK error in " + action + ": " + sentenceBody(e.getMessage()) + ".", e);
    }

    static String sentenceBody(String s) {
        if (s == null || s.isBlank()) {
            return "no detail given";
        }
        String t = s.strip().lines().findFirst().orElse("").strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
