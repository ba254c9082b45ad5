package dev.tollgate.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReleaseImageTest {

    static final String ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    static final String BUILT = "sha256:" + "b1".repeat(32);
    static final String REPUSHED = "sha256:" + "c2".repeat(32);

    static ReleaseImage image(String uri) {
        return new ReleaseImage(Optional.of("web"), ImageRef.parse(uri), Optional.empty());
    }

    static EcrImageFacts facts(String digest, ScanStatus status, Map<Severity, Integer> findings) {
        return new EcrImageFacts(digest, Instant.parse("2025-03-01T10:15:30Z"), 52_428_800, List.of("2.1.0"), status, findings);
    }

    static EcrImageFacts cleanScan(String digest) {
        return facts(digest, ScanStatus.COMPLETE, Map.of());
    }

    @Nested
    class Facts {

        @Test
        void listsEverySeverityInOrderWithMissingOnesAsZero() {
            EcrImageFacts facts = facts(BUILT, ScanStatus.COMPLETE, Map.of(Severity.LOW, 4, Severity.CRITICAL, 1));

            assertThat(facts.findings()).containsExactly(
                    Map.entry(Severity.CRITICAL, 1), Map.entry(Severity.HIGH, 0), Map.entry(Severity.MEDIUM, 0),
                    Map.entry(Severity.LOW, 4), Map.entry(Severity.INFORMATIONAL, 0), Map.entry(Severity.UNDEFINED, 0));
            assertThat(facts.count(Severity.LOW)).isEqualTo(4);
            assertThat(facts.hasTag("2.1.0")).isTrue();
        }

        @Test
        void keepsItsFindingsAndTagsUnmodifiable() {
            EcrImageFacts facts = cleanScan(BUILT);

            assertThatThrownBy(() -> facts.findings().put(Severity.HIGH, 9)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> facts.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void rejectsAMalformedDigestOrNegativeNumbers() {
            assertThatThrownBy(() -> cleanScan("sha256:abc")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A sha256 digest has 64 hex digits, but this one has 3");
            assertThatThrownBy(() -> facts(BUILT, ScanStatus.COMPLETE, Map.of(Severity.HIGH, -1)))
                    .hasMessage("A finding count cannot be negative: HIGH=-1");
        }

        @Test
        void mapsEcrNamesForSeverityAndScanStatus() {
            assertThat(Severity.fromEcr("critical")).isEqualTo(Severity.CRITICAL);
            assertThat(Severity.fromEcr("UNTRIAGED")).isEqualTo(Severity.UNDEFINED);
            assertThat(ScanStatus.fromEcr("COMPLETE")).isEqualTo(ScanStatus.COMPLETE);
            assertThat(ScanStatus.fromEcr(null)).isEqualTo(ScanStatus.NOT_SCANNED);
            assertThat(ScanStatus.fromEcr("SOMETHING_NEW")).isEqualTo(ScanStatus.UNKNOWN);
        }
    }

    @Nested
    class Warnings {

        @Test
        void warnsAboutNothingForAPinnedCleanEcrImage() {
            ReleaseImage release = image(ECR + "/shop/web:2.1.0@" + BUILT).withEcrFacts(cleanScan(BUILT));

            assertThat(release.warnings()).isEmpty();
        }

        @Test
        void warnsAboutAnImpliedLatestTag() {
            assertThat(image(ECR + "/shop/web").warnings()).containsExactly(new ReleaseWarning.MutableLatestTag(true));
            assertThat(new ReleaseWarning.MutableLatestTag(true).message())
                    .isEqualTo("No tag or digest is given, so ECS pulls 'latest' at deploy time; the image can change after you approve");
        }

        @Test
        void warnsAboutAnExplicitLatestTag() {
            assertThat(image(ECR + "/shop/web:latest").warnings()).containsExactly(new ReleaseWarning.MutableLatestTag(false));
        }

        @Test
        void doesNotCallLatestMutableWhenADigestPinsIt() {
            assertThat(image(ECR + "/shop/web:latest@" + BUILT).warnings()).isEmpty();
        }

        @Test
        void warnsWhenTheTagWasPushedAgainAfterTheBuild() {
            ReleaseImage release = image(ECR + "/shop/web:2.1.0@" + BUILT).withEcrFacts(cleanScan(REPUSHED));

            assertThat(release.warnings()).containsExactly(new ReleaseWarning.DigestDrift(BUILT, REPUSHED));
            assertThat(release.warnings().get(0).message()).isEqualTo("The artifact pins sha256:b1b1b1b1b1b1… but the tag now points to "
                    + "sha256:c2c2c2c2c2c2… in ECR; the tag was pushed again after this build");
            assertThat(release.effectiveDigest()).contains(BUILT);
        }

        @Test
        void cannotSeeDriftWhenTheArtifactPinsNoDigest() {
            ReleaseImage release = image(ECR + "/shop/web:2.1.0").withEcrFacts(cleanScan(REPUSHED));

            assertThat(release.warnings()).isEmpty();
            assertThat(release.effectiveDigest()).contains(REPUSHED);
        }

        @Test
        void warnsAboutCriticalAndHighFindingsOnly() {
            ReleaseImage serious = image(ECR + "/shop/web:2.1.0")
                    .withEcrFacts(facts(BUILT, ScanStatus.COMPLETE, Map.of(Severity.CRITICAL, 2, Severity.HIGH, 5, Severity.MEDIUM, 40)));
            ReleaseImage minor = image(ECR + "/shop/web:2.1.0").withEcrFacts(facts(BUILT, ScanStatus.COMPLETE, Map.of(Severity.MEDIUM, 40)));

            assertThat(serious.warnings()).containsExactly(new ReleaseWarning.ScanFindings(2, 5));
            assertThat(serious.warnings().get(0).message()).isEqualTo("The ECR scan found 2 critical and 5 high findings");
            assertThat(new ReleaseWarning.ScanFindings(0, 1).message()).isEqualTo("The ECR scan found 1 high finding");
            assertThat(minor.warnings()).isEmpty();
        }

        @Test
        void warnsThatZeroFindingsMeanNothingWhileTheScanHasNoResults() {
            ReleaseImage release = image(ECR + "/shop/web:2.1.0").withEcrFacts(facts(BUILT, ScanStatus.IN_PROGRESS, Map.of()));

            assertThat(release.warnings()).containsExactly(new ReleaseWarning.ScanIncomplete(ScanStatus.IN_PROGRESS));
            assertThat(release.warnings().get(0).message())
                    .isEqualTo("ECR's scan of this image has no results (status IN_PROGRESS), so its vulnerabilities are unknown");
        }

        @Test
        void warnsThatImagesOutsideEcrCannotBeChecked() {
            assertThat(image("ghcr.io/acme/web:1").warnings()).containsExactly(new ReleaseWarning.NotEcr("ghcr.io", false));
            assertThat(image("ghcr.io/acme/web:1").warnings().get(0).message())
                    .isEqualTo("The image is on 'ghcr.io', not in a private ECR registry, so Tollgate cannot check its digest or scan results");
            assertThat(image("public.ecr.aws/nginx/nginx:1").warnings().get(0).message())
                    .isEqualTo("The image is on Amazon ECR Public, so Tollgate cannot check its digest or scan results");
        }

        @Test
        void putsTheMostSeriousWarningFirst() {
            ReleaseImage release = image(ECR + "/shop/web:latest@" + BUILT)
                    .withEcrFacts(facts(REPUSHED, ScanStatus.COMPLETE, Map.of(Severity.HIGH, 1)));
            ReleaseImage unpinned = image("nginx");

            assertThat(release.warnings()).containsExactly(
                    new ReleaseWarning.DigestDrift(BUILT, REPUSHED), new ReleaseWarning.ScanFindings(0, 1));
            assertThat(unpinned.warnings()).containsExactly(
                    new ReleaseWarning.MutableLatestTag(true), new ReleaseWarning.NotEcr("docker.io", false));
        }
    }

    @Test
    void refusesEcrFactsForAnImageOutsideEcr() {
        assertThatThrownBy(() -> image("ghcr.io/acme/web:1").withEcrFacts(cleanScan(BUILT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ECR facts cannot describe an image on ghcr.io");
    }

    @Test
    void startsFromAContainerImageWithoutFacts() {
        ContainerImage container = new ContainerImage(Optional.of("web"), ImageRef.parse("nginx:1"), "nginx:1");

        assertThat(ReleaseImage.of(container)).isEqualTo(new ReleaseImage(Optional.of("web"), ImageRef.parse("nginx:1"), Optional.empty()));
    }
}
