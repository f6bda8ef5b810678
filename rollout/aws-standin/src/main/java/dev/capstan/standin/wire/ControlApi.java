package dev.capstan.standin.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.capstan.standin.AwsError;
import dev.capstan.standin.AwsStandIn;
import dev.capstan.standin.DemoWorld;
import dev.capstan.standin.InstanceIdentity;
import dev.capstan.standin.state.World;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control API for standalone runs: JSON under {@code /_standin/} on the AWS port. It seeds and inspects the same
 * state the Java API does; every endpoint is documented with an example in the module's guide.
 */
public final class ControlApi implements HttpHandler {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final AwsStandIn standIn;
    private final World world;
    private final Seeder seeder;

    public ControlApi(AwsStandIn standIn, World world) {
        this.standIn = standIn;
        this.world = world;
        this.seeder = new Seeder(standIn);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/_standin".length());
        String method = exchange.getRequestMethod();
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            reply(exchange, 400, Map.of("error", "the body is not valid JSON"));
            return;
        }
        try {
            Object answer = route(method, path, body, exchange.getRequestURI().getQuery());
            if (answer == null) {
                reply(exchange, 404, Map.of("error", "no control endpoint " + method + " /_standin" + path));
            } else {
                reply(exchange, 200, answer);
            }
        } catch (IllegalArgumentException | IllegalStateException | AwsError e) {
            reply(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private Object route(String method, String path, JsonNode body, String query) {
        String route = method + " " + path;
        switch (route) {
            case "POST /reset": {
                // A standalone stand-in keeps running in real time across resets; only the Java API's reset freezes it.
                boolean manual = standIn.clock().isManual();
                double speed = standIn.clock().speed();
                standIn.reset();
                if (!manual) {
                    standIn.clock().realTime(speed);
                }
                return ok();
            }
            case "POST /seed":
                seeder.seed(body);
                return state();
            case "POST /demo":
                DemoWorld.seed(standIn);
                return state();
            case "GET /state":
                return state();
            case "GET /clock":
                return clock();
            case "POST /clock":
                return setClock(body);
            case "POST /faults":
                FaultRequests.apply(standIn.faults(), body);
                return ok();
            case "DELETE /faults":
                standIn.faults().clear();
                return ok();
            case "GET /calls": {
                String action = query != null && query.startsWith("action=") ? query.substring("action=".length()) : null;
                return action == null ? standIn.calls() : standIn.calls(action);
            }
            case "GET /actions": {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("actionsEverCalled", standIn.actionsEverCalled());
                out.put("anyMutatingCall", standIn.anyMutatingCall());
                return out;
            }
            case "GET /capacity": {
                String group = query != null && query.startsWith("group=")
                        ? java.net.URLDecoder.decode(query.substring("group=".length()), java.nio.charset.StandardCharsets.UTF_8) : null;
                if (group == null || group.isBlank()) {
                    throw new IllegalArgumentException("missing query parameter 'group'");
                }
                return standIn.autoScaling().capacity(group);
            }
            case "GET /parameters":
                return standIn.ssm().parameters();
            case "GET /lifecycle-actions":
                return standIn.autoScaling().lifecycleActions();
            case "POST /lifecycle-hold":
                standIn.autoScaling().holdLifecycleActions(required(body, "group"), body.path("hold").asBoolean(true));
                return ok();
            case "POST /instance-health":
                standIn.autoScaling().setInstanceHealth(required(body, "group"), required(body, "instanceId"),
                        required(body, "healthStatus"));
                return ok();
            case "POST /suspend-processes":
                standIn.autoScaling().suspendProcesses(required(body, "group"), processes(body));
                return ok();
            case "POST /resume-processes":
                standIn.autoScaling().resumeProcesses(required(body, "group"), processes(body));
                return ok();
            case "GET /imds/identity":
                return standIn.imds().identity();
            case "POST /imds/identity":
                standIn.imds().setIdentity(identity(standIn.imds().identity(), body));
                return standIn.imds().identity();
            default:
                return null;
        }
    }

    private static String[] processes(JsonNode body) {
        List<String> out = Seeder.strings(body.path("processes"));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("missing field 'processes' (a list such as [\"ReplaceUnhealthy\"])");
        }
        return out.toArray(String[]::new);
    }

    static String required(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return n.asText();
    }

    private static Map<String, Object> ok() {
        return Map.of("ok", true);
    }

    private Map<String, Object> clock() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", world.now());
        out.put("manual", standIn.clock().isManual());
        out.put("speed", standIn.clock().speed());
        return out;
    }

    private Map<String, Object> setClock(JsonNode body) {
        if (body.has("advanceSeconds")) {
            standIn.clock().advance(Duration.ofMillis((long) (body.get("advanceSeconds").asDouble() * 1000)));
        }
        if (body.has("mode")) {
            String mode = body.get("mode").asText();
            switch (mode) {
                case "manual" -> standIn.clock().manual();
                case "realtime" -> standIn.clock().realTime(body.path("speed").asDouble(standIn.clock().speed()));
                default -> throw new IllegalArgumentException("mode must be manual or realtime; got " + mode);
            }
        } else if (body.has("speed")) {
            standIn.clock().realTime(body.get("speed").asDouble());
        }
        return clock();
    }

    static InstanceIdentity identity(InstanceIdentity current, JsonNode b) {
        return new InstanceIdentity(b.path("instanceId").asText(current.instanceId()),
                b.path("availabilityZone").asText(current.availabilityZone()), b.path("region").asText(current.region()),
                b.path("roleName").asText(current.roleName()), b.path("accountId").asText(current.accountId()),
                b.path("imageId").asText(current.imageId()), b.path("instanceType").asText(current.instanceType()),
                b.path("privateIp").asText(current.privateIp()));
    }

    private Map<String, Object> state() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clock", clock());
        out.put("registryHost", standIn.ecr().registryHost());
        out.put("repositories", standIn.ecr().repositories());
        out.put("launchTemplates", standIn.ec2().launchTemplates());
        out.put("parameters", standIn.ssm().parameters());
        Map<String, Object> groups = new LinkedHashMap<>();
        standIn.autoScaling().groups().forEach(g -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("group", g);
            entry.put("refreshes", standIn.autoScaling().refreshes(g.name()));
            groups.put(g.name(), entry);
        });
        out.put("groups", groups);
        out.put("lifecycleActions", standIn.autoScaling().lifecycleActions());
        out.put("identity", standIn.imds().identity());
        return out;
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        String json = JSON.writeValueAsString(body) + "\n";
        AwsHandler.send(exchange, new Reply(status, "application/json", json));
    }
}
