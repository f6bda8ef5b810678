package dev.capstan.standin.wire;

import dev.capstan.standin.AwsError;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** One AWS service's operations on the wire. Called with the world's lock held and the simulation caught up. */
public interface ServiceApi {

    /** IAM service prefix: autoscaling, ec2, ecr, ssm. */
    String service();

    /** The operations it implements. */
    Set<String> actions();

    /** The X-Amz-Target prefix of a JSON protocol service ({@code AmazonSSM.}); null for the Query protocols. */
    default String jsonTargetPrefix() {
        return null;
    }

    default boolean supports(String action) {
        return actions().contains(action);
    }

    /** Flattened parameters of a parsed request, as recorded; for the Query protocols, the form minus Action and Version. */
    default Map<String, String> flatten(Request request) {
        return QueryWire.withoutEnvelope(request.query());
    }

    Reply invoke(String action, Request request, Instant now);

    /** The protocol's error body for this error. */
    Reply error(AwsError error, String requestId);

    /** A parsed request: Query parameters, or a JSON body. */
    record Request(QueryParams query, com.fasterxml.jackson.databind.JsonNode json, String requestId) {
    }
}
