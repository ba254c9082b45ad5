package dev.tollgate.release;

import java.util.Locale;

/** Where ECR's vulnerability scan of an image stands. */
public enum ScanStatus {
    /** ECR has no scan for the image. */
    NOT_SCANNED,
    IN_PROGRESS,
    PENDING,
    /** A basic scan finished; its findings are final. */
    COMPLETE,
    /** Enhanced (continuous) scanning is active; its findings are current. */
    ACTIVE,
    FAILED,
    UNSUPPORTED_IMAGE,
    SCAN_ELIGIBILITY_EXPIRED,
    FINDINGS_UNAVAILABLE,
    LIMIT_EXCEEDED,
    /** A status this version of Tollgate does not know. */
    UNKNOWN;

    /** Maps ECR's status name; {@code null} means not scanned, anything unknown is {@link #UNKNOWN}. */
    public static ScanStatus fromEcr(String name) {
        if (name == null) {
            return NOT_SCANNED;
        }
        for (ScanStatus status : values()) {
            if (status.name().equals(name.toUpperCase(Locale.ROOT))) {
                return status;
            }
        }
        return UNKNOWN;
    }

    /** True when the findings can be read as the scan's answer: zero findings then means none were found. */
    public boolean hasResults() {
        return this == COMPLETE || this == ACTIVE;
    }
}
