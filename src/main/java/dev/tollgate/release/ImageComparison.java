package dev.tollgate.release;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One container's image as deployed now and as it would be after approval.
 *
 * <p>Only digests prove two images are the same: equal tags may hide a re-push, and different
 * tags may name the same image. {@link #change()} therefore decides by digest and says
 * {@link Change#UNVERIFIED} when a digest is unknown on either side.
 *
 * @param containerName the container both sides belong to; empty for an unnamed blue/green image
 * @param deployed      the image running now, if the container exists today
 * @param underReview   the image after approval, if the release keeps the container
 */
public record ImageComparison(Optional<String> containerName, Optional<ReleaseImage> deployed, Optional<ReleaseImage> underReview) {

    /** What approving does to the container. */
    public enum Change {
        /** The release adds the container. */
        ADDED,
        /** The release no longer lists the container. */
        REMOVED,
        /** Both sides have the same digest. */
        SAME_IMAGE,
        /** The digests differ. */
        NEW_IMAGE,
        /** A digest is unknown on at least one side, so whether the image changes cannot be told. */
        UNVERIFIED
    }

    /** How one attribute compares across the two sides. */
    public enum Match {
        SAME,
        DIFFERENT,
        /** One side lacks the attribute (no digest, digest-only reference, container added or removed). */
        UNKNOWN
    }

    /**
     * Requires at least one side, and both sides to belong to {@code containerName}.
     *
     * @throws IllegalArgumentException when neither side is present or a side names another container
     */
    public ImageComparison {
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(deployed, "deployed");
        Objects.requireNonNull(underReview, "underReview");
        if (deployed.isEmpty() && underReview.isEmpty()) {
            throw new IllegalArgumentException("A comparison needs a deployed image, an image under review, or both");
        }
        for (Optional<ReleaseImage> side : List.of(deployed, underReview)) {
            if (side.isPresent() && !side.get().containerName().equals(containerName)) {
                throw new IllegalArgumentException("The image for " + side.get().containerName() + " cannot be compared as " + containerName);
            }
        }
    }

    /** What approving does to this container. */
    public Change change() {
        if (deployed.isEmpty()) {
            return Change.ADDED;
        }
        if (underReview.isEmpty()) {
            return Change.REMOVED;
        }
        return switch (digest()) {
            case SAME -> Change.SAME_IMAGE;
            case DIFFERENT -> Change.NEW_IMAGE;
            case UNKNOWN -> Change.UNVERIFIED;
        };
    }

    /** Whether registry and repository stay the same. */
    public Match repository() {
        if (deployed.isEmpty() || underReview.isEmpty()) {
            return Match.UNKNOWN;
        }
        return match(deployed.get().image().name(), underReview.get().image().name());
    }

    /** Whether the tag that would be pulled stays the same ({@code latest} when implied); unknown for digest-only references. */
    public Match tag() {
        Optional<String> before = deployed.flatMap(d -> d.image().effectiveTag());
        Optional<String> after = underReview.flatMap(r -> r.image().effectiveTag());
        return before.isPresent() && after.isPresent() ? match(before.get(), after.get()) : Match.UNKNOWN;
    }

    /** Whether the digest stays the same, using the reference's digest or else ECR's. */
    public Match digest() {
        Optional<String> before = deployed.flatMap(ReleaseImage::effectiveDigest);
        Optional<String> after = underReview.flatMap(ReleaseImage::effectiveDigest);
        return before.isPresent() && after.isPresent() ? match(before.get(), after.get()) : Match.UNKNOWN;
    }

    private static Match match(String before, String after) {
        return before.equals(after) ? Match.SAME : Match.DIFFERENT;
    }
}
