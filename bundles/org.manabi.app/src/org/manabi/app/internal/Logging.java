package org.manabi.app.internal;

import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * java.util.logging into SLF4J, so that the few libraries that log through it (SPI Fly, SWT) write the
 * same one-line records as everything else. Its levels stay those of the product's
 * {@code logging.properties} (warnings and worse).
 */
final class Logging {

    private Logging() {
    }

    static void bridgeJavaUtilLogging() {
        // SLF4J first: a record bridged while logback configures itself (SPI Fly logs from its weaving hook
        // as logback's classes load) would re-enter SLF4J's initialisation
        LoggerFactory.getILoggerFactory();
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
