import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate, for bench/throughput: `java FixedRateLoad.java URL RATE SECONDS CONNECTIONS WARMUP`.
 *
 * <p>wrk is closed-loop (each connection sends its next request only when the previous answer arrived), so it
 * cannot hold a rate, and a stalled server makes it send less and record less: its percentiles then hide exactly
 * the stalls a client would see ("coordinated omission"). Here request i has an intended send time, start + i/RATE,
 * fixed in advance, and its latency is measured from that intended time, not from when it was actually written.
 * A request that had to wait for a free connection, or for the server to catch up, is charged the whole wait.
 *
 * <p>Raw HTTP/1.1 over keep-alive sockets rather than java.net.http.HttpClient: one blocking thread per
 * connection has no executor hand-offs of its own to add to the figures, and the request is exactly the bytes wrk
 * sends. Answers must carry Content-Length (the service and nginx both do for these fixed answers).
 *
 * <p>Prints one line: {@code RESULT rate=… sent=… p50_us=… p99_us=… p999_us=… max_us=… errors=… lag_p99_us=…},
 * where lag is how late this client itself wrote requests (its own scheduling noise, included in the latencies).
 * Requests in the first WARMUP seconds are sent at the same rate but not recorded.
 */
public final class FixedRateLoad {
    private final URI target;
    private final byte[] request;
    private final long periodNanos;
    private final int total;
    private final int warmupRequests;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong errors = new AtomicLong();
    private final long[] latencies;
    private final long[] lags;
    private long start;

    private FixedRateLoad(URI target, int rate, int seconds, int warmupSeconds) {
        this.target = target;
        this.request = ("GET " + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        this.periodNanos = 1_000_000_000L / rate;
        this.warmupRequests = rate * warmupSeconds;
        this.total = warmupRequests + rate * seconds;
        this.latencies = new long[total - warmupRequests];
        this.lags = new long[total - warmupRequests];
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: java FixedRateLoad.java URL RATE SECONDS CONNECTIONS WARMUP_SECONDS");
            System.exit(2);
        }
        final FixedRateLoad load = new FixedRateLoad(URI.create(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[4]));
        load.run(Integer.parseInt(args[3]));
        load.report(Integer.parseInt(args[1]));
    }

    private void run(int connections) throws InterruptedException {
        start = System.nanoTime() + 100_000_000L; // every connection is open before the first intended send
        final Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            workers[w] = new Thread(this::work, "load-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private void work() {
        Connection connection = null;
        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
            final long intended = start + i * periodNanos;
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            final long sent = System.nanoTime();
            boolean ok;
            try {
                if (connection == null) {
                    connection = new Connection(target);
                }
                ok = connection.exchange(request);
            } catch (IOException e) {
                ok = false;
                connection = closeQuietly(connection);
            }
            final long done = System.nanoTime();
            if (!ok) {
                errors.incrementAndGet();
            }
            if (i >= warmupRequests) {
                latencies[i - warmupRequests] = done - intended;
                lags[i - warmupRequests] = sent - intended;
            }
        }
        closeQuietly(connection);
    }

    private static Connection closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.socket.close();
            } catch (IOException ignored) {
                // closing a broken socket; nothing to do
            }
        }
        return null;
    }

    private void report(int rate) {
        Arrays.sort(latencies);
        Arrays.sort(lags);
        System.out.printf("RESULT rate=%d sent=%d p50_us=%d p99_us=%d p999_us=%d max_us=%d errors=%d lag_p99_us=%d%n",
                rate, latencies.length, micros(latencies, 50), micros(latencies, 99), micros(latencies, 99.9),
                latencies[latencies.length - 1] / 1000, errors.get(), micros(lags, 99));
    }

    private static long micros(long[] sorted, double percentile) {
        final int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000;
    }

    /** One keep-alive HTTP/1.1 connection; answers are read up to their Content-Length. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] body = new byte[64 * 1024];

        Connection(URI target) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        /** @return whether the answer was a 200 */
        boolean exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            final String statusLine = line();
            int contentLength = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                final int colon = header.indexOf(':');
                if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                    contentLength = Integer.parseInt(header.substring(colon + 1).trim());
                }
            }
            if (contentLength < 0) {
                throw new IOException("answer without Content-Length: " + statusLine);
            }
            for (int left = contentLength; left > 0; ) {
                final int n = in.read(body, 0, Math.min(left, body.length));
                if (n < 0) {
                    throw new IOException("connection closed in the body");
                }
                left -= n;
            }
            return statusLine.startsWith("HTTP/1.1 200 ");
        }

        private String line() throws IOException {
            final StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
