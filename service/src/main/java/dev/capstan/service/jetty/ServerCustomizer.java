package dev.capstan.service.jetty;

import ch.qos.logback.access.jetty.RequestLogImpl;
import dev.capstan.service.errors.JsonServerErrorHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Dropwizard builds the Jetty server after the application's {@code run}; this listener adjusts it while it is
 * starting, before any connector opens: the request-id handler goes around everything, then the refusal of compressed
 * request bodies; the bounds on request bodies go around the application context; the server-wide error handler
 * answers in JSON, and the request log keeps its start-up status report (plain text) off stdout. Beside the request
 * log, the request metrics see every request Jetty logs.
 */
public class ServerCustomizer implements LifeCycle.Listener {
    private final Handler applicationContext;
    private final RequestLog requestMetrics;

    public ServerCustomizer(Handler applicationContext, RequestLog requestMetrics) {
        this.applicationContext = applicationContext;
        this.requestMetrics = requestMetrics;
    }

    @Override
    public void lifeCycleStarting(LifeCycle event) {
        if (event instanceof Server server && !(server.getHandler() instanceof RequestIdHandler)) {
            // Dropwizard's gzip handler inflates compressed request bodies, without a bound of its own; responses
            // stay compressed. (Such bodies are refused before it anyway; this keeps it so if that ever changes.)
            final GzipHandler gzip = server.getDescendant(GzipHandler.class);
            if (gzip != null) {
                gzip.setInflateBufferSize(-1);
            }
            // Inside the handler that measures the application's requests (a body still arriving is a request in
            // flight, which a drain waits for) and outside its servlet context, whose error handler is written for
            // servlets: the bounds' refusals are answered by the server's.
            final Handler.Wrapper measured = server.getDescendants(Handler.Wrapper.class).stream()
                    .filter(wrapper -> wrapper.getHandler() == applicationContext)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no handler wraps the application context: the "
                            + "request body limits would not apply"));
            measured.setHandler(RequestBodyLimits.around(applicationContext));
            server.setHandler(new RequestIdHandler(new ContentEncodingRefusal(server.getHandler())));
            server.setErrorHandler(new JsonServerErrorHandler());
            // In the shaded jar logback-access reads our manifest as its own, warns about a version mismatch that
            // is not there, and prints its whole status list to stdout, breaking the one-JSON-object-per-line rule.
            if (server.getRequestLog() instanceof RequestLogImpl requestLog) {
                requestLog.setQuiet(true);
            }
            server.setRequestLog(server.getRequestLog() == null ? requestMetrics
                    : new RequestLog.Collection(server.getRequestLog(), requestMetrics));
        }
    }
}
