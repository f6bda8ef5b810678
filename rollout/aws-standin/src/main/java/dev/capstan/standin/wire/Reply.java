package dev.capstan.standin.wire;

/** An HTTP answer: status, content type and body. */
public record Reply(int status, String contentType, String body) {

    public static Reply xml(String body) {
        return new Reply(200, "text/xml", body);
    }

    public static Reply json(String body) {
        return new Reply(200, "application/x-amz-json-1.1", body);
    }
}
