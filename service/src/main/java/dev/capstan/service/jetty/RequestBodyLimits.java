package dev.capstan.service.jetty;

import dev.capstan.service.core.RequestLimits;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * Jetty's bounds on request bodies, around a servlet context: the size limit (413 at once for a declared length above
 * it, and as soon as a chunked body passes it), then the whole body read without a thread, within a deadline, before
 * any servlet runs.
 */
public final class RequestBodyLimits {
    private RequestBodyLimits() {
    }

    public static Handler around(Handler context) {
        final EagerContentHandler wholeBody = new EagerContentHandler(
                new WholeBodyLoaderFactory(RequestLimits.BODY_DEADLINE));
        wholeBody.setHandler(context);
        final SizeLimitHandler sizeLimit = new SizeLimitHandler(RequestLimits.MAX_BODY_BYTES, -1);
        sizeLimit.setHandler(wholeBody);
        return sizeLimit;
    }
}
