package dev.tollgate.identity;

import java.util.Objects;

/**
 * Which connection something came from, as the board, the inbox and the saved lists name it.
 *
 * @param key   stable across runs and unique among watched connections (pins and the saved list use it)
 * @param label what the approver reads, e.g. "Sandbox" or "release-approver · eu-west-1"
 */
public record ConnectionId(String key, String label) {

    public ConnectionId {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        if (key.isBlank()) {
            throw new IllegalArgumentException("A connection key must not be blank");
        }
    }
}
