package dev.capstan.service.jetty;

import dev.capstan.service.core.RequestLimits;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * Jetty's bounds on request bodies, in a servlet context ahead of its servlets: the size limit (413 at once for a
 * declared length above it, and as soon as a chunked body passes it), then the whole body read without a thread,
 * within a deadline, before any servlet runs.
 */
public final class RequestBodyLimits {
    private RequestBodyLimits() {
    }

    public static void install(ServletContextHandler context) {
        final SizeLimitHandler sizeLimit = new SizeLimitHandler(RequestLimits.MAX_BODY_BYTES, -1);
        sizeLimit.setHandler(new EagerContentHandler(new WholeBodyLoaderFactory(RequestLimits.BODY_DEADLINE)));
        context.insertHandler(sizeLimit);
    }
}
