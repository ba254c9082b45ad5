package dev.tollgate.ui.common;

import java.time.Duration;
import java.time.Instant;

/** Short human durations in the user's language: "42 s", "5 min", "3 h 10 min", "6 d 4 h" ("6 j 4 h"). */
public final class Durations {

    private Durations() {
    }

    public static String between(Instant from, Instant to) {
        if (from == null || to == null) {
            return "—";
        }
        return format(Duration.between(from, to));
    }

    public static String format(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return Texts.get("duration.seconds", seconds);
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return Texts.get("duration.minutes", minutes);
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return Texts.get("duration.hours", hours, minutes % 60);
        }
        return Texts.get("duration.days", hours / 24, hours % 24);
    }
}
