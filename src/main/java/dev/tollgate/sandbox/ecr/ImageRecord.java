package dev.tollgate.sandbox.ecr;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An image pushed to a sandbox ECR repository, with the result of its scan-on-push. */
public record ImageRecord(
        String repositoryName,
        String digest,
        List<String> tags,
        long sizeInBytes,
        Instant pushedAt,
        Instant scanCompletedAt,
        Map<String, Integer> findingSeverityCounts,
        List<ScanFinding> findings) {

    public ImageRecord {
        tags = List.copyOf(tags);
        findingSeverityCounts = Map.copyOf(findingSeverityCounts);
        findings = List.copyOf(findings);
    }

    public ImageRecord withTags(List<String> newTags) {
        return new ImageRecord(repositoryName, digest, newTags, sizeInBytes, pushedAt, scanCompletedAt,
                findingSeverityCounts, findings);
    }

    /** One CVE-style finding of a basic scan. */
    public record ScanFinding(String name, String description, String uri, String severity,
                              String packageName, String packageVersion) {
    }
}
