package dev.capstan.standin.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.standin.AwsError;
import dev.capstan.standin.state.ParameterStore;
import dev.capstan.standin.state.World;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * SSM Parameter Store over JSON 1.1: X-Amz-Target {@code AmazonSSM.<Op>}, JSON in and out. Members and shapes as in
 * botocore/data/ssm/2014-11-06/service-2.json (GetParameterResult, GetParametersResult, PutParameterResult).
 */
public final class SsmApi extends JsonServiceApi {

    public static final String TARGET_PREFIX = "AmazonSSM.";
    private static final Set<String> ACTIONS = Set.of("GetParameter", "GetParameters", "PutParameter");
    /** ParameterNameList: at most 10 names per GetParameters. */
    private static final int MAX_NAMES = 10;

    public SsmApi(World world) {
        super("ssm", TARGET_PREFIX, ACTIONS, world);
    }

    @Override
    void answer(String action, JsonNode in, ObjectNode out, Instant now) {
        switch (action) {
            case "GetParameter" -> write(world.parameters.get(JsonWire.text(in, "Name")), JsonWire.text(in, "Name"),
                    in.path("WithDecryption").asBoolean(false), out.putObject("Parameter"));
            case "GetParameters" -> getParameters(in, out);
            case "PutParameter" -> {
                ParameterStore.Version v = world.parameters.put(new ParameterStore.Put(JsonWire.text(in, "Name"),
                        JsonWire.text(in, "Value"), JsonWire.text(in, "Type"),
                        in.hasNonNull("Overwrite") ? in.get("Overwrite").asBoolean() : null,
                        JsonWire.text(in, "DataType"), JsonWire.text(in, "Tier")), now);
                out.put("Version", v.version()).put("Tier", v.tier());
            }
            default -> throw new IllegalStateException(action);
        }
    }

    private void getParameters(JsonNode in, ObjectNode out) {
        List<String> names = new ArrayList<>();
        in.path("Names").forEach(n -> names.add(n.asText()));
        if (names.isEmpty() || names.size() > MAX_NAMES) {
            throw new AwsError("ValidationException", 400, "1 validation error detected: Value '" + names
                    + "' at 'names' failed to satisfy constraint: Member must have length less than or equal to "
                    + MAX_NAMES + " and greater than or equal to 1");
        }
        boolean decrypt = in.path("WithDecryption").asBoolean(false);
        ArrayNode invalid = out.putArray("InvalidParameters");
        ArrayNode parameters = out.putArray("Parameters");
        // "The results for GetParameters requests are listed in alphabetical order" (GetParametersRequest.Names).
        for (String name : names.stream().sorted(Comparator.naturalOrder()).toList()) {
            ParameterStore.Version found;
            try {
                found = world.parameters.get(name);
            } catch (AwsError notFound) {
                invalid.add(name);
                continue;
            }
            write(found, name, decrypt, parameters.addObject());
        }
    }

    /**
     * A Parameter: Name, Type, Value, Version, LastModifiedDate, ARN, DataType, and Selector when the name carried
     * one. A SecureString's value is its ciphertext unless WithDecryption is true (GetParameterRequest.WithDecryption).
     */
    private static void write(ParameterStore.Version v, String asked, boolean decrypt, ObjectNode p) {
        String value = v.type().equals("SecureString") && !decrypt
                ? Base64.getEncoder().encodeToString(("kms:" + v.value()).getBytes(StandardCharsets.UTF_8))
                : v.value();
        p.put("Name", v.name()).put("Type", v.type()).put("Value", value).put("Version", v.version());
        int colon = asked.lastIndexOf(':');
        if (colon > 0 && !asked.startsWith("arn:")) {
            p.put("Selector", asked.substring(colon));
        }
        p.put("LastModifiedDate", JsonWire.epoch(v.lastModifiedDate())).put("ARN", v.arn()).put("DataType", v.dataType());
    }
}
