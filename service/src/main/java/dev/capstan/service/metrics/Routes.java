package dev.capstan.service.metrics;

/**
 * How a request's route reaches the request metrics: whatever served it (a Jersey resource, or a servlet mapped to
 * one exact path) leaves its route template in a request attribute; a request nothing served has none.
 */
public final class Routes {
    /** The request attribute (a servlet attribute, which Jetty keeps on its own request too). */
    public static final String ATTRIBUTE = Routes.class.getName() + ".route";
    /** The route of a request no route served: unknown paths, and bodies refused before any servlet saw them. */
    public static final String UNMATCHED = "unmatched";

    private Routes() {
    }

    public static String of(Object attribute) {
        return attribute instanceof String route && !route.isEmpty() ? route : UNMATCHED;
    }
}
