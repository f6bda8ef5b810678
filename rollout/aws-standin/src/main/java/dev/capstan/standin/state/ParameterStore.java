package dev.capstan.standin.state;

import dev.capstan.standin.AwsError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * SSM Parameter Store: parameters by name, every version kept, with Parameter Store's rules for names, types,
 * values and overwriting. Sources: botocore/data/ssm/2014-11-06/service-2.json (shapes PutParameterRequest,
 * Parameter, ParameterType) and "Understanding parameter name requirements and constraints"
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-parameter-name-constraints.html).
 */
public final class ParameterStore {

    public static final String REGION = "eu-west-1";
    /** The ARN before the name counts toward the 1,011 characters a name may have (PutParameterRequest.Name). */
    static final String ARN_PREFIX = "arn:aws:ssm:" + REGION + ":" + EcrState.REGISTRY_ID + ":parameter";
    static final int MAX_NAME_WITH_ARN = 1011;
    static final int MAX_LEVELS = 15;
    /** "Standard parameters have a value limit of 4 KB" (PutParameterRequest.Value); AWS counts characters. */
    public static final int MAX_STANDARD_VALUE = 4096;
    static final Set<String> TYPES = Set.of("String", "StringList", "SecureString");
    static final Set<String> DATA_TYPES = Set.of("text", "aws:ec2:image", "aws:ssm:integration");

    /** One version of a parameter. */
    public record Version(String name, String value, String type, long version, Instant lastModifiedDate,
                          String dataType, String tier) {

        public String arn() {
            return ARN_PREFIX + (name.startsWith("/") ? name : "/" + name);
        }
    }

    /** A PutParameter request; null members were not sent. */
    public record Put(String name, String value, String type, Boolean overwrite, String dataType, String tier) {
    }

    private final Map<String, List<Version>> byName = new TreeMap<>();

    /** Creates a parameter, or with Overwrite a new version of it; returns the new version. */
    public Version put(Put request, Instant now) {
        String name = checkName(request.name());
        if (request.value() == null) {
            throw validation("1 validation error detected: Value null at 'value' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        List<Version> history = byName.get(name);
        Version latest = history == null ? null : history.get(history.size() - 1);
        String type = request.type() != null ? request.type() : latest != null ? latest.type() : null;
        if (type == null) {
            // PutParameterRequest.Type: "You must specify a parameter type when creating a parameter."
            throw validation("A parameter type is required when you create a parameter.");
        }
        if (!TYPES.contains(type)) {
            throw validation("1 validation error detected: Value '" + type + "' at 'type' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [SecureString, StringList, String]");
        }
        String tier = request.tier() != null ? request.tier() : "Standard";
        if (!tier.equals("Standard")) {
            throw validation("The stand-in models only the Standard tier; got " + tier + ".");
        }
        if (request.value().isEmpty()) {
            throw validation("1 validation error detected: Value '' at 'value' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1.");
        }
        if (request.value().length() > MAX_STANDARD_VALUE) {
            throw validation("Standard tier parameters support a maximum parameter value of 4096 characters. To create "
                    + "a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more "
                    + "information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html");
        }
        String dataType = request.dataType() != null ? request.dataType() : latest != null ? latest.dataType() : "text";
        if (!DATA_TYPES.contains(dataType)) {
            throw validation("The following data type is not supported: " + dataType
                    + " (Data type names are all lowercase.)");
        }
        if (latest != null && !Boolean.TRUE.equals(request.overwrite())) {
            // PutParameterRequest.Overwrite: "The default value is false."
            throw new AwsError("ParameterAlreadyExists", 400, "The parameter already exists. To overwrite this value, "
                    + "set the overwrite option in the request to true.");
        }
        Version created = new Version(name, request.value(), type, latest == null ? 1 : latest.version() + 1, now,
                dataType, tier);
        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(created);
        return created;
    }

    /**
     * GetParameter's Name: a name, its ARN, or {@code name:version}. Labels are not modelled; a selector that is
     * not a number finds nothing.
     */
    public Version get(String nameOrSelector) {
        if (nameOrSelector == null) {
            throw validation("1 validation error detected: Value null at 'name' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        String name = nameOrSelector.strip();
        if (name.startsWith(ARN_PREFIX + "/")) {
            name = name.substring(ARN_PREFIX.length());
            name = byName.containsKey(name) ? name : name.substring(1);
        }
        String selector = null;
        int colon = name.lastIndexOf(':');
        if (colon > 0) {
            selector = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        List<Version> history = byName.get(name);
        if (history == null) {
            throw notFound(nameOrSelector);
        }
        if (selector == null) {
            return history.get(history.size() - 1);
        }
        if (!selector.matches("[0-9]+")) {
            throw notFound(nameOrSelector);
        }
        long wanted = Long.parseLong(selector);
        String found = name;
        return history.stream().filter(v -> v.version() == wanted).findFirst()
                .orElseThrow(() -> new AwsError("ParameterVersionNotFound", 400, "Systems Manager could not find version "
                        + wanted + " of " + found + ". Verify the version and try again."));
    }

    public Optional<Version> latest(String name) {
        List<Version> history = byName.get(name);
        return history == null ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** The latest version of every parameter, by name. */
    public List<Version> all() {
        return byName.values().stream().map(h -> h.get(h.size() - 1)).toList();
    }

    private static AwsError notFound(String name) {
        return new AwsError("ParameterNotFound", 400, "Parameter " + name + " not found.");
    }

    private static AwsError validation(String message) {
        return new AwsError("ValidationException", 400, message);
    }

    /**
     * Parameter Store's name rules: surrounding spaces are removed, inner ones refused; letters, digits,
     * {@code _.-} and {@code /} between levels; a name with a {@code /} must start with one ("fully qualified");
     * at most 15 levels; no {@code aws}/{@code ssm} prefix; at most 1,011 characters with the ARN before it.
     * Returns the name as stored.
     */
    private static String checkName(String raw) {
        if (raw == null) {
            throw validation("1 validation error detected: Value null at 'name' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        String name = raw.strip();
        String firstLevel = name.startsWith("/") ? name.substring(1) : name;
        String lower = firstLevel.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws") || lower.startsWith("ssm")) {
            if (name.toLowerCase(Locale.ROOT).startsWith("/aws/")) {
                throw new AwsError("AccessDeniedException", 400, "No access to reserved parameter name: " + name + ".");
            }
            throw validation("Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
        }
        if (name.isEmpty() || !name.matches("[a-zA-Z0-9_.\\-/]+") || name.contains("//") || name.endsWith("/")) {
            throw validation("Parameter name: can't be prefixed with \"ssm\" (case-insensitive). If formed as a path, "
                    + "it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of "
                    + "letters, numbers and the following 3 symbols .-_");
        }
        if (name.contains("/") && !name.startsWith("/")) {
            throw validation("Parameter name must be a fully qualified name.");
        }
        if (firstLevel.split("/").length > MAX_LEVELS) {
            throw new AwsError("HierarchyLevelLimitExceededException", 400, "A hierarchy can have a maximum of "
                    + MAX_LEVELS + " levels.");
        }
        String arn = ARN_PREFIX + (name.startsWith("/") ? name : "/" + name);
        if (arn.length() > MAX_NAME_WITH_ARN) {
            throw validation("1 validation error detected: Value '" + name + "' at 'name' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + (MAX_NAME_WITH_ARN - ARN_PREFIX.length() - 1)
                    + " (the name with its ARN at most " + MAX_NAME_WITH_ARN + ")");
        }
        return name;
    }
}
