package dev.tollgate.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list AWS pages through, and the token for the next one.
 *
 * @param nextToken empty on the last page
 */
public record HistoryPage<T>(List<T> items, Optional<String> nextToken) {

    public HistoryPage {
        items = List.copyOf(items);
        Objects.requireNonNull(nextToken, "nextToken");
    }

    public boolean isLast() {
        return nextToken.isEmpty();
    }
}
