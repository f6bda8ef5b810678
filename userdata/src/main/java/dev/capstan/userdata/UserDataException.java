package dev.capstan.userdata;

/** A template or a value that cannot be rendered; the message is one sentence that names what to fix. */
public final class UserDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UserDataException(String sentence) {
        super(sentence);
    }
}
