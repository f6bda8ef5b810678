package dev.capstan.service.core;

import java.util.UUID;
import java.util.regex.Pattern;

/** Decides the id of a request: the client's own when it is sane, a fresh UUID otherwise. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The key under which the id sits in the logging MDC (and so in every JSON log line). */
    public static final String MDC_KEY = "requestId";

    // Ids end up in log lines and response headers: keep them short and free of anything that could forge either.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:+=/@-]{1,128}");

    private RequestIds() {
    }

    public static String acceptOrGenerate(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : generate();
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }
}
