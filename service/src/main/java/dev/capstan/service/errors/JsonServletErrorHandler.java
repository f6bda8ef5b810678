package dev.capstan.service.errors;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors raised inside a servlet context but outside Jersey (e.g. a wrong method on the health servlet, an unknown
 * admin path): JSON whatever the client accepts, never HTML, never a stack trace. The same overrides as
 * {@link JsonServerErrorHandler}, on the servlet flavour of Jetty's error handler: Java allows one base class.
 */
public class JsonServletErrorHandler extends ErrorHandler {
    public JsonServletErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
    }

    /** Every method gets a body, TRACE and the like included: a bare status line would be the odd one out. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        generateAcceptableResponse(request, response, callback, MimeTypes.Type.APPLICATION_JSON.asString(),
                List.of(StandardCharsets.UTF_8), code, message, cause);
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write(ErrorBody.json(code, message, cause));
    }
}
