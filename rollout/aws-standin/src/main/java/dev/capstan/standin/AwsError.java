package dev.capstan.standin;

/**
 * An error answer of an AWS operation: the code as AWS spells it, a message, and the HTTP status. Each protocol
 * renders it in its own error body.
 */
public final class AwsError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int httpStatus;

    public AwsError(String code, int httpStatus, String message) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public static AwsError validation(String message) {
        return new AwsError("ValidationError", 400, message);
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Errors the caller caused get the {@code Sender} type in Query error bodies; 5xx are {@code Receiver}. */
    public boolean senderFault() {
        return httpStatus < 500;
    }
}
