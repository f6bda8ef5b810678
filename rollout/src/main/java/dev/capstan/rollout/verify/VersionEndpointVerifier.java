package dev.capstan.rollout.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.rollout.ExitCode;
import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.time.Deadline;
import dev.capstan.rollout.time.Interruption;
import dev.capstan.rollout.time.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Polls {@code URL/v1/version} until the service reports the new image digest several times in a row (behind a load
 * balancer one answer could come from an instance that is about to go), or gives up at the deadline.
 */
public final class VersionEndpointVerifier {
    static final int CONSECUTIVE_MATCHES = 3;
    private static final Duration POLL = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Sleeper sleeper;
    private final Interruption interruption;

    public VersionEndpointVerifier(Sleeper sleeper, Interruption interruption) {
        this.sleeper = sleeper;
        this.interruption = interruption;
    }

    public void verify(URI base, String digest, Deadline deadline, PrintWriter out) {
        URI url = base.resolve(base.getPath().endsWith("/") ? "v1/version" : base.getPath() + "/v1/version");
        int matches = 0;
        String lastSeen = "no answer yet";
        while (true) {
            String seen = fetchDigest(url);
            lastSeen = seen;
            matches = digest.equals(seen) ? matches + 1 : 0;
            if (matches >= CONSECUTIVE_MATCHES) {
                out.println(url + " reports " + digest);
                return;
            }
            if (deadline.passed() || interruption.requested()) {
                throw new RolloutException(ExitCode.DEPLOY_FAILED, url + " did not report " + digest
                        + " before the verify deadline (last answer: " + lastSeen
                        + "); check the service on the new instances.");
            }
            try {
                sleeper.sleep(POLL.compareTo(deadline.remaining()) < 0 ? POLL : deadline.remaining());
            } catch (InterruptedException e) {
                interruption.request("interrupt");
            }
        }
    }

    private String fetchDigest(URI url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            JsonNode digest = json.readTree(response.body()).path("imageDigest");
            return digest.isTextual() ? digest.asText() : "no imageDigest field";
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interruption.request("interrupt");
            return "interrupted";
        }
    }
}
