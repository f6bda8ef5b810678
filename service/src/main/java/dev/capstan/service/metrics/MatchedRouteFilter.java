package dev.capstan.service.metrics;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Tells the request metrics which Jersey route served a request: the templates Jersey matched (class, then method),
 * joined, such as {@code /v1/hello}. A path Jersey matched no resource for gets none, and so counts as unmatched.
 * Jersey's request properties are the servlet request's attributes, which is where the metrics read it.
 */
public class MatchedRouteFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo() instanceof ExtendedUriInfo uriInfo) {
            final String route = template(uriInfo.getMatchedTemplates());
            if (!route.isEmpty()) {
                request.setProperty(Routes.ATTRIBUTE, route);
            }
        }
    }

    /** Jersey lists the matched templates innermost first; each may or may not begin or end with a slash. */
    static String template(List<UriTemplate> matched) {
        final StringBuilder route = new StringBuilder();
        for (int i = matched.size() - 1; i >= 0; i--) {
            final String part = matched.get(i).getTemplate();
            final boolean slashBefore = route.length() > 0 && route.charAt(route.length() - 1) == '/';
            if (!slashBefore && !part.startsWith("/")) {
                route.append('/');
            }
            route.append(part, slashBefore && part.startsWith("/") ? 1 : 0, part.length());
        }
        if (route.length() > 1 && route.charAt(route.length() - 1) == '/') {
            route.setLength(route.length() - 1);
        }
        return route.toString();
    }
}
