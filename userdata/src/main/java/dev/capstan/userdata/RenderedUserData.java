package dev.capstan.userdata;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A rendered boot script and its two sizes: raw bytes, and the base64 text that the launch template carries. */
public record RenderedUserData(String script) {
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
