package dev.capstan.standin.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.capstan.standin.AwsError;
import dev.capstan.standin.RecordedCall;
import dev.capstan.standin.state.World;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one endpoint for all four services. Dispatches on X-Amz-Target (ECR and SSM, JSON 1.1), else on the form's Version
 * (2011-01-01 Auto Scaling, 2016-11-15 EC2); records every call that reaches an operation, injected faults included.
 */
public final class AwsHandler implements HttpHandler {

    private final World world;
    private final List<ServiceApi> apis;
    private final HttpHandler control;

    public AwsHandler(World world, List<ServiceApi> apis, HttpHandler control) {
        this.world = world;
        this.apis = apis;
        this.control = control;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().startsWith("/_standin/")) {
                control.handle(exchange);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Reply reply = answer(exchange, new String(body, StandardCharsets.UTF_8));
            send(exchange, reply);
        } catch (RuntimeException e) {
            // A bug in the stand-in, not an AWS answer: say so loudly on stdout (JSON, like every log line) and in a 500.
            System.out.println(EcrApi.JSON.createObjectNode().put("level", "ERROR").put("logger", "aws-standin")
                    .put("message", "request failed inside the stand-in").put("error", e.toString()));
            send(exchange, new Reply(500, "text/plain", "stand-in failure: " + e));
        }
    }

    private Reply answer(HttpExchange exchange, String body) {
        String requestId = UUID.randomUUID().toString();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        ServiceApi api;
        String action;
        ServiceApi.Request request;
        if (target != null) {
            Optional<ServiceApi> jsonApi = byTarget(target);
            if (jsonApi.isEmpty()) {
                return new Reply(400, "application/x-amz-json-1.1",
                        "{\"__type\":\"UnknownOperationException\",\"message\":\"Unknown target " + target + "\"}");
            }
            api = jsonApi.get();
            action = target.substring(api.jsonTargetPrefix().length());
            JsonNode json;
            try {
                json = body.isBlank() ? EcrApi.JSON.createObjectNode() : EcrApi.JSON.readTree(body);
            } catch (IOException e) {
                return api.error(new AwsError("SerializationException", 400, "The request body is not valid JSON"), requestId);
            }
            request = new ServiceApi.Request(null, json, requestId);
        } else {
            QueryParams q = QueryParams.parseForm(exchange.getRequestURI().getRawQuery(), body);
            String version = q.get("Version");
            if ("2011-01-01".equals(version)) {
                api = byService("autoscaling");
            } else if ("2016-11-15".equals(version)) {
                api = byService("ec2");
            } else {
                return new Reply(400, "text/plain", "The stand-in speaks Auto Scaling (Version=2011-01-01), EC2 "
                        + "(Version=2016-11-15) and ECR (X-Amz-Target); this request is none of them.");
            }
            action = q.get("Action");
            request = new ServiceApi.Request(q, null, requestId);
        }
        if (action == null || !api.supports(action)) {
            AwsError unknown = api.jsonTargetPrefix() != null
                    ? new AwsError("UnknownOperationException", 400, "The stand-in does not implement " + action)
                    : new AwsError("InvalidAction", 400, "The action " + action + " is not valid for this web service.");
            return api.error(unknown, requestId);
        }
        return invoke(api, action, request);
    }

    private Reply invoke(ServiceApi api, String action, ServiceApi.Request request) {
        synchronized (world) {
            Instant now = world.now();
            Map<String, String> params = api.flatten(request);
            try {
                Optional<AwsError> fault = world.faults.take(api.service(), action);
                if (fault.isPresent()) {
                    throw fault.get();
                }
                Reply reply = api.invoke(action, request, now);
                world.record(new RecordedCall(api.service(), action, params, null, now));
                return lostAnswer(api, action, request).orElse(reply);
            } catch (AwsError e) {
                world.record(new RecordedCall(api.service(), action, params, e.code(), now));
                return lostAnswer(api, action, request).orElse(api.error(e, request.requestId()));
            }
        }
    }

    /** A {@code loseAnswer} fault: the call has run and is recorded; its caller gets a 5xx instead of the answer. */
    private Optional<Reply> lostAnswer(ServiceApi api, String action, ServiceApi.Request request) {
        return world.faults.takeLostAnswer(api.service(), action).map(e -> api.error(e, request.requestId()));
    }

    /** The JSON 1.1 service (ECR, SSM) whose X-Amz-Target prefix this is. */
    private Optional<ServiceApi> byTarget(String target) {
        return apis.stream().filter(a -> a.jsonTargetPrefix() != null && target.startsWith(a.jsonTargetPrefix()))
                .findFirst();
    }

    private ServiceApi byService(String service) {
        return apis.stream().filter(a -> a.service().equals(service)).findFirst().orElseThrow();
    }

    static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
