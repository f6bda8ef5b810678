package dev.capstan.standin.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.standin.AwsError;
import dev.capstan.standin.state.EcrState;
import dev.capstan.standin.state.World;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** ECR over JSON 1.1: X-Amz-Target {@code AmazonEC2ContainerRegistry_V20150921.<Op>}, JSON in and out. */
public final class EcrApi extends JsonServiceApi {

    public static final String TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921.";
    private static final Set<String> ACTIONS = Set.of("DescribeImages", "BatchGetImage", "DescribeRepositories",
            "GetAuthorizationToken");
    static final ObjectMapper JSON = JsonWire.JSON;

    public EcrApi(World world) {
        super("ecr", TARGET_PREFIX, ACTIONS, world);
    }

    @Override
    void answer(String action, JsonNode in, ObjectNode out, Instant now) {
        switch (action) {
            case "DescribeImages" -> describeImages(in, out);
            case "BatchGetImage" -> batchGetImage(in, out);
            case "DescribeRepositories" -> describeRepositories(in, out);
            case "GetAuthorizationToken" -> authorizationToken(out, now);
            default -> throw new IllegalStateException(action);
        }
    }

    private static AwsError invalid(String message) {
        return new AwsError("InvalidParameterException", 400, message);
    }

    private EcrState.Repository repository(JsonNode in) {
        String name = JsonWire.text(in, "repositoryName");
        if (name == null) {
            throw invalid("1 validation error detected: Value null at 'repositoryName' failed to satisfy constraint: Member must not be null");
        }
        String registry = JsonWire.text(in, "registryId");
        EcrState.Repository repo = world.ecr.repositories.get(name);
        if (repo == null || (registry != null && !registry.equals(EcrState.REGISTRY_ID))) {
            throw repositoryNotFound(name, registry);
        }
        return repo;
    }

    private static AwsError repositoryNotFound(String name, String registry) {
        return new AwsError("RepositoryNotFoundException", 400, "The repository with name '" + name
                + "' does not exist in the registry with id '" + (registry != null ? registry : EcrState.REGISTRY_ID) + "'");
    }

    private static EcrState.Image find(EcrState.Repository repo, JsonNode id) {
        String digest = JsonWire.text(id, "imageDigest");
        String tag = JsonWire.text(id, "imageTag");
        if (digest == null && tag == null) {
            throw invalid("Invalid parameter at 'imageIds' failed to satisfy constraint: 'Image identifiers must contain an imageDigest or imageTag'");
        }
        for (EcrState.Image i : repo.images) {
            if ((digest == null || i.digest.equals(digest)) && (tag == null || i.tags.contains(tag))) {
                return i;
            }
        }
        return null;
    }

