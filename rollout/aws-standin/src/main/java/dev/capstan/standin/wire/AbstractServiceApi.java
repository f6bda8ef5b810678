package dev.capstan.standin.wire;

import dev.capstan.standin.state.World;

import java.util.Set;

/** What each service's API is named by and works on; the protocol, operations and error bodies are its own. */
abstract class AbstractServiceApi implements ServiceApi {

    protected final World world;
    private final String service;
    private final Set<String> actions;

    AbstractServiceApi(String service, Set<String> actions, World world) {
        this.service = service;
        this.actions = actions;
        this.world = world;
    }

    @Override
    public final String service() {
        return service;
    }

    @Override
    public final Set<String> actions() {
        return actions;
    }
}
