package dev.tollgate.release;

import java.util.Objects;

/**
 * Something about an image a reviewer should look at before approving. Each warning carries the
 * facts behind it and a sentence for the approver.
 */
public sealed interface ReleaseWarning {

    /** The sentence to show the approver. */
    String message();

    /**
     * The image is pulled by the {@code latest} tag with no digest, so what runs may differ from
     * what was reviewed.
     *
     * @param implied true when no tag was written at all
     */
    record MutableLatestTag(boolean implied) implements ReleaseWarning {
        @Override
        public String message() {
            return implied
                    ? "No tag or digest is given, so ECS pulls 'latest' at deploy time; the image can change after you approve"
                    : "The tag 'latest' is mutable: it can point to another image by the time ECS pulls it";
        }
    }

    /**
     * The digest in the artifact is not the one ECR now has for that tag: the tag was pushed
     * again after the build, or the artifact was edited.
     *
     * @param artifactDigest the digest written in the definitions file
     * @param ecrDigest      the digest ECR reports for the image's tag now
     */
    record DigestDrift(String artifactDigest, String ecrDigest) implements ReleaseWarning {
        /** Requires both digests. */
        public DigestDrift {
            Objects.requireNonNull(artifactDigest, "artifactDigest");
            Objects.requireNonNull(ecrDigest, "ecrDigest");
        }

        @Override
        public String message() {
            return "The artifact pins " + shortDigest(artifactDigest) + " but the tag now points to " + shortDigest(ecrDigest)
                    + " in ECR; the tag was pushed again after this build";
        }

        private static String shortDigest(String digest) {
            int colon = digest.indexOf(':');
            return digest.substring(0, Math.min(digest.length(), colon + 13)) + "…";
        }
    }

    /**
     * The image is outside private ECR, so no digest, push date or scan result can be shown.
     *
     * @param registry  where the image lives
     * @param publicEcr whether that is Amazon ECR Public
     */
    record NotEcr(String registry, boolean publicEcr) implements ReleaseWarning {
        /** Requires the registry. */
        public NotEcr {
            Objects.requireNonNull(registry, "registry");
        }

        @Override
        public String message() {
            String where = publicEcr ? "on Amazon ECR Public" : "on " + DisplayText.quote(registry) + ", not in a private ECR registry";
            return "The image is " + where + ", so Tollgate cannot check its digest or scan results";
        }
    }

    /**
     * ECR's scan found serious vulnerabilities.
     *
     * @param critical number of CRITICAL findings
     * @param high     number of HIGH findings
     */
    record ScanFindings(int critical, int high) implements ReleaseWarning {
        @Override
        public String message() {
            String counts;
            if (critical > 0 && high > 0) {
                counts = critical + " critical and " + high + " high";
            } else if (critical > 0) {
                counts = critical + " critical";
            } else {
                counts = high + " high";
            }
            return "The ECR scan found " + counts + (critical + high == 1 ? " finding" : " findings");
        }
    }

    /**
     * ECR has no finished scan, so zero findings does not mean the image is clean.
     *
     * @param status where the scan stands
     */
    record ScanIncomplete(ScanStatus status) implements ReleaseWarning {
        /** Requires the status. */
        public ScanIncomplete {
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String message() {
            return status == ScanStatus.NOT_SCANNED
                    ? "ECR has not scanned this image, so its vulnerabilities are unknown"
                    : "ECR's scan of this image has no results (status " + status + "), so its vulnerabilities are unknown";
        }
    }
}
