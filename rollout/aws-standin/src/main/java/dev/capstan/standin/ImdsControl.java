package dev.capstan.standin;

import dev.capstan.standin.imds.ImdsServer;
import dev.capstan.standin.state.World;

import java.net.URI;

/** The IMDSv2 stand-in: what it says about the instance, and where it listens. */
public final class ImdsControl {

    private final World world;
    private final ImdsServer server;

    ImdsControl(World world, ImdsServer server) {
        this.world = world;
        this.server = server;
    }

    /** {@code http://127.0.0.1:PORT}; starts the listener on a free loopback port if it is not running yet. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.ensureStarted());
    }

    public void setIdentity(InstanceIdentity identity) {
        synchronized (world) {
            world.identity = identity;
        }
    }

    public InstanceIdentity identity() {
        synchronized (world) {
            return world.identity;
        }
    }

    void stop() {
        server.stop();
    }
}
