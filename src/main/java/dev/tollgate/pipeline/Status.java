package dev.tollgate.pipeline;

import java.util.Locale;
import java.util.Objects;

/**
 * The status of a pipeline execution, stage execution or action execution, as CodePipeline reports it.
 * The wire value is kept so that a value introduced by a newer API version still reads as "Unknown (X)"
 * instead of breaking the app.
 */
public record Status(Kind kind, String wireValue) {

    public enum Kind {
        IN_PROGRESS, SUCCEEDED, FAILED, STOPPED, STOPPING, SUPERSEDED, CANCELLED, SKIPPED, ABANDONED, NOT_RUN, UNKNOWN;

        public boolean isTerminal() {
            return this != IN_PROGRESS && this != STOPPING && this != NOT_RUN && this != UNKNOWN;
        }
    }

    public static final Status NOT_RUN = new Status(Kind.NOT_RUN, "");

    public Status {
        Objects.requireNonNull(kind, "kind");
        wireValue = wireValue == null ? "" : wireValue;
    }

    /** Maps a CodePipeline status string (any of its status enums) to a status; null means "never ran". */
    public static Status fromWire(String wire) {
        if (wire == null || wire.isBlank()) {
            return NOT_RUN;
        }
        Kind kind = switch (wire) {
            case "InProgress" -> Kind.IN_PROGRESS;
            case "Succeeded" -> Kind.SUCCEEDED;
            case "Failed" -> Kind.FAILED;
            case "Stopped" -> Kind.STOPPED;
            case "Stopping" -> Kind.STOPPING;
            case "Superseded" -> Kind.SUPERSEDED;
            case "Cancelled" -> Kind.CANCELLED;
            case "Skipped" -> Kind.SKIPPED;
            case "Abandoned" -> Kind.ABANDONED;
            default -> Kind.UNKNOWN;
        };
        return new Status(kind, wire);
    }

    /** The run has ended (succeeded, failed, stopped, superseded…) and will not change any more. */
    public boolean isTerminal() {
        return kind.isTerminal();
    }

    public boolean is(Kind other) {
        return kind == other;
    }

    /** A short English label; the UI localises by kind and uses this for unknown values. */
    public String label() {
        return switch (kind) {
            case IN_PROGRESS -> "In progress";
            case NOT_RUN -> "Not run";
            case UNKNOWN -> "Unknown (" + wireValue + ")";
            default -> {
                String name = kind.name().toLowerCase(Locale.ROOT);
                yield Character.toUpperCase(name.charAt(0)) + name.substring(1);
            }
        };
    }
}
