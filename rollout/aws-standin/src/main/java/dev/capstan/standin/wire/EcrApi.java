package dev.capstan.standin.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.standin.AwsError;
import dev.capstan.standin.state.EcrState;
import dev.capstan.standin.state.World;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ECR over JSON 1.1: X-Amz-Target {@code AmazonEC2ContainerRegistry_V20150921.<Op>}, JSON in and out. */
public final class EcrApi extends AbstractServiceApi {

    public static final String TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921.";
    private static final Set<String> ACTIONS = Set.of("DescribeImages", "BatchGetImage", "DescribeRepositories",
            "GetAuthorizationToken");
    static final ObjectMapper JSON = new ObjectMapper();

    public EcrApi(World world) {
        super("ecr", ACTIONS, world);
    }

    @Override
    public Map<String, String> flatten(Request request) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", request.json(), out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + (i + 1), node.get(i), out);
            }
        } else {
            out.put(prefix, node.asText());
        }
    }

    @Override
    public Reply invoke(String action, Request request, Instant now) {
        JsonNode in = request.json();
        ObjectNode out = JSON.createObjectNode();
        switch (action) {
            case "DescribeImages" -> describeImages(in, out);
            case "BatchGetImage" -> batchGetImage(in, out);
            case "DescribeRepositories" -> describeRepositories(in, out);
            case "GetAuthorizationToken" -> authorizationToken(out, now);
            default -> throw new IllegalStateException(action);
        }
        return Reply.json(out.toString());
    }

    @Override
    public Reply error(AwsError error, String requestId) {
        ObjectNode body = JSON.createObjectNode().put("__type", error.code()).put("message", error.getMessage());
        return new Reply(error.httpStatus(), "application/x-amz-json-1.1", body.toString());
    }

    private static BigDecimal epoch(Instant i) {
        return BigDecimal.valueOf(i.toEpochMilli()).movePointLeft(3);
    }

    private static AwsError invalid(String message) {
        return new AwsError("InvalidParameterException", 400, message);
    }

    private EcrState.Repository repository(JsonNode in) {
        String name = text(in, "repositoryName");
        if (name == null) {
            throw invalid("1 validation error detected: Value null at 'repositoryName' failed to satisfy constraint: Member must not be null");
        }
        String registry = text(in, "registryId");
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

    private static String text(JsonNode in, String field) {
        JsonNode n = in.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static EcrState.Image find(EcrState.Repository repo, JsonNode id) {
        String digest = text(id, "imageDigest");
        String tag = text(id, "imageTag");
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
                            + text(id, "imageDigest") + "', imageTag:'" + text(id, "imageTag")
                            + "'} does not exist within the repository with name '" + repo.name
                            + "' in the registry with id '" + EcrState.REGISTRY_ID + "'");
                }
                images.add(i);
            }
        } else {
            String status = in.path("filter").path("tagStatus").asText("ANY");
            for (EcrState.Image i : repo.images) {
                if (status.equals("ANY") || status.equals("TAGGED") == !i.tags.isEmpty()) {
                    images.add(i);
                }
            }
        }
        Integer max = in.has("maxResults") ? in.get("maxResults").asInt() : null;
        Page<EcrState.Image> page = Page.of(images, max, 100, text(in, "nextToken"),
                () -> invalid("Invalid parameter at 'nextToken' failed to satisfy constraint: 'The token is invalid'"));
        ArrayNode details = out.putArray("imageDetails");
        for (EcrState.Image i : page.items()) {
            ObjectNode d = details.addObject().put("registryId", EcrState.REGISTRY_ID).put("repositoryName", repo.name)
                    .put("imageDigest", i.digest);
            ArrayNode tags = d.putArray("imageTags");
            i.tags.forEach(tags::add);
            d.put("imageSizeInBytes", i.sizeInBytes).put("imagePushedAt", epoch(i.pushedAt))
                    .put("imageManifestMediaType", "application/vnd.oci.image.manifest.v1+json")
                    .put("artifactMediaType", "application/vnd.oci.image.config.v1+json")
                    .put("imageStatus", "ACTIVE");
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
    }

    private void batchGetImage(JsonNode in, ObjectNode out) {
        EcrState.Repository repo = repository(in);
        ArrayNode images = out.putArray("images");
        ArrayNode failures = out.putArray("failures");
        for (JsonNode id : in.path("imageIds")) {
            EcrState.Image i = find(repo, id);
            if (i == null) {
                failures.addObject().<ObjectNode>set("imageId", id.deepCopy())
                        .put("failureCode", "ImageNotFound").put("failureReason", "Requested image not found");
                continue;
            }
            ObjectNode image = images.addObject().put("registryId", EcrState.REGISTRY_ID).put("repositoryName", repo.name);
            ObjectNode imageId = image.putObject("imageId").put("imageDigest", i.digest);
            String tag = text(id, "imageTag");
            if (tag != null) {
                imageId.put("imageTag", tag);
            }
            image.put("imageManifest", manifest(i)).put("imageManifestMediaType", "application/vnd.oci.image.manifest.v1+json");
        }
    }

    /** A small, well-formed OCI manifest; its layers are invented, as the stand-in stores no blobs. */
    private static String manifest(EcrState.Image i) {
        String hex = i.digest.substring("sha256:".length());
        ObjectNode m = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        m.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json").put("size", 1469)
                .put("digest", "sha256:" + new StringBuilder(hex).reverse());
        m.putArray("layers").addObject().put("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip")
                .put("size", Math.max(1, i.sizeInBytes - 1469)).put("digest", "sha256:" + hex.substring(32) + hex.substring(0, 32));
        return m.toString();
    }

    private void describeRepositories(JsonNode in, ObjectNode out) {
        List<EcrState.Repository> repos = new ArrayList<>();
        JsonNode names = in.get("repositoryNames");
        String registry = text(in, "registryId");
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
        Page<EcrState.Repository> page = Page.of(repos, max, 100, text(in, "nextToken"),
                () -> invalid("Invalid parameter at 'nextToken' failed to satisfy constraint: 'The token is invalid'"));
        ArrayNode list = out.putArray("repositories");
        for (EcrState.Repository r : page.items()) {
            ObjectNode o = list.addObject().put("repositoryArn", r.arn()).put("registryId", EcrState.REGISTRY_ID)
                    .put("repositoryName", r.name).put("repositoryUri", world.ecr.registryHost + "/" + r.name)
                    .put("createdAt", epoch(r.createdAt)).put("imageTagMutability", "IMMUTABLE");
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
                .put("expiresAt", epoch(now.plus(Duration.ofHours(12))))
                .put("proxyEndpoint", world.ecr.proxyEndpoint());
    }
}
