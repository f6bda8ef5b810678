package dev.capstan.service.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM is how Docker, and so an instance refresh, asks the service to stop. The JVM's own answer runs the shutdown
 * hooks (drain window, then Jetty's graceful stop) but then exits with 143; an orderly stop should exit 0, so the
 * signal is turned into {@code System.exit(0)}, which runs the very same hooks. No library does this.
 */
public final class TermSignal {
    private static final Logger LOGGER = LoggerFactory.getLogger(TermSignal.class);

    private TermSignal() {
    }

    public static void exitZeroOnTerm() {
        try {
            Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        } catch (IllegalArgumentException e) {
            // e.g. the JVM runs with -Xrs; SIGTERM then keeps its default meaning (hooks run, exit code 143).
            LOGGER.warn("cannot handle SIGTERM, a stop will exit with 143: {}", e.getMessage());
        }
    }
}
