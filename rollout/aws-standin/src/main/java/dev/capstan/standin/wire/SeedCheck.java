package dev.capstan.standin.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.standin.AwsError;
import dev.capstan.standin.AwsStandIn;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.LaunchTemplateView;
import dev.capstan.standin.RepositoryView;
import dev.capstan.standin.state.Amis;
import dev.capstan.standin.state.EcrState;
import dev.capstan.standin.state.ParameterStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Validates a seed document against itself and the current state, naming the first problem. */
final class SeedCheck {

    private static final Set<String> SEEDABLE_STATES = Set.of("InService", "Pending:Wait", "Pending", "Standby");

    private final AwsStandIn standIn;

    SeedCheck(AwsStandIn standIn) {
        this.standIn = standIn;
    }

    void check(JsonNode seed) {
        if (!seed.isObject()) {
            throw new IllegalArgumentException("the seed must be a JSON object");
        }
        checkImages(seed);
        Set<String> newTemplates = new HashSet<>();
        for (JsonNode t : seed.path("launchTemplates")) {
            String name = ControlApi.required(t, "name");
            if (name.length() < 3 || name.length() > 128) {
                throw new IllegalArgumentException("launch template name '" + name + "' must have 3 to 128 characters");
            }
            if (standIn.ec2().findLaunchTemplate(name).isPresent() || !newTemplates.add(name)) {
                throw new IllegalArgumentException("launch template " + name + " already exists");
            }
        }
        Set<String> newGroups = new HashSet<>();
        for (JsonNode g : seed.path("groups")) {
            String name = ControlApi.required(g, "name");
            if (standIn.autoScaling().findGroup(name).isPresent() || !newGroups.add(name)) {
                throw new IllegalArgumentException("group " + name + " already exists");
            }
            checkTemplateReference(g, newTemplates);
            int desired = Seeder.desiredCapacity(g);
            int min = g.path("minSize").asInt(desired);
            int max = g.path("maxSize").asInt(Math.max(1, desired * 2));
            if (min < 0 || desired < min || desired > max) {
                throw new IllegalArgumentException("group " + name + ": capacity must satisfy 0 <= min <= desired <= max");
            }
            try {
                GroupSeedFields.apply(g, GroupSpec.named(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("group " + name + ": " + e.getMessage());
            }
            for (JsonNode i : g.path("instances")) {
                String state = i.path("lifecycleState").asText("InService");
                if (!SEEDABLE_STATES.contains(state)) {
                    throw new IllegalArgumentException("group " + name + ": an instance can be seeded as one of "
                            + SEEDABLE_STATES + ", not " + state);
                }
            }
        }
        checkAmis(seed);
        checkParameters(seed);
        if (seed.has("identity") && !seed.get("identity").isObject()) {
            throw new IllegalArgumentException("identity must be a JSON object");
        }
    }

    private void checkImages(JsonNode seed) {
        Map<String, String> tagged = new HashMap<>();
        for (JsonNode i : seed.path("images")) {
            String repository = ControlApi.required(i, "repository");
            String digest = ControlApi.required(i, "digest");
            if (!digest.matches("sha256:[0-9a-f]{64}")) {
                throw new IllegalArgumentException("digest must be sha256:<64 hex>; got " + digest);
            }
            if (i.hasNonNull("imageStatus") && !EcrState.STATUSES.contains(i.get("imageStatus").asText())) {
                throw new IllegalArgumentException("imageStatus must be one of " + EcrState.STATUSES + "; got "
                        + i.get("imageStatus").asText());
            }
            if (i.has("platforms") && (!i.get("platforms").isArray() || i.get("platforms").isEmpty())) {
                throw new IllegalArgumentException("platforms must be a non-empty list such as [\"linux/amd64\"]");
            }
            for (JsonNode platform : i.path("platforms")) {
                if (!platform.asText().matches("[^/\\s]+/[^/\\s]+(/[^/\\s]+)?")) {
                    throw new IllegalArgumentException("a platform is os/architecture[/variant]; got " + platform.asText());
                }
            }
            String tag = i.path("tag").asText(null);
            if (tag == null) {
                continue;
            }
            String key = repository + ":" + tag;
            Optional<String> existing = standIn.ecr().repository(repository).map(RepositoryView::images).orElse(java.util.List.of())
                    .stream().filter(img -> img.tags().contains(tag)).map(img -> img.digest()).findFirst();
            String earlier = tagged.putIfAbsent(key, digest);
            if ((earlier != null && !earlier.equals(digest)) || existing.filter(d -> !d.equals(digest)).isPresent()) {
                throw new IllegalArgumentException("tag " + key + " would point at two digests (tags are immutable)");
            }
        }
    }

    /** Each AMI id and architecture as EC2 has them (tried on a scratch registry). */
    private static void checkAmis(JsonNode seed) {
        Amis scratch = new Amis();
        seed.path("amis").properties().forEach(a -> scratch.register(a.getKey(), a.getValue().asText(), Instant.EPOCH));
    }

    /** Each parameter name and value as Parameter Store takes them (tried on a scratch store). */
    private static void checkParameters(JsonNode seed) {
        ParameterStore scratch = new ParameterStore();
        seed.path("parameters").properties().forEach(p -> {
            try {
                scratch.put(new ParameterStore.Put(p.getKey(), p.getValue().asText(), "String", true, null, null),
                        Instant.EPOCH);
            } catch (AwsError e) {
                throw new IllegalArgumentException("parameter " + p.getKey() + ": " + e.getMessage(), e);
            }
        });
    }

    private void checkTemplateReference(JsonNode g, Set<String> newTemplates) {
        String template = ControlApi.required(g, "launchTemplate");
        String version = g.path("version").asText("1");
        if (newTemplates.contains(template)) {
            if (!Set.of("1", "$Default", "$Latest").contains(version)) {
                throw new IllegalArgumentException("a newly seeded launch template has only version 1; got " + version);
            }
            return;
        }
        LaunchTemplateView existing = standIn.ec2().findLaunchTemplate(template)
                .orElseThrow(() -> new IllegalArgumentException("no launch template named " + template));
        boolean found = version.equals("$Default") || version.equals("$Latest")
                || existing.versions().stream().anyMatch(v -> Long.toString(v.versionNumber()).equals(version));
        if (!found) {
            throw new IllegalArgumentException("launch template " + template + " has no version " + version);
        }
    }
}
