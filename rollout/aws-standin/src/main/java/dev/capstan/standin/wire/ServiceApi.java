package dev.capstan.standin.wire;

import dev.capstan.standin.AwsError;

import java.time.Instant;
import java.util.Map;

/** One AWS service's operations on the wire. Called with the world's lock held and the simulation caught up. */
public interface ServiceApi {

    /** IAM service prefix: autoscaling, ec2, ecr. */
    String service();

    boolean supports(String action);

    /** Flattened parameters of a parsed request, as recorded. */
    Map<String, String> flatten(Request request);

    Reply invoke(String action, Request request, Instant now);

    /** The protocol's error body for this error. */
    Reply error(AwsError error, String requestId);

    /** A parsed request: Query parameters, or a JSON body. */
    record Request(QueryParams query, com.fasterxml.jackson.databind.JsonNode json, String requestId) {
    }
}