    private void describeImages(JsonNode in, ObjectNode out) {
        EcrState.Repository repo = repository(in);
        List<EcrState.Image> images = new ArrayList<>();
        JsonNode ids = in.get("imageIds");
        if (ids != null && ids.isArray() && ids.size() > 0) {
            for (JsonNode id : ids) {
                EcrState.Image i = find(repo, id);
                if (i == null) {
                    throw new AwsError("ImageNotFoundException", 400, "The image with imageId {imageDigest:'"
                            + JsonWire.text(id, "imageDigest") + "', imageTag:'" + JsonWire.text(id, "imageTag")
                            + "'} does not exist within the repository with name '" + repo.name
                            + "' in the registry with id '" + EcrState.REGISTRY_ID + "'");
                }
                images.add(i);
            }
        } else {
            String tagStatus = in.path("filter").path("tagStatus").asText("ANY");
            String imageStatus = imageStatusFilter(in);
            for (EcrState.Image i : repo.images) {
                boolean tagMatches = tagStatus.equals("ANY") || tagStatus.equals("TAGGED") == !i.tags.isEmpty();
                if (tagMatches && (imageStatus.equals("ANY") || imageStatus.equals(i.status))) {
                    images.add(i);
                }
            }
        }
        Integer max = in.has("maxResults") ? in.get("maxResults").asInt() : null;
        Page<EcrState.Image> page = Page.of(images, max, 100, JsonWire.text(in, "nextToken"),
                () -> invalid("Invalid parameter at 'nextToken' failed to satisfy constraint: 'The token is invalid'"));
        ArrayNode details = out.putArray("imageDetails");
        for (EcrState.Image i : page.items()) {
            ObjectNode d = details.addObject().put("registryId", EcrState.REGISTRY_ID).put("repositoryName", repo.name)
                    .put("imageDigest", i.digest);
            ArrayNode tags = d.putArray("imageTags");
            i.tags.forEach(tags::add);
            d.put("imageSizeInBytes", i.sizeInBytes).put("imagePushedAt", JsonWire.epoch(i.pushedAt))
                    .put("imageManifestMediaType", i.manifestMediaType);
            if (!i.isIndex()) {
                d.put("artifactMediaType", "application/vnd.oci.image.config.v1+json");
            }
            d.put("imageStatus", i.status);
            if (i.lastArchivedAt != null) {
                d.put("lastArchivedAt", JsonWire.epoch(i.lastArchivedAt));
            }
            if (i.lastActivatedAt != null) {
                d.put("lastActivatedAt", JsonWire.epoch(i.lastActivatedAt));
            }
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
    }

    private void batchGetImage(JsonNode in, ObjectNode out) {
        EcrState.Repository repo = repository(in);
        List<String> accepted = null;
        if (in.hasNonNull("acceptedMediaTypes")) {
            accepted = new ArrayList<>();
            for (JsonNode t : in.get("acceptedMediaTypes")) {
                accepted.add(t.asText());
            }
        }
        ArrayNode images = out.putArray("images");
        ArrayNode failures = out.putArray("failures");
        for (JsonNode id : in.path("imageIds")) {
            EcrState.Image i = find(repo, id);
            String tag = JsonWire.text(id, "imageTag");
            // "Archived images cannot be pulled. Requests to pull the archived image will fail with a 404 error."
            // (https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive-image.html); a pull is a BatchGetImage.
            Optional<EcrManifests.Manifest> manifest = i == null || !i.status.equals("ACTIVE") ? Optional.empty()
                    : EcrManifests.negotiate(i, accepted, tag != null);
            if (manifest.isEmpty()) {
                failures.addObject().<ObjectNode>set("imageId", id.deepCopy())
                        .put("failureCode", "ImageNotFound").put("failureReason", "Requested image not found");
                continue;
            }
            ObjectNode image = images.addObject().put("registryId", EcrState.REGISTRY_ID).put("repositoryName", repo.name);
            ObjectNode imageId = image.putObject("imageId").put("imageDigest", i.digest);
            if (tag != null) {
                imageId.put("imageTag", tag);
            }
            image.put("imageManifest", manifest.get().json()).put("imageManifestMediaType", manifest.get().mediaType());
        }
    }

    /**
     * DescribeImagesFilter.imageStatus: "If not specified, only images with ACTIVE status are returned."
     * (botocore/data/ecr/2015-09-21/service-2.json); ANY returns all. It applies to listing only: an image asked
     * for by id is described whatever its status, as an archived image "can still be described"
     * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive-image.html).
     */
    private static String imageStatusFilter(JsonNode in) {
        String status = in.path("filter").path("imageStatus").asText("ACTIVE");
        if (!status.equals("ANY") && !EcrState.STATUSES.contains(status)) {
            throw invalid("Invalid parameter at 'filter.imageStatus' failed to satisfy constraint: "
                    + "'Member must satisfy enum value set: [ACTIVE, ARCHIVED, ACTIVATING, ANY]'");
        }
        return status;
    }

    private void describeRepositories(JsonNode in, ObjectNode out) {
        List<EcrState.Repository> repos = new ArrayList<>();
        JsonNode names = in.get("repositoryNames");
        String registry = JsonWire.text(in, "registryId");
        if (names != null && names.isArray() && names.size() > 0) {
            for (JsonNode n : names) {
                EcrState.Repository r = world.ecr.repositories.get(n.asText());
                if (r == null || (registry != null && !registry.equals(EcrState.REGISTRY_ID))) {
                    throw repositoryNotFound(n.asText(), registry);
                }
                repos.add(r);
            }
        } else {
            repos.addAll(world.ecr.repositories.values());
        }
        Integer max = in.has("maxResults") ? in.get("maxResults").asInt() : null;
        Page<EcrState.Repository> page = Page.of(repos, max, 100, JsonWire.text(in, "nextToken"),
                () -> invalid("Invalid parameter at 'nextToken' failed to satisfy constraint: 'The token is invalid'"));
        ArrayNode list = out.putArray("repositories");
        for (EcrState.Repository r : page.items()) {
            ObjectNode o = list.addObject().put("repositoryArn", r.arn()).put("registryId", EcrState.REGISTRY_ID)
                    .put("repositoryName", r.name).put("repositoryUri", world.ecr.registryHost + "/" + r.name)
                    .put("createdAt", JsonWire.epoch(r.createdAt)).put("imageTagMutability", "IMMUTABLE");
            o.putObject("imageScanningConfiguration").put("scanOnPush", true);
            o.putObject("encryptionConfiguration").put("encryptionType", "AES256");
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
    }

    private void authorizationToken(ObjectNode out, Instant now) {
        String token = Base64.getEncoder().encodeToString(("AWS:" + world.ecr.password).getBytes(StandardCharsets.UTF_8));
        out.putArray("authorizationData").addObject().put("authorizationToken", token)
                .put("expiresAt", JsonWire.epoch(now.plus(Duration.ofHours(12))))
                .put("proxyEndpoint", world.ecr.proxyEndpoint());
    }
}
