package dev.capstan.standin.imds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.capstan.standin.InstanceIdentity;
import dev.capstan.standin.state.World;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An IMDSv2 stand-in on loopback: a session token first (PUT /latest/api/token with a TTL header), then GETs that
 * carry it. Token lifetimes run on the wall clock, as the real service's do, whatever the simulation clock says.
 */
public final class ImdsServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
    private static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";

    private final World world;
    private final int configuredPort;
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    public ImdsServer(World world, int port) {
        this.world = world;
        this.configuredPort = port;
        if (port >= 0) {
            ensureStarted();
        }
    }

    /** Starts the listener if needed; returns its port. */
    public synchronized int ensureStarted() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"),
                        Math.max(0, configuredPort)), 16);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the IMDS stand-in on port " + configuredPort, e);
            }
            executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "imds-stand-in");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
        }
        return server.getAddress().getPort();
    }

    public synchronized boolean running() {
        return server != null;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (exchange.getRequestHeaders().containsKey("X-Forwarded-For")) {
                send(exchange, 403, "text/plain", "Forbidden");
                return;
            }
            if (path.equals("/latest/api/token")) {
                if (!method.equals("PUT")) {
                    send(exchange, 405, "text/plain", "Method Not Allowed");
                    return;
                }
                issueToken(exchange);
                return;
            }
            if (!method.equals("GET")) {
                send(exchange, 405, "text/plain", "Method Not Allowed");
                return;
            }
            String token = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
            Long expires = token == null ? null : tokens.get(token);
            if (expires == null || expires < System.nanoTime()) {
                send(exchange, 401, "text/plain", "Unauthorized");
                return;
            }
            String body = answer(path);
            if (body == null) {
                send(exchange, 404, "text/plain", "Not Found");
                return;
            }
            send(exchange, 200, body.startsWith("{") ? "application/json" : "text/plain", body);
        }
    }

    private void issueToken(HttpExchange exchange) throws IOException {
        String ttlText = exchange.getRequestHeaders().getFirst(TTL_HEADER);
        int ttl;
        try {
            ttl = Integer.parseInt(ttlText == null ? "" : ttlText.trim());
        } catch (NumberFormatException e) {
            ttl = -1;
        }
        if (ttl < 1 || ttl > 21600) {
            send(exchange, 400, "text/plain", "Bad Request");
            return;
        }
        String token = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, System.nanoTime() + Duration.ofSeconds(ttl).toNanos());
        exchange.getResponseHeaders().set(TTL_HEADER, Integer.toString(ttl));
        send(exchange, 200, "text/plain", token);
    }

    private String answer(String path) {
        InstanceIdentity id;
        synchronized (world) {
            id = world.identity;
        }
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        switch (p) {
            case "/latest/meta-data":
                return "ami-id\navailability-zone\niam/\ninstance-id\ninstance-type\nlocal-ipv4\nplacement/";
            case "/latest/meta-data/instance-id":
                return id.instanceId();
            case "/latest/meta-data/ami-id":
                return id.imageId();
            case "/latest/meta-data/instance-type":
                return id.instanceType();
            case "/latest/meta-data/local-ipv4":
                return id.privateIp();
            case "/latest/meta-data/placement":
                return "availability-zone\nregion";
            case "/latest/meta-data/placement/availability-zone":
                return id.availabilityZone();
            case "/latest/meta-data/placement/region":
                return id.region();
            case "/latest/meta-data/iam":
                return "info\nsecurity-credentials/";
            case "/latest/meta-data/iam/info":
                return JSON.createObjectNode().put("Code", "Success").put("LastUpdated", now())
                        .put("InstanceProfileArn", "arn:aws:iam::" + id.accountId() + ":instance-profile/" + id.roleName())
                        .put("InstanceProfileId", "AIPAEXAMPLESTANDIN0001").toString();
            case "/latest/meta-data/iam/security-credentials":
                return id.roleName();
            case "/latest/dynamic/instance-identity/document":
                return identityDocument(id);
            default:
                if (p.equals("/latest/meta-data/iam/security-credentials/" + id.roleName())) {
                    return credentials();
                }
                return null;
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Static dummy credentials: enough for a client's instance-role chain; the stand-in checks no signature. */
    private static String credentials() {
        return JSON.createObjectNode().put("Code", "Success").put("LastUpdated", now()).put("Type", "AWS-HMAC")
                .put("AccessKeyId", "ASIASTANDINEXAMPLE01")
                .put("SecretAccessKey", "stand-in-secret-access-key-not-a-real-one")
                .put("Token", "stand-in-session-token")
                .put("Expiration", Instant.now().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS).toString())
                .toString();
    }

    private static String identityDocument(InstanceIdentity id) {
        ObjectNode doc = JSON.createObjectNode().put("accountId", id.accountId()).put("architecture", "x86_64")
                .put("availabilityZone", id.availabilityZone()).put("imageId", id.imageId())
                .put("instanceId", id.instanceId()).put("instanceType", id.instanceType())
                .put("pendingTime", now()).put("privateIp", id.privateIp()).put("region", id.region())
                .put("version", "2017-09-30");
        return doc.toPrettyString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
