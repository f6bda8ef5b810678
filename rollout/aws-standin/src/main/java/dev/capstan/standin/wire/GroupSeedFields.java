package dev.capstan.standin.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.MixedPolicySpec;
import dev.capstan.standin.MixedPolicySpec.InstanceOverride;
import dev.capstan.standin.MixedPolicySpec.InstancesDistribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A seeded group's Auto Scaling fields beyond its size and template: tags, instance maintenance policy, load balancer
 * target group and mixed instances policy. Applying them builds the same values the Java API checks, so
 * {@link SeedCheck} can run them on a scratch spec to refuse a bad seed before anything changes.
 */
final class GroupSeedFields {

    private GroupSeedFields() {
    }

    static void apply(JsonNode g, GroupSpec spec) {
        g.path("tags").properties().forEach(e -> spec.tag(e.getKey(), e.getValue().asText()));
        JsonNode policy = g.path("instanceMaintenancePolicy");
        if (policy.isObject()) {
            spec.instanceMaintenancePolicy(policy.path("minHealthyPercentage").asInt(-1),
                    policy.path("maxHealthyPercentage").asInt(-1));
        }
        JsonNode elb = g.path("elb");
        if (elb.isObject()) {
            spec.elb(Duration.ofSeconds(elb.path("healthCheckIntervalSeconds").asLong(30)),
                    elb.path("healthyThreshold").asInt(5),
                    Duration.ofSeconds(elb.path("deregistrationDelaySeconds").asLong(300)));
        }
        JsonNode mixed = g.path("mixedInstancesPolicy");
        if (mixed.isObject()) {
            spec.mixedInstancesPolicy(mixedPolicy(mixed));
        } else if (mixed.isBoolean()) {
            spec.mixedInstancesPolicy(mixed.asBoolean());
        }
    }

    private static MixedPolicySpec mixedPolicy(JsonNode m) {
        List<InstanceOverride> overrides = new ArrayList<>();
        for (JsonNode o : m.path("overrides")) {
            JsonNode lt = o.path("launchTemplate");
            overrides.add(new InstanceOverride(ControlApi.required(o, "instanceType"), text(o, "weightedCapacity"),
                    lt.isObject() ? new LaunchTemplateRef(text(lt, "id"), text(lt, "name"), lt.path("version").asText("$Default")) : null));
        }
        JsonNode d = m.path("instancesDistribution");
        return new MixedPolicySpec(overrides, new InstancesDistribution(text(d, "onDemandAllocationStrategy"),
                integer(d, "onDemandBaseCapacity"), integer(d, "onDemandPercentageAboveBaseCapacity"),
                text(d, "spotAllocationStrategy"), integer(d, "spotInstancePools"), text(d, "spotMaxPrice")));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Integer integer(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asInt() : null;
    }
}
