package dev.capstan.service.metrics;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;

/**
 * Tells the request metrics the route of a request served by a servlet mapped to one exact path, such as the health
 * check's {@code /health-check}: that path. Jersey's servlet is mapped to every path, so its routes come from
 * {@link MatchedRouteFilter} instead.
 */
public class ExactServletRouteFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            final HttpServletMapping mapping = http.getHttpServletMapping();
            if (mapping != null && mapping.getMappingMatch() == MappingMatch.EXACT) {
                request.setAttribute(Routes.ATTRIBUTE, mapping.getPattern());
            }
        }
        chain.doFilter(request, response);
    }
}
