package dev.capstan.service.errors;

import dev.capstan.service.core.RequestIds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before any context is involved (bad request lines, oversized headers): JSON whatever the
 * client accepts, never HTML, never a stack trace, and still with a request id.
 */
public class JsonServerErrorHandler extends ErrorHandler {
    public JsonServerErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    /** Every method gets a body, TRACE and the like included: a bare status line would be the odd one out. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        if (!response.getHeaders().contains(RequestIds.HEADER)) {
            response.getHeaders().put(RequestIds.HEADER, RequestIds.generate());
        }
        generateAcceptableResponse(request, response, callback, MimeTypes.Type.APPLICATION_JSON.asString(),
                List.of(StandardCharsets.UTF_8), code, message, cause);
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write(ErrorBody.json(code, message, cause));
    }
}
