package dev.tollgate.ui.common;

import dev.tollgate.pipeline.GatewayException;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's words in the user's language (English and French), from {@code dev/tollgate/ui/messages*.properties}.
 * The language is the JVM's default locale, chosen once at start-up from the preferences or the OS; patterns
 * use {@link String#format} placeholders, so French apostrophes need no escaping. Numbers and dates go through
 * {@link #number} and {@link #dates}, so that they read the way the words around them do ("1 000", "24 nov.").
 */
public final class Texts {

    private static final String BUNDLE = "dev.tollgate.ui.messages";

    private Texts() {
    }

    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale()).getString(key);
        } catch (MissingResourceException e) {
            // A missing translation shows its key rather than breaking the screen; a test lists them all.
            return key;
        }
        return args.length == 0 ? pattern : String.format(locale(), pattern, args);
    }

    public static Locale locale() {
        return Locale.getDefault(Locale.Category.DISPLAY);
    }

    /** A whole number with the locale's grouping: "1,000" in English, "1 000" in French. */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(locale()).format(n);
    }

    /** Dates and times in the user's language and the system's time zone, e.g. "d MMM HH:mm": "24 nov. 20:08". */
    public static DateTimeFormatter dates(String pattern) {
        return dates(pattern, ZoneId.systemDefault());
    }

    public static DateTimeFormatter dates(String pattern, ZoneId zone) {
        return DateTimeFormatter.ofPattern(pattern, locale()).withZone(zone);
    }

    /**
     * What went wrong, for the window: a {@link GatewayException} already says it (in AWS's terms, in English);
     * anything else is unexpected and named by its class.
     */
    public static String problemOf(Throwable error) {
        if (error instanceof GatewayException) {
            return error.getMessage();
        }
        String kind = error.getClass().getSimpleName();
        return error.getMessage() == null ? get("common.unexpected", kind) : get("common.unexpectedWith", kind, error.getMessage());
    }
}
