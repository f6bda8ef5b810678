package dev.capstan.service.jetty;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses a request body in any content coding but identity: 415, with {@code Accept-Encoding: identity} as RFC 9110
 * (15.5.16) asks, before anything reads the body. No client of the API compresses its bodies, and a compressed body
 * is where a 37 KB request once inflated to 40 MB. Neither Jetty nor Jersey refuses a coding it was not set up to
 * decode (Jetty's gzip handler inflates it, with no bound of its own), so this one check is written here.
 */
public class ContentEncodingRefusal extends Handler.Wrapper {
    public ContentEncodingRefusal(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        final boolean identity = request.getHeaders().getCSV(HttpHeader.CONTENT_ENCODING, false).stream()
                .allMatch("identity"::equalsIgnoreCase);
        if (identity) {
            return super.handle(request, response, callback);
        }
        response.getHeaders().put(HttpHeader.ACCEPT_ENCODING, "identity");
        Response.writeError(request, response, callback, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415,
                "Content-Encoding is not supported: send the body uncompressed");
        return true;
    }
}
