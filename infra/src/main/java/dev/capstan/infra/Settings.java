package dev.capstan.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything that differs between accounts and environments, read from the CDK context (a context file, -c pairs,
 * or the cdk CLI's CDK_CONTEXT_JSON) and, for account and region, from the cdk CLI's CDK_DEFAULT_* variables.
 * Nothing here has a default: a missing value fails the synthesis with the key to set.
 */
public record Settings(
        String account,
        String region,
        List<String> availabilityZones,
        String environment,
        String repository,
        String githubRepository,
        String githubBranch,
        boolean createGithubOidcProvider,
        String certificateArn,
        List<String> ingressCidrs,
        String vpcCidr,
        Egress egress,
        String instanceType,
        int minSize,
        int maxSize) {

    /** How instances in private subnets reach ECR, S3, CloudWatch Logs, STS, Auto Scaling and SSM. */
    public enum Egress {
        /** One NAT gateway per availability zone: an AZ outage cannot cut the others off. */
        NAT_PER_AZ("nat-per-az"),
        /** One NAT gateway for every AZ: cheapest with internet egress, but its AZ is a single point of failure. */
        NAT_SHARED("nat-shared"),
        /** No NAT and no internet route: interface endpoints for each service and a gateway endpoint for S3. */
        ENDPOINTS("endpoints");

        private final String key;

        Egress(String key) {
            this.key = key;
        }

        static Egress of(String key) {
            for (Egress e : values()) {
                if (e.key.equals(key)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("Context egress='" + key + "' is not one of nat-per-az, nat-shared, endpoints.");
        }
    }

    public Settings {
        if (availabilityZones.size() < 2) {
            throw new IllegalArgumentException("Context availabilityZones names " + availabilityZones.size()
                    + " zone(s); the fleet and the load balancer need two or more.");
        }
        if (minSize < 1 || maxSize < minSize) {
            throw new IllegalArgumentException("Context minSize=" + minSize + ", maxSize=" + maxSize
                    + ": need 1 <= minSize <= maxSize.");
        }
        if (!environment.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("Context environment='" + environment
                    + "' must be lower-case letters, digits and '-' (it becomes part of names and ARNs).");
        }
    }

    /**
     * Reads the settings. {@code context} is the app's context lookup; {@code env} the process environment, from
     * which only CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION are read (the cdk CLI sets them from the credentials).
     */
    public static Settings read(Function<String, Object> context, Map<String, String> env) {
        Reader r = new Reader(context);
        return new Settings(
                r.string("account", env.get("CDK_DEFAULT_ACCOUNT")),
                r.string("region", env.get("CDK_DEFAULT_REGION")),
                r.list("availabilityZones"),
                r.string("environment", null),
                r.string("repository", null),
                r.string("githubRepository", null),
                r.string("githubBranch", null),
                Boolean.parseBoolean(r.string("createGithubOidcProvider", null)),
                r.string("certificateArn", null),
                r.list("ingressCidrs"),
                r.string("vpcCidr", null),
                Egress.of(r.string("egress", null)),
                r.string("instanceType", null),
                Integer.parseInt(r.string("minSize", null)),
                Integer.parseInt(r.string("maxSize", null)));
    }

    /** The context key under which CDK looks up an environment's zones; set so that no lookup needs credentials. */
    public String availabilityZonesContextKey() {
        return "availability-zones:account=" + account + ":region=" + region;
    }

    private record Reader(Function<String, Object> context) {
        String string(String key, String fallback) {
            Object value = context.apply(key);
            if (value == null || value.toString().isBlank()) {
                if (fallback != null && !fallback.isBlank()) {
                    return fallback;
                }
                throw new IllegalArgumentException("Context '" + key + "' is not set; add it to the context file or pass -c "
                        + key + "=VALUE (see docs/infrastructure.md).");
            }
            return value.toString();
        }

        /** A JSON list from a context file, or a comma-separated string from -c. */
        List<String> list(String key) {
            Object value = context.apply(key);
            List<String> out = new ArrayList<>();
            if (value instanceof List<?> items) {
                items.forEach(i -> out.add(String.valueOf(i).trim()));
            } else {
                for (String part : string(key, null).split(",")) {
                    out.add(part.trim());
                }
            }
            out.removeIf(String::isEmpty);
            if (out.isEmpty()) {
                throw new IllegalArgumentException("Context '" + key + "' is empty; give at least one value.");
            }
            return List.copyOf(out);
        }
    }
}
