package dev.capstan.standin.state;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic ids shaped like AWS's, so test runs repeat exactly. */
public final class Ids {

    private long instances = 0x0a1b2c3d4e5f6000L;
    private long templates = 0x0f1e2d3c4b5a6000L;
    private long refreshes;

    public String nextInstanceId() {
        return String.format("i-0%016x", ++instances);
    }

    public String nextLaunchTemplateId() {
        return String.format("lt-0%016x", ++templates);
    }

    public String nextRefreshId() {
        return UUID.nameUUIDFromBytes(("refresh-" + (++refreshes)).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
