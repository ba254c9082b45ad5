package dev.tollgate.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every container's image, deployed now versus under review.
 *
 * @param containers one comparison per container: those under review in their order, then removed ones
 */
public record ReleaseDiff(List<ImageComparison> containers) {

    /** Copies the list. */
    public ReleaseDiff {
        containers = List.copyOf(containers);
    }

    /**
     * Pairs images by container name; images without a name pair only with each other.
     *
     * @param deployed    the images running now
     * @param underReview the images the release would deploy
     * @throws IllegalArgumentException when a side lists a container twice
     */
    public static ReleaseDiff between(List<ReleaseImage> deployed, List<ReleaseImage> underReview) {
        Map<Optional<String>, ReleaseImage> before = byContainer(deployed, "deployed");
        Map<Optional<String>, ReleaseImage> after = byContainer(underReview, "under review");
        List<ImageComparison> comparisons = new ArrayList<>();
        after.forEach((name, image) -> comparisons.add(new ImageComparison(name, Optional.ofNullable(before.get(name)), Optional.of(image))));
        before.forEach((name, image) -> {
            if (!after.containsKey(name)) {
                comparisons.add(new ImageComparison(name, Optional.of(image), Optional.empty()));
            }
        });
        return new ReleaseDiff(comparisons);
    }

    /** True when any container is added, removed, or not proven to keep its image. */
    public boolean changesAnything() {
        return containers.stream().anyMatch(c -> c.change() != ImageComparison.Change.SAME_IMAGE);
    }

    private static Map<Optional<String>, ReleaseImage> byContainer(List<ReleaseImage> images, String side) {
        Map<Optional<String>, ReleaseImage> byName = new LinkedHashMap<>();
        for (ReleaseImage image : images) {
            Objects.requireNonNull(image, "image");
            if (byName.putIfAbsent(image.containerName(), image) != null) {
                throw new IllegalArgumentException("The " + side + " images list container "
                        + image.containerName().orElse("(unnamed)") + " twice");
            }
        }
        return byName;
    }
}
