package dev.capstan.rollout.userdata;

import dev.capstan.rollout.RolloutException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {{NAME}} placeholders of the boot script. Written by hand because the rules are ours: every placeholder
 * must be known and filled, and every value must be safe inside the single quotes the script puts around it.
 */
public final class UserDataRenderer {
    /**
     * AWS limits user-data to 16 KB measured on the raw script (CreateLaunchTemplateVersion decodes the base64 it is
     * sent and refuses more than 16,384 bytes). We hold the base64-encoded text to 16,384 bytes instead, which is
     * stricter (the raw script then stays at or below 12,288 bytes): the size stays under 16 KB however it is
     * measured, in the launch template, in the console, or in any tool that passes it on encoded.
     */
    public static final int MAX_ENCODED_BYTES = 16 * 1024;

    // Placeholders are upper case; lower-case {{...}} is left alone, because the script itself passes Go templates
    // such as {{end}} to docker inspect --format.
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Z][A-Z0-9_]*)\\s*}}");
    // Anything that could end the single-quoted string, start a new line or hide in a terminal is refused.
    private static final Pattern SINGLE_QUOTE_SAFE = Pattern.compile("[\\x20-\\x26\\x28-\\x7E]*");

    public RenderedUserData render(UserDataTemplate template, UserDataValues values) {
        Map<String, String> byName = values.byPlaceholder();
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template.text());
        StringBuilder out = new StringBuilder(template.text().length() + 256);
        while (m.find()) {
            String name = m.group(1);
            if (!byName.containsKey(name)) {
                unknown.add(name);
                m.appendReplacement(out, "");
                continue;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(checked(name, byName.get(name))));
        }
        m.appendTail(out);
        if (!unknown.isEmpty()) {
            throw RolloutException.invalid("The template " + template.source() + " has unknown placeholders "
                    + String.join(", ", unknown) + "; use only " + String.join(", ", braces(byName.keySet())) + ".");
        }
        RenderedUserData rendered = new RenderedUserData(out.toString());
        if (rendered.encodedBytes() > MAX_ENCODED_BYTES) {
            throw RolloutException.invalid("The rendered user-data is " + rendered.encodedBytes()
                    + " bytes base64-encoded (" + rendered.rawBytes() + " raw), over AWS's limit of "
                    + MAX_ENCODED_BYTES + "; shorten " + template.source() + ".");
        }
        return rendered;
    }

    private static String checked(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw RolloutException.invalid("The placeholder {{" + name + "}} has no value; pass one for it.");
        }
        if (!SINGLE_QUOTE_SAFE.matcher(value).matches()) {
            throw RolloutException.invalid("The value for {{" + name + "}} contains a quote, a newline or another "
                    + "character that is unsafe inside single quotes; pass printable ASCII without ' for it.");
        }
        if (PLACEHOLDER.matcher(value).find()) {
            throw RolloutException.invalid("The value for {{" + name + "}} itself looks like a placeholder; pass a real value.");
        }
        return value;
    }

    private static Set<String> braces(Set<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(n -> out.add("{{" + n + "}}"));
        return out;
    }
}
