package dev.capstan.service.jetty;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * For Jetty's {@link EagerContentHandler}: reads a request's whole body without holding a thread, and only then lets
 * the servlets (which read it blocking) see the request. A client that stops sending in the middle of its body then
 * holds a connection and the bytes it sent, never a server thread; one that has not sent the whole body within the
 * deadline is answered 408, however it paced the bytes it did send (a minimum data rate over the whole body).
 *
 * <p>Written here because Jetty's own loader for any content ({@code RetainedContentLoaderFactory}) keeps waiting
 * after an idle timeout instead of answering, so a stalled body would hold its connection forever. The reading itself
 * is Jetty's ({@link Content.Source#asByteArrayAsync}), which gives up at the first failure.
 */
public class WholeBodyLoaderFactory implements EagerContentHandler.ContentLoaderFactory {
    private final Duration deadline;

    public WholeBodyLoaderFactory(Duration deadline) {
        this.deadline = deadline;
    }

    /** Every media type: the limits apply to every body. */
    @Override
    public String getApplicableMimeType() {
        return null;
    }

    @Override
    public EagerContentHandler.ContentLoader newContentLoader(String contentType, String mimeType, Handler handler,
                                                              Request request, Response response, Callback callback) {
        return new EagerContentHandler.ContentLoader(handler, request, response, callback) {
            @Override
            protected void load() {
                final Scheduler.Task timer = getRequest().getComponents().getScheduler().schedule(
                        () -> getRequest().fail(new TimeoutException(
                                "request body not received within " + deadline.toSeconds() + " s")),
                        deadline);
                Content.Source.asByteArrayAsync(getRequest(), -1, new Promise.Invocable.Abstract<byte[]>(
                        Invocable.InvocationType.BLOCKING) {
                    @Override
                    public void succeeded(byte[] body) {
                        timer.cancel();
                        handle(new LoadedRequest(getRequest(), body), getResponse(), getCallback());
                    }

                    @Override
                    public void failed(Throwable failure) {
                        timer.cancel();
                        Response.writeError(getRequest(), getResponse(), getCallback(), status(failure),
                                message(failure));
                    }
                });
            }
        };
    }

    /** A body Jetty refused carries its own status (413 from the size limit, 400 for bad chunking). */
    static int status(Throwable failure) {
        if (failure instanceof HttpException http) {
            return http.getCode();
        }
        return failure instanceof TimeoutException ? HttpStatus.REQUEST_TIMEOUT_408 : HttpStatus.BAD_REQUEST_400;
    }

    /** Jetty's reason, or what happened in words a client can use: other failures' texts are internal. */
    static String message(Throwable failure) {
        if (failure instanceof HttpException http) {
            return http.getReason();
        }
        return failure instanceof TimeoutException ? failure.getMessage() : "the request body could not be read";
    }

    /** The request as the servlets see it: its body read from memory. */
    private static final class LoadedRequest extends Request.Wrapper {
        private final Content.Source body;

        LoadedRequest(Request request, byte[] body) {
            super(request);
            this.body = new ByteBufferContentSource(ByteBuffer.wrap(body));
        }

        @Override
        public Content.Chunk read() {
            return body.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            body.demand(demandCallback);
        }
    }
}
