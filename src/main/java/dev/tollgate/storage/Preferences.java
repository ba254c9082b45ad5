package dev.tollgate.storage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Tollgate remembers between runs about how the user likes it. Unknown or missing fields fall back to
 * defaults, so an older or newer preferences file never stops the app from starting.
 *
 * @param theme    "system", "light" or "dark"
 * @param language "system", "en" or "fr"
 * @param window   the main window's last bounds, or null the first time
 * @param callsPerSecond the request budget of each connection (CodePipeline calls per second), or null for
 *                 the watcher's conservative default
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Preferences(String theme, String language, WindowBounds window, Double callsPerSecond) {

    private static final Logger LOG = LoggerFactory.getLogger(Preferences.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where and how big the main window was. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public Preferences {
        theme = theme == null ? "system" : theme;
        language = language == null ? "system" : language;
        // A hand-edited file must not stop polling or flood AWS: anything outside (0, 50] is the default.
        callsPerSecond = callsPerSecond == null || !(callsPerSecond > 0) || callsPerSecond > 50 ? null : callsPerSecond;
    }

    public static Preferences defaults() {
        return new Preferences("system", "system", null, null);
    }

    public Preferences withTheme(String newTheme) {
        return new Preferences(newTheme, language, window, callsPerSecond);
    }

    public Preferences withLanguage(String newLanguage) {
        return new Preferences(theme, newLanguage, window, callsPerSecond);
    }

    public Preferences withWindow(WindowBounds bounds) {
        return new Preferences(theme, language, bounds, callsPerSecond);
    }

    public Preferences withCallsPerSecond(Double budget) {
        return new Preferences(theme, language, window, budget);
    }

    /** Reads the file; a missing or broken one gives the defaults (logged), never an error. */
    public static Preferences load(Path file) {
        try {
            return JSON.readValue(Files.readAllBytes(file), Preferences.class);
        } catch (NoSuchFileException firstRun) {
            return defaults();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read preferences from {}; using defaults: {}", file, e.getMessage());
            return defaults();
        }
    }

    public void save(Path file) throws IOException {
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    }
}
