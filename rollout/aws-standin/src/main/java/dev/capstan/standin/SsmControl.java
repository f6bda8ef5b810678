package dev.capstan.standin;

import dev.capstan.standin.state.ParameterStore;
import dev.capstan.standin.state.World;

import java.util.List;
import java.util.Optional;

/** Seeds and inspects SSM Parameter Store (Standard tier, region eu-west-1, account 123456789012). */
public final class SsmControl {

    private final World world;

    SsmControl(World world) {
        this.world = world;
    }

    /**
     * Writes a parameter as {@code PutParameter --overwrite} would: a new one gets type String and version 1, an
     * existing one keeps its type and gets the next version. Names and values follow Parameter Store's rules.
     */
    public ParameterView putParameter(String name, String value) {
        synchronized (world) {
            try {
                return view(world.parameters.put(new ParameterStore.Put(name, value,
                        world.parameters.latest(name).isPresent() ? null : "String", true, null, null), world.now()));
            } catch (AwsError e) {
                throw new IllegalArgumentException(e.code() + ": " + e.getMessage(), e);
            }
        }
    }

    public Optional<ParameterView> parameter(String name) {
        synchronized (world) {
            return world.parameters.latest(name).map(SsmControl::view);
        }
    }

    /** Every parameter's latest version, by name. */
    public List<ParameterView> parameters() {
        synchronized (world) {
            return world.parameters.all().stream().map(SsmControl::view).toList();
        }
    }

    private static ParameterView view(ParameterStore.Version v) {
        return new ParameterView(v.name(), v.value(), v.type(), v.version(), v.lastModifiedDate());
    }
}
