package dev.capstan.standin.state;

import dev.capstan.standin.Faults;
import dev.capstan.standin.InstanceIdentity;
import dev.capstan.standin.LifecycleActionRecord;
import dev.capstan.standin.RecordedCall;
import dev.capstan.standin.SimClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the stand-in knows. One lock (this object) guards it all: requests are few and small, and a single
 * lock keeps the simulation's replay of events deterministic.
 */
public final class World {

    public final SimClock clock;
    public final Faults faults = new Faults();
    public final Set<String> actionsEverCalled = new TreeSet<>();
    public Ids ids;
    public EcrState ecr;
    public LaunchTemplates templates;
    public Amis amis;
    public ParameterStore parameters;
    public Map<String, Group> groups;
    public List<RecordedCall> calls;
    public List<LifecycleActionRecord> lifecycleActions;
    public Simulation simulation;
    public InstanceIdentity identity = InstanceIdentity.defaults();

    public World(SimClock clock) {
        this.clock = clock;
        clear();
    }

    /** Forgets all state, faults and recorded calls; keeps the cumulative set of actions ever called. */
    public synchronized void clear() {
        ids = new Ids();
        ecr = new EcrState();
        templates = new LaunchTemplates(ids);
        amis = Amis.withDefaultImage(clock.instant());
        parameters = new ParameterStore();
        groups = new LinkedHashMap<>();
        calls = new ArrayList<>();
        lifecycleActions = new ArrayList<>();
        faults.clear();
        simulation = new Simulation(groups.values(), templates, faults, ids, lifecycleActions, clock.instant());
        identity = InstanceIdentity.defaults();
    }

    /** Brings the simulation up to the clock; returns the current simulated time. */
    public synchronized Instant now() {
        Instant now = clock.instant();
        simulation.catchUp(now);
        // Faults injected since the last event (an alarm, say) take effect now, not at the next event.
        simulation.settleAll(now);
        return now;
    }

    public synchronized void record(RecordedCall call) {
        calls.add(call);
        actionsEverCalled.add(call.iamAction());
    }

    public synchronized Optional<Group> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }
}
