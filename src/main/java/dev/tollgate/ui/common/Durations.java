package dev.tollgate.ui.common;

import java.time.Duration;
import java.time.Instant;

/** Short human durations: "42 s", "5 min", "3 h 10 min", "6 d 4 h". */
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
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return (hours / 24) + " d " + (hours % 24) + " h";
    }
}
