package dev.tollgate.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.release.ImageComparison.Change;
import dev.tollgate.release.ImageComparison.Match;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseDiffTest {

    static final String ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    static final String OLD = "sha256:" + "0a".repeat(32);
    static final String NEW = "sha256:" + "0b".repeat(32);

    static ReleaseImage image(String container, String uri) {
        return new ReleaseImage(Optional.of(container), ImageRef.parse(uri), Optional.empty());
    }

    static ReleaseImage resolved(String container, String uri, String ecrDigest) {
        return image(container, uri).withEcrFacts(
                new EcrImageFacts(ecrDigest, Instant.EPOCH, 1, List.of(), ScanStatus.COMPLETE, Map.of()));
    }

    @Test
    void pairsContainersByNameAndListsAddedThenRemoved() {
        ReleaseDiff diff = ReleaseDiff.between(
                List.of(image("web", "nginx:1"), image("cron", "busybox:1")),
                List.of(image("worker", "busybox:2"), image("web", "nginx:2")));

        assertThat(diff.containers()).extracting(c -> c.containerName().orElseThrow()).containsExactly("worker", "web", "cron");
        assertThat(diff.containers()).extracting(ImageComparison::change)
                .containsExactly(Change.ADDED, Change.UNVERIFIED, Change.REMOVED);
        assertThat(diff.changesAnything()).isTrue();
    }

    @Test
    void provesTheSameImageOnlyByDigest() {
        ImageComparison retagged = ReleaseDiff.between(
                List.of(image("web", ECR + "/shop/web:1.0@" + OLD)),
                List.of(image("web", ECR + "/shop/web:1.0-final@" + OLD))).containers().get(0);

        assertThat(retagged.change()).isEqualTo(Change.SAME_IMAGE);
        assertThat(retagged.tag()).isEqualTo(Match.DIFFERENT);
        assertThat(retagged.digest()).isEqualTo(Match.SAME);
        assertThat(retagged.repository()).isEqualTo(Match.SAME);
    }

    @Test
    void seesANewImageBehindAnUnchangedTagThroughEcrDigests() {
        ImageComparison repushed = ReleaseDiff.between(
                List.of(resolved("web", ECR + "/shop/web:stable", OLD)),
                List.of(resolved("web", ECR + "/shop/web:stable", NEW))).containers().get(0);

        assertThat(repushed.tag()).isEqualTo(Match.SAME);
        assertThat(repushed.digest()).isEqualTo(Match.DIFFERENT);
        assertThat(repushed.change()).isEqualTo(Change.NEW_IMAGE);
    }

    @Test
    void cannotTellWithoutDigestsEvenWhenTagsMatch() {
        ImageComparison sameTag = ReleaseDiff.between(List.of(image("web", "nginx")), List.of(image("web", "nginx:latest")))
                .containers().get(0);

        assertThat(sameTag.tag()).isEqualTo(Match.SAME);
        assertThat(sameTag.digest()).isEqualTo(Match.UNKNOWN);
        assertThat(sameTag.change()).isEqualTo(Change.UNVERIFIED);
    }

    @Test
    void reportsAMoveToAnotherRepository() {
        ImageComparison moved = ReleaseDiff.between(List.of(image("web", "nginx:1")), List.of(image("web", "ghcr.io/acme/nginx:1")))
                .containers().get(0);

        assertThat(moved.repository()).isEqualTo(Match.DIFFERENT);
        assertThat(moved.tag()).isEqualTo(Match.SAME);
    }

    @Test
    void treatsDigestOnlyReferencesAsHavingNoComparableTag() {
        ImageComparison pinned = ReleaseDiff.between(List.of(image("web", "nginx:1")), List.of(image("web", "nginx@" + NEW)))
                .containers().get(0);

        assertThat(pinned.tag()).isEqualTo(Match.UNKNOWN);
    }

    @Test
    void changesNothingWhenEveryDigestMatches() {
        ReleaseDiff diff = ReleaseDiff.between(List.of(image("web", "nginx@" + OLD)), List.of(image("web", "nginx:1@" + OLD)));

        assertThat(diff.changesAnything()).isFalse();
    }

    @Test
    void pairsAnUnnamedBlueGreenImageWithTheUnnamedDeployedOne() {
        ReleaseImage before = new ReleaseImage(Optional.empty(), ImageRef.parse("nginx@" + OLD), Optional.empty());
        ReleaseImage after = new ReleaseImage(Optional.empty(), ImageRef.parse("nginx@" + NEW), Optional.empty());

        assertThat(ReleaseDiff.between(List.of(before), List.of(after)).containers())
                .singleElement().extracting(ImageComparison::change).isEqualTo(Change.NEW_IMAGE);
    }

    @Test
    void refusesAContainerListedTwiceOnOneSide() {
        assertThatThrownBy(() -> ReleaseDiff.between(List.of(), List.of(image("web", "nginx:1"), image("web", "nginx:2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The under review images list container web twice");
    }

    @Test
    void refusesAComparisonWhoseSidesBelongToAnotherContainer() {
        assertThatThrownBy(() -> new ImageComparison(Optional.of("api"), Optional.of(image("web", "nginx:1")), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageComparison(Optional.of("api"), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
