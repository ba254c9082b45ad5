package dev.tollgate.release;

import java.util.Locale;

/**
 * Turns untrusted text and sizes into something safe to put in front of a reviewer.
 *
 * <p>Names and values in messages come from build artifacts, so they are quoted, shortened and
 * stripped of characters that could disguise them (control characters, bidirectional overrides).
 */
final class DisplayText {

    private static final int MAX_QUOTED_CHARS = 80;
    private static final long KB = 1024;
    private static final long MB = 1024 * KB;
    private static final long GB = 1024 * MB;

    private DisplayText() {
    }

    /** Single-quotes {@code text}, escaping invisible characters and cutting it at 80 characters. */
    static String quote(String text) {
        return "'" + clean(text, MAX_QUOTED_CHARS) + "'";
    }

    /** Escapes invisible characters and cuts {@code text} at {@code maxChars}, without quoting it. */
    static String clean(String text, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (i == maxChars) {
                out.append("…");
                break;
            }
            char c = text.charAt(i);
            if (isInvisible(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Describes one character for a "contains ... at position n" message. */
    static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c == '\t') {
            return "a tab";
        }
        if (c == '\n' || c == '\r') {
            return "a line break";
        }
        if (isInvisible(c)) {
            return String.format(Locale.ROOT, "the invisible character U+%04X", (int) c);
        }
        if (c > 0x7E) {
            return String.format(Locale.ROOT, "the non-ASCII character '%c' (U+%04X)", c, (int) c);
        }
        return "'" + c + "'";
    }

    /** A byte count as a reviewer reads it: "512 bytes", "240 KB", "100.1 KB", "20 MB", "1 GB". */
    static String bytes(long count) {
        if (count < KB) {
            return count == 1 ? "1 byte" : count + " bytes";
        }
        if (count < MB) {
            return scaled(count, KB, "KB");
        }
        if (count < GB) {
            return scaled(count, MB, "MB");
        }
        return scaled(count, GB, "GB");
    }

    /** A count with thousands separators, independent of the user's locale. */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    // Rounds up to one decimal so that a size just over a limit never prints as equal to it.
    private static String scaled(long count, long unit, String suffix) {
        // ceil(count * 10 / unit), split so that sizes claimed by a zip (up to 2^63) cannot overflow.
        long remainderTenths = count % unit * 10;
        long tenths = count / unit * 10 + remainderTenths / unit + (remainderTenths % unit == 0 ? 0 : 1);
        if (tenths % 10 == 0) {
            return tenths / 10 + " " + suffix;
        }
        return tenths / 10 + "." + tenths % 10 + " " + suffix;
    }

    private static boolean isInvisible(char c) {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
    }
}
