package dev.capstan.service.lifecycle;

import io.dropwizard.logging.common.LoggingUtil;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.ShutdownThread;

/**
 * Dropwizard's appenders are asynchronous: whatever is still queued when the JVM exits is lost, typically the last
 * lines of a stop or of {@code check}. Stopping the logger context writes the queue out.
 */
public final class LogFlush extends AbstractLifeCycle {
    private LogFlush() {
    }

    /**
     * Flushes at JVM shutdown, after the server has stopped: Jetty's shutdown thread stops what was registered with
     * it in order, and the server registered itself when it started.
     */
    public static void afterServerStops() {
        final LogFlush flush = new LogFlush();
        try {
            flush.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ShutdownThread.register(flush);
    }

    public static void now() {
        LoggingUtil.getLoggerContext().stop();
    }

    @Override
    protected void doStop() {
        now();
    }
}
