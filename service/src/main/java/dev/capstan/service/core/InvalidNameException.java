package dev.capstan.service.core;

/** A name to greet broke one of the {@link NameRule}s; the message is safe to show to the client. */
public class InvalidNameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final NameRule rule;

    public InvalidNameException(NameRule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public NameRule rule() {
        return rule;
    }
}
