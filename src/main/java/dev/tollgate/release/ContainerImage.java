package dev.tollgate.release;

import java.util.Objects;
import java.util.Optional;

/**
 * One image a definitions file deploys.
 *
 * @param containerName the ECS container it replaces; empty for {@code imageDetail.json}, which names none
 * @param image         the parsed reference
 * @param rawUri        the reference exactly as written in the file, for display next to the parsed one
 */
public record ContainerImage(Optional<String> containerName, ImageRef image, String rawUri) {

    /** Requires all parts. */
    public ContainerImage {
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(rawUri, "rawUri");
    }
}
