package dev.capstan.service.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP against a running service, with the few shapes of request the tests need. */
public final class Http {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public Http(int port) {
        this.port = port;
    }

    /** The application connector of an app its extension has started (ports are random, so only known then). */
    public static Http application(DropwizardAppExtension<?> app) {
        return new Http(app.getLocalPort());
    }

    /** The admin connector of an app its extension has started. */
    public static Http admin(DropwizardAppExtension<?> app) {
        return new Http(app.getAdminPort());
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).GET().build());
    }

    public HttpResponse<String> post(String pathAndQuery, String contentType, String body, String... headers) {
        return send(request(pathAndQuery, headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> post(String pathAndQuery, String contentType, byte[] body, String... headers) {
        return send(request(pathAndQuery, headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** A body of unknown length, so the client sends it chunked. */
    public HttpResponse<String> postChunked(String pathAndQuery, String contentType, byte[] body) {
        return send(request(pathAndQuery)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build());
    }

    public HttpResponse<String> method(String method, String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The status of a GET, or -1 when nothing answers (e.g. the connector has closed). */
    public int status(String pathAndQuery) {
        try {
            return get(pathAndQuery).statusCode();
        } catch (UncheckedIOException nothingAnswered) {
            return -1;
        }
    }

    private HttpRequest.Builder request(String pathAndQuery, String... headers) {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends bytes as they are, for requests no well-behaved client would build; returns the raw answer. */
    public String raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            final OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            final InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }
}
