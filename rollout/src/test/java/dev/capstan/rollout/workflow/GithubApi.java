package dev.capstan.rollout.workflow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * GitHub's REST API on loopback, as far as the deploy job asks it: "Get a reference",
 * GET /repos/{owner}/{repo}/git/ref/heads/{branch}, for the one repository and branch main, answered in the shape of
 * GitHub's documented example (ref, node_id, url, object: type, sha, url). Every other path answers 404 as GitHub
 * does. A test can make it answer anything else instead, and reads the requests it received.
 */
final class GithubApi {
    record Request(String method, String path, String authorization) {
    }

    private final HttpServer server;
    private final String repository;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String head;
    private volatile int status;
    private volatile String body;

    private GithubApi(HttpServer server, String repository, String head) {
        this.server = server;
        this.repository = repository;
        this.head = head;
    }

    /** Answers that main of {@code repository} (owner/name) points at {@code head}. */
    static GithubApi start(String repository, String head) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        GithubApi api = new GithubApi(server, repository, head);
        server.createContext("/", api::answer);
        server.start();
        return api;
    }

    /** main points at this commit from now on. */
    void headIs(String sha) {
        head = sha;
        body = null;
    }

    /** Every request is answered with this status and body from now on. */
    void answers(int status, String body) {
        this.status = status;
        this.body = body;
    }

    /** What GITHUB_API_URL holds on the runner. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization")));
        String reference = "/repos/" + repository + "/git/ref/heads/main";
        int code;
        String answer;
        if (body != null) {
            code = status;
            answer = body;
        } else if (exchange.getRequestMethod().equals("GET") && path.equals(reference)) {
            String api = url() + "/repos/" + repository;
            code = 200;
            answer = "{\"ref\":\"refs/heads/main\",\"node_id\":\"MDM6UmVmcmVmcy9oZWFkcy9tYWlu\",\"url\":\"" + api
                    + "/git/refs/heads/main\",\"object\":{\"type\":\"commit\",\"sha\":\"" + head + "\",\"url\":\"" + api
                    + "/git/commits/" + head + "\"}}";
        } else {
            code = 404;
            answer = "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
