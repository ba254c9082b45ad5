package dev.tollgate.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps the AWS SDK's DEBUG wire logging (logback's default level) out of test output. The sandbox may
 * only add test sources under its own package, so this is done in code rather than with logback-test.xml.
 */
final class QuietLogs implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
    }
}
