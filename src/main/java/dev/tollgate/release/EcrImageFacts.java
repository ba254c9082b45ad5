package dev.tollgate.release;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What ECR says about an image right now, as looked up by the {@code aws} package.
 *
 * @param digest     the manifest digest the looked-up tag points to now
 * @param pushedAt   when the image was pushed
 * @param sizeBytes  the image size ECR reports
 * @param tags       every tag on the image
 * @param scanStatus the state of the vulnerability scan
 * @param findings   finding counts for every {@link Severity}, in severity order; severities
 *                   missing from the input count as zero
 */
public record EcrImageFacts(String digest, Instant pushedAt, long sizeBytes, List<String> tags, ScanStatus scanStatus,
                            Map<Severity, Integer> findings) {

    /**
     * Validates and normalises the facts.
     *
     * @throws IllegalArgumentException for a malformed digest, a negative size or a negative count
     */
    public EcrImageFacts {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(pushedAt, "pushedAt");
        Objects.requireNonNull(scanStatus, "scanStatus");
        Objects.requireNonNull(findings, "findings");
        ReferenceGrammar.checkDigest(digest);
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("An image size cannot be negative: " + sizeBytes);
        }
        tags = List.copyOf(tags);
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        for (Map.Entry<Severity, Integer> count : findings.entrySet()) {
            int value = Objects.requireNonNull(count.getValue(), "finding count");
            if (value < 0) {
                throw new IllegalArgumentException("A finding count cannot be negative: " + count.getKey() + "=" + value);
            }
            counts.put(Objects.requireNonNull(count.getKey(), "severity"), value);
        }
        findings = Collections.unmodifiableMap(counts);
    }

    /** The number of findings of one severity. */
    public int count(Severity severity) {
        return findings.get(severity);
    }

    /** Whether ECR has this tag on the image. */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
