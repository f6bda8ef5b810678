package dev.capstan.service.jetty;

import ch.qos.logback.access.jetty.RequestLogImpl;
import dev.capstan.service.errors.JsonServerErrorHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Dropwizard builds the Jetty server after the application's {@code run}; this listener adjusts it while it is
 * starting, before any connector opens: the request-id handler goes around everything, then the refusal of compressed
 * request bodies; the server-wide error handler answers in JSON, and the request log keeps its start-up status report
 * (plain text) off stdout.
 */
public class ServerCustomizer implements LifeCycle.Listener {
    @Override
    public void lifeCycleStarting(LifeCycle event) {
        if (event instanceof Server server && !(server.getHandler() instanceof RequestIdHandler)) {
            // Dropwizard's gzip handler inflates compressed request bodies, without a bound of its own; responses
            // stay compressed. (Such bodies are refused before it anyway; this keeps it so if that ever changes.)
            final GzipHandler gzip = server.getDescendant(GzipHandler.class);
            if (gzip != null) {
                gzip.setInflateBufferSize(-1);
            }
            server.setHandler(new RequestIdHandler(new ContentEncodingRefusal(server.getHandler())));
            server.setErrorHandler(new JsonServerErrorHandler());
            // In the shaded jar logback-access reads our manifest as its own, warns about a version mismatch that
            // is not there, and prints its whole status list to stdout, breaking the one-JSON-object-per-line rule.
            if (server.getRequestLog() instanceof RequestLogImpl requestLog) {
                requestLog.setQuiet(true);
            }
        }
    }
}
