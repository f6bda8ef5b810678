import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own Jetty, with nothing above it: one handler that answers every request with a fixed body. It
 * tells bench/throughput what the JVM's HTTP server costs on this machine before any framework work, so the gap to
 * nginx can be split into the part the server imposes and the part the service adds.
 *
 * <p>Two flavours, because Jetty 12 treats them differently:
 * <ul>
 *   <li>{@code non-blocking}: the handler promises never to block, so Jetty runs it on the selector thread that read
 *   the request. No thread hand-off; this is Jetty's best case.</li>
 *   <li>{@code blocking}: the default for any handler, and what every servlet container is, Dropwizard's included.
 *   Jetty hands each request from the selector thread to a pool thread, because the handler might block.</li>
 * </ul>
 *
 * <pre>java @jvm.options -cp service.jar bench/lib/BareJetty.java PORT BODY blocking|non-blocking</pre>
 *
 * The service's shaded jar supplies Jetty, SLF4J and logback, so this runs on the exact same versions.
 */
public final class BareJetty {
    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[2].equals("blocking") || args[2].equals("non-blocking"))) {
            System.err.println("usage: BareJetty PORT BODY blocking|non-blocking");
            System.exit(2);
        }
        // logback's default configuration logs Jetty at DEBUG to stdout: far more work than the requests.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        final byte[] body = args[1].getBytes(StandardCharsets.UTF_8);

        final Server server = new Server();
        final HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // as the service: no Server header
        final ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        server.setHandler(new FixedAnswer(
                args[2].equals("blocking") ? InvocationType.BLOCKING : InvocationType.NON_BLOCKING, body));
        server.start();
        server.join();
    }

    /** Writes the same answer to every request; the invocation type tells Jetty whether it may block. */
    private static final class FixedAnswer extends Handler.Abstract {
        private final byte[] body;

        FixedAnswer(InvocationType invocationType, byte[] body) {
            super(invocationType);
            this.body = body;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
