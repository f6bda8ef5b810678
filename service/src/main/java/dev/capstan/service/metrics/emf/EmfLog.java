package dev.capstan.service.metrics.emf;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the documents go: a logger of their own, which config.yml writes to stdout as the bare message, one line per
 * document, so that each is one CloudWatch log event that is exactly the document. Not a class's name, so that no
 * other log line ever reaches that appender.
 */
public final class EmfLog {
    public static final String LOGGER_NAME = "capstan.emf";
    private static final Logger LOGGER = LoggerFactory.getLogger(LOGGER_NAME);

    private EmfLog() {
    }

    public static void write(String document) {
        LOGGER.info(document);
    }
}
