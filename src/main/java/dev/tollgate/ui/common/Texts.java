package dev.tollgate.ui.common;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's words in the user's language (English and French), from {@code dev/tollgate/ui/messages*.properties}.
 * The language is the JVM's default locale, chosen once at start-up from the preferences or the OS; patterns
 * use {@link String#format} placeholders, so French apostrophes need no escaping.
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
}
