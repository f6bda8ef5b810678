package dev.capstan.service.metrics;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Tells the request metrics which Jersey route served a request: the templates Jersey matched (class, then method),
 * joined, such as {@code /v1/hello}. A path Jersey matched no resource for gets none, and so counts as unmatched.
 * Jersey's request properties are the servlet request's attributes, which is where the metrics read it.
 */
public class MatchedRouteFilter implements ContainerResponseFilter {
    // Compiled once: the filter runs on every request.
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo() instanceof ExtendedUriInfo uriInfo) {
            final String route = template(uriInfo.getMatchedTemplates());
            if (!route.isEmpty()) {
                request.setProperty(Routes.ATTRIBUTE, route);
            }
        }
    }

    /** Jersey lists the matched templates innermost first. */
    static String template(List<UriTemplate> matched) {
        final StringBuilder route = new StringBuilder();
        for (int i = matched.size() - 1; i >= 0; i--) {
            route.append('/').append(matched.get(i).getTemplate());
        }
        final String joined = REPEATED_SLASHES.matcher(route).replaceAll("/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
