package dev.capstan.userdata;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A rendered boot script and its sizes: raw bytes, the base64 text that the launch template carries, and the most
 * raw bytes it can have once deferred values are resolved (equal to the raw bytes when nothing was deferred).
 */
public record RenderedUserData(String script, int longestRawBytes) {
    public RenderedUserData(String script) {
        this(script, script.getBytes(StandardCharsets.UTF_8).length);
    }

    public int rawBytes() {
        return script.getBytes(StandardCharsets.UTF_8).length;
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
    }

    public int encodedBytes() {
        return base64().length();
    }
}
