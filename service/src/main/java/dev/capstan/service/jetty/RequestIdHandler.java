package dev.capstan.service.jetty;

import dev.capstan.service.core.RequestIds;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Gives every request on every connector an id: in the response header (so the request log sees it) and in the
 * MDC while the request is handled (so application log lines carry it).
 */
public class RequestIdHandler extends Handler.Wrapper {
    public RequestIdHandler(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        final String id = RequestIds.acceptOrGenerate(request.getHeaders().get(RequestIds.HEADER));
        response.getHeaders().put(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            return super.handle(request, response, callback);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
