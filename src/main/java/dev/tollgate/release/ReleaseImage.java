package dev.tollgate.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An image in the release under review, with what ECR says about it when known.
 *
 * @param containerName the ECS container; empty for {@code imageDetail.json}
 * @param image         the reference from the artifact
 * @param ecr           what an ECR lookup returned for it; empty before the lookup, or for images outside ECR
 */
public record ReleaseImage(Optional<String> containerName, ImageRef image, Optional<EcrImageFacts> ecr) {

    /**
     * Requires all parts.
     *
     * @throws IllegalArgumentException when ECR facts are attached to an image outside private ECR
     */
    public ReleaseImage {
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(ecr, "ecr");
        if (ecr.isPresent() && !image.isEcr()) {
            throw new IllegalArgumentException("ECR facts cannot describe an image on " + image.registry());
        }
    }

    /** The image from a definitions file, before any ECR lookup. */
    public static ReleaseImage of(ContainerImage container) {
        return new ReleaseImage(container.containerName(), container.image(), Optional.empty());
    }

    /** This image with the facts an ECR lookup returned. */
    public ReleaseImage withEcrFacts(EcrImageFacts facts) {
        return new ReleaseImage(containerName, image, Optional.of(facts));
    }

    /** The digest that will run: the one written in the reference, else the one ECR reports for its tag. */
    public Optional<String> effectiveDigest() {
        return image.digest().or(() -> ecr.map(EcrImageFacts::digest));
    }

    /**
     * What the reviewer should look at, most serious first: digest drift, scan findings, a
     * mutable {@code latest} tag, a scan without results, an image outside ECR.
     */
    public List<ReleaseWarning> warnings() {
        List<ReleaseWarning> warnings = new ArrayList<>();
        ecr.ifPresent(facts -> image.digest()
                .filter(pinned -> !pinned.equals(facts.digest()))
                .ifPresent(pinned -> warnings.add(new ReleaseWarning.DigestDrift(pinned, facts.digest()))));
        ecr.ifPresent(facts -> {
            int critical = facts.count(Severity.CRITICAL);
            int high = facts.count(Severity.HIGH);
            if (critical + high > 0) {
                warnings.add(new ReleaseWarning.ScanFindings(critical, high));
            }
        });
        // A digest pins the image even when the tag beside it is 'latest'.
        if (image.isLatestTag() && image.digest().isEmpty()) {
            warnings.add(new ReleaseWarning.MutableLatestTag(image.tagImplied()));
        }
        ecr.filter(facts -> !facts.scanStatus().hasResults())
                .ifPresent(facts -> warnings.add(new ReleaseWarning.ScanIncomplete(facts.scanStatus())));
        if (!image.isEcr()) {
            warnings.add(new ReleaseWarning.NotEcr(image.registry(), image.isPublicEcr()));
        }
        return List.copyOf(warnings);
    }
}
