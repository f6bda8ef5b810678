package dev.capstan.userdata;

import java.nio.charset.StandardCharsets;
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
     * AWS limits user-data to 16 KB of the script itself: EC2 decodes the base64 text a launch template carries and
     * counts the decoded bytes (see docs/rollout.md for the source). The base64 text of a script at the limit is
     * about 21.8 KB; that is fine.
     */
    public static final int MAX_DECODED_BYTES = 16 * 1024;

    // Placeholders are upper case; lower-case {{...}} is left alone, because the script itself passes Go templates
    // such as {{end}} to docker inspect --format.
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Z][A-Z0-9_]*)\\s*}}");
    // Anything that could end the single-quoted string, start a new line or hide in a terminal is refused.
    private static final Pattern SINGLE_QUOTE_SAFE = Pattern.compile("[\\x20-\\x26\\x28-\\x7E]*");

    public RenderedUserData render(UserDataTemplate template, UserDataValues values) {
        return render(template, values, DeferredValues.none());
    }

    /**
     * Renders with some values deferred to deploy time: each deferred placeholder's value is a stand-in that goes
     * into the script unchanged, and the size limit is checked as if it were as long as its declared maximum.
     */
    public RenderedUserData render(UserDataTemplate template, UserDataValues values, DeferredValues deferred) {
        Map<String, String> byName = values.byPlaceholder();
        for (String name : deferred.placeholders()) {
            if (!byName.containsKey(name)) {
                throw new UserDataException("The deferred value {{" + name + "}} is not a placeholder; defer only "
                        + String.join(", ", braces(byName.keySet())) + ".");
            }
        }
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template.text());
        StringBuilder out = new StringBuilder(template.text().length() + 256);
        // Bytes of the script once every deferred value has its longest real value.
        long longest = 0;
        int literalFrom = 0;
        while (m.find()) {
            longest += utf8Bytes(template.text().substring(literalFrom, m.start()));
            literalFrom = m.end();
            String name = m.group(1);
            if (!byName.containsKey(name)) {
                unknown.add(name);
                m.appendReplacement(out, "");
                continue;
            }
            String value = checked(name, byName.get(name));
            longest += deferred.isDeferred(name) ? deferred.maxBytes(name) : utf8Bytes(value);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        longest += utf8Bytes(template.text().substring(literalFrom));
        if (!unknown.isEmpty()) {
            throw new UserDataException("The template " + template.source() + " has unknown placeholders "
                    + String.join(", ", unknown) + "; use only " + String.join(", ", braces(byName.keySet())) + ".");
        }
        RenderedUserData rendered = new RenderedUserData(out.toString(), Math.toIntExact(longest));
        if (rendered.longestRawBytes() > MAX_DECODED_BYTES) {
            String deferredNote = deferred.isEmpty() ? "" : " with every deferred value at its declared maximum";
            throw new UserDataException("The rendered user-data is " + rendered.longestRawBytes() + " bytes"
                    + deferredNote + ", over AWS's limit of " + MAX_DECODED_BYTES
                    + " bytes (counted before base64 encoding); shorten " + template.source() + ".");
        }
        return rendered;
    }

    private static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String checked(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new UserDataException("The placeholder {{" + name + "}} has no value; pass one for it.");
        }
        if (!SINGLE_QUOTE_SAFE.matcher(value).matches()) {
            throw new UserDataException("The value for {{" + name + "}} contains a quote, a newline or another "
                    + "character that is unsafe inside single quotes; pass printable ASCII without ' for it.");
        }
        if (PLACEHOLDER.matcher(value).find()) {
            throw new UserDataException("The value for {{" + name + "}} itself looks like a placeholder; pass a real value.");
        }
        return value;
    }

    private static Set<String> braces(Set<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(n -> out.add("{{" + n + "}}"));
        return out;
    }
}
