package dev.capstan.standin;

import java.time.Instant;
import java.util.Map;

/**
 * One call that reached an operation of the stand-in, whether it succeeded or was answered with an error
 * (including injected throttling, 5xx and access-denied faults).
 *
 * @param service   {@code autoscaling}, {@code ec2} or {@code ecr}
 * @param action    the operation name, e.g. {@code StartInstanceRefresh}
 * @param params    the request flattened to dotted keys: Query parameters as sent (without Action and Version);
 *                  JSON bodies flattened the same way, lists numbered from 1 (e.g. {@code imageIds.1.imageTag})
 * @param errorCode the error code answered, or {@code null} on success
 * @param time      simulated time of the call
 */
public record RecordedCall(String service, String action, Map<String, String> params, String errorCode, Instant time) {

    /** IAM-style action name, e.g. {@code autoscaling:StartInstanceRefresh}. */
    public String iamAction() {
        return service + ":" + action;
    }

    public boolean failed() {
        return errorCode != null;
    }

    /** Everything except Describe*, Get*, BatchGet* and List* counts as changing something. */
    public boolean mutating() {
        return isMutating(action);
    }

    public static boolean isMutating(String action) {
        return !(action.startsWith("Describe") || action.startsWith("Get") || action.startsWith("BatchGet")
                || action.startsWith("List"));
    }

    public String param(String name) {
        return params.get(name);
    }
}
