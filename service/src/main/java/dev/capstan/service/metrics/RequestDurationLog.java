package dev.capstan.service.metrics;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;

/**
 * Records each request of the application port in {@link RequestDurations} when Jetty logs it. Jetty logs every
 * request it answered, so this counts exactly what the request log shows: the API's answers, the health checks, and
 * also the refusals that never reach a servlet (a body too large, compressed or too slow, a request Jetty could not
 * parse). The admin port's requests are left out.
 */
public class RequestDurationLog implements RequestLog {
    /** Dropwizard's name for the connectors of the application port (the admin port's are "admin"). */
    static final String APPLICATION_CONNECTOR = "application";

    private final RequestDurations durations;

    public RequestDurationLog(RequestDurations durations) {
        this.durations = durations;
    }

    @Override
    public void log(Request request, Response response) {
        final Connector connector = request.getConnectionMetaData().getConnector();
        if (connector != null && APPLICATION_CONNECTOR.equals(connector.getName())) {
            durations.record(request.getMethod(), Routes.of(request.getAttribute(Routes.ATTRIBUTE)),
                    response.getStatus(), NanoTime.since(request.getBeginNanoTime()));
        }
    }
}
