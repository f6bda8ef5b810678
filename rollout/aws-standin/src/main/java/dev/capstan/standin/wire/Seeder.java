package dev.capstan.standin.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.standin.AwsStandIn;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.InstanceSpec;
import dev.capstan.standin.TemplateSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Applies a control-API seed document through the Java API, in dependency order. */
final class Seeder {

    private final AwsStandIn standIn;

    Seeder(AwsStandIn standIn) {
        this.standIn = standIn;
    }

    /** Checks the whole document first, so a bad seed is refused before anything changes. */
    void seed(JsonNode seed) {
        new SeedCheck(standIn).check(seed);
        if (seed.hasNonNull("registryHost")) {
            standIn.ecr().setRegistryHost(seed.get("registryHost").asText());
        }
        if (seed.hasNonNull("proxyEndpoint")) {
            standIn.ecr().setProxyEndpoint(seed.get("proxyEndpoint").asText());
        }
        if (seed.hasNonNull("ecrPassword")) {
            standIn.ecr().setAuthorizationPassword(seed.get("ecrPassword").asText());
        }
        for (JsonNode r : seed.path("repositories")) {
            standIn.ecr().createRepository(r.asText());
        }
        for (JsonNode i : seed.path("images")) {
            image(i);
        }
        seed.path("amis").properties().forEach(a -> standIn.ec2().registerImage(a.getKey(), a.getValue().asText()));
        seed.path("parameters").properties().forEach(p -> standIn.ssm().putParameter(p.getKey(), p.getValue().asText()));
        for (JsonNode t : seed.path("launchTemplates")) {
            template(t);
        }
        for (JsonNode g : seed.path("groups")) {
            group(g);
        }
        if (seed.has("identity")) {
            standIn.imds().setIdentity(ControlApi.identity(standIn.imds().identity(), seed.get("identity")));
        }
    }

    /** A single image, or an image index when {@code platforms} is given; then its {@code imageStatus}. */
    private void image(JsonNode i) {
        String repository = ControlApi.required(i, "repository");
        String digest = ControlApi.required(i, "digest");
        String tag = i.path("tag").asText(null);
        if (i.has("platforms")) {
            standIn.ecr().putImageIndex(repository, tag, digest, strings(i.get("platforms")));
        } else {
            standIn.ecr().putImage(repository, tag, digest, i.path("sizeInBytes").asLong(123_456_789L));
        }
        if (i.hasNonNull("imageStatus")) {
            standIn.ecr().setImageStatus(repository, digest, i.get("imageStatus").asText());
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private void template(JsonNode t) {
        TemplateSpec spec = TemplateSpec.named(ControlApi.required(t, "name"));
        if (t.hasNonNull("userData")) {
            spec.userData(t.get("userData").asText());
        }
        if (t.hasNonNull("versionDescription")) {
            spec.versionDescription(t.get("versionDescription").asText());
        }
        if (t.hasNonNull("imageId")) {
            spec.imageId(t.get("imageId").asText());
        }
        if (t.hasNonNull("instanceType")) {
            spec.instanceType(t.get("instanceType").asText());
        }
        if (t.hasNonNull("instanceProfileName")) {
            spec.instanceProfileName(t.get("instanceProfileName").asText());
        }
        t.path("instanceTags").properties().forEach(e -> spec.instanceTag(e.getKey(), e.getValue().asText()));
        if (t.has("metadataOptions")) {
            JsonNode m = t.get("metadataOptions");
            spec.metadataOptions(m.path("httpTokens").asText(null), m.hasNonNull("hopLimit") ? m.get("hopLimit").asInt() : null);
        }
        for (JsonNode b : t.path("blockDevices")) {
            spec.blockDevice(ControlApi.required(b, "deviceName"), b.path("snapshotId").asText(null),
                    b.path("sizeGiB").asInt(8), b.path("volumeType").asText("gp3"));
        }
        standIn.ec2().createLaunchTemplate(spec);
    }

    private void group(JsonNode g) {
        GroupSpec spec = GroupSpec.named(ControlApi.required(g, "name"))
                .launchTemplate(ControlApi.required(g, "launchTemplate"), g.path("version").asText("1"));
        int desired = desiredCapacity(g);
        spec.capacity(g.path("minSize").asInt(desired), desired, g.path("maxSize").asInt(Math.max(1, desired * 2)));
        if (g.has("availabilityZones")) {
            List<String> zones = new ArrayList<>();
            g.get("availabilityZones").forEach(z -> zones.add(z.asText()));
            spec.availabilityZones(zones.toArray(String[]::new));
        }
        if (g.hasNonNull("launchHook")) {
            spec.launchHook(g.get("launchHook").asText(),
                    Duration.ofSeconds(g.path("launchHookHeartbeatSeconds").asLong(3600)),
                    g.path("launchHookDefaultResult").asText("ABANDON"));
        }
        spec.holdLifecycleActions(g.path("holdLifecycleActions").asBoolean(false));
        GroupSeedFields.apply(g, spec);
        if (g.has("healthCheckGracePeriodSeconds")) {
            spec.healthCheckGracePeriod(Duration.ofSeconds(g.get("healthCheckGracePeriodSeconds").asLong()));
        }
        if (g.has("defaultInstanceWarmupSeconds")) {
            spec.defaultInstanceWarmup(Duration.ofSeconds(g.get("defaultInstanceWarmupSeconds").asLong()));
        }
        for (JsonNode i : g.path("instances")) {
            spec.instance(new InstanceSpec(i.path("instanceId").asText(null), i.path("availabilityZone").asText(null),
                    i.path("lifecycleState").asText("InService"), i.path("launchTemplateVersion").asText(null),
                    i.path("protectedFromScaleIn").asBoolean(false)));
        }
        standIn.autoScaling().createGroup(spec);
    }

    /** As given; else the number of seeded instances not in Standby; else 2 (as {@link GroupSpec} defaults). */
    static int desiredCapacity(JsonNode group) {
        int instances = group.path("instances").size();
        int counted = 0;
        for (JsonNode i : group.path("instances")) {
            counted += "Standby".equals(i.path("lifecycleState").asText()) ? 0 : 1;
        }
        return group.path("desiredCapacity").asInt(instances > 0 ? counted : 2);
    }
}
