package dev.capstan.standin.wire;

import dev.capstan.standin.AwsError;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/** One page of a list and the token for the next, opaque to callers as AWS's are. */
public record Page<T>(List<T> items, String nextToken) {

    public static <T> Page<T> of(List<T> all, Integer max, int defaultMax, String token, Supplier<AwsError> badToken) {
        int size = max == null ? defaultMax : max;
        if (size < 1) {
            throw AwsError.validation("The maximum number of records must be at least 1; got " + size);
        }
        int from = 0;
        if (token != null && !token.isEmpty()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (!decoded.startsWith("page:")) {
                    throw badToken.get();
                }
                from = Integer.parseInt(decoded.substring(5));
            } catch (IllegalArgumentException e) {
                throw badToken.get();
            }
            if (from < 0 || from > all.size()) {
                throw badToken.get();
            }
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(("page:" + to).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(all.subList(from, to), next);
    }
}
