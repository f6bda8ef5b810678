package dev.capstan.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The stand-in started on its own, as a separate JVM through its main class, like `java -jar aws-standin.jar`. */
final class StandaloneStandIn implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    final URI endpoint;
    final URI imds;
    final String firstLine;
    private final HttpClient http = HttpClient.newHttpClient();

    private StandaloneStandIn(Process process, String firstLine) {
        this.process = process;
        this.firstLine = firstLine;
        try {
            JsonNode line = JSON.readTree(firstLine);
            this.endpoint = URI.create(line.get("endpoint").asText());
            this.imds = line.has("imds") ? URI.create(line.get("imds").asText()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("unexpected first line: " + firstLine, e);
        }
    }

    static StandaloneStandIn start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AwsStandInMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.contains("\"listening\"")) {
            process.destroyForcibly();
            throw new IllegalStateException("the standalone stand-in did not start: " + line);
        }
        return new StandaloneStandIn(process, line);
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(endpoint.resolve(path)).GET().build(), 200);
    }

    JsonNode post(String path, String json) {
        return send(HttpRequest.newBuilder(endpoint.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json)).build(), 200);
    }

    HttpResponse<String> raw(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest request, int expectedStatus) {
        HttpResponse<String> response = raw(request);
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
