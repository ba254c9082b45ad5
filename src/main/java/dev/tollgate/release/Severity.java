package dev.tollgate.release;

import java.util.Locale;
import java.util.Objects;

/** ECR image scan finding severities, most severe first; the declaration order is the display order. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFORMATIONAL,
    UNDEFINED;

    /**
     * Maps ECR's severity name, case-insensitively. Names Tollgate does not know (such as
     * enhanced scanning's {@code UNTRIAGED}) count as {@link #UNDEFINED} rather than being dropped.
     */
    public static Severity fromEcr(String name) {
        Objects.requireNonNull(name, "name");
        for (Severity severity : values()) {
            if (severity.name().equals(name.toUpperCase(Locale.ROOT))) {
                return severity;
            }
        }
        return UNDEFINED;
    }
}
