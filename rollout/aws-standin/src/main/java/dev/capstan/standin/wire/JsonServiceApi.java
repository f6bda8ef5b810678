package dev.capstan.standin.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.standin.AwsError;
import dev.capstan.standin.state.World;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A JSON 1.1 service (ECR, SSM): named by its X-Amz-Target prefix, a JSON object in and out, {@code __type} error
 * bodies, requests recorded flattened. Each service only fills in the answer object.
 */
abstract class JsonServiceApi extends AbstractServiceApi {

    private final String targetPrefix;

    JsonServiceApi(String service, String targetPrefix, Set<String> actions, World world) {
        super(service, actions, world);
        this.targetPrefix = targetPrefix;
    }

    @Override
    public final String jsonTargetPrefix() {
        return targetPrefix;
    }

    @Override
    public final Map<String, String> flatten(Request request) {
        return JsonWire.flatten(request.json());
    }

    @Override
    public final Reply invoke(String action, Request request, Instant now) {
        ObjectNode out = JsonWire.JSON.createObjectNode();
        answer(action, request.json(), out, now);
        return Reply.json(out.toString());
    }

    /** Writes the answer to {@code action} into {@code out}, or throws an {@link AwsError}. */
    abstract void answer(String action, JsonNode in, ObjectNode out, Instant now);

    @Override
    public final Reply error(AwsError error, String requestId) {
        return JsonWire.error(error);
    }
}
