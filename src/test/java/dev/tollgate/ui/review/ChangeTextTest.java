package dev.tollgate.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.ApprovalChange;
import dev.tollgate.pipeline.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeTextTest {

    private static final Instant NOW = Instant.parse("2026-11-24T14:30:00Z");
    private static final String MEI = "arn:aws:sts::123456789012:assumed-role/Approver/mei.chen";

    private final Locale before = Locale.getDefault();
    private final ChangeText text = new ChangeText(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void english() {
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void saysWhoDecidedAndWhenWithTheirComment() {
        ApprovalChange approved = new ApprovalChange.Decided(Status.fromWire("Succeeded"), MEI,
                Instant.parse("2026-11-24T14:05:09Z"), "Tag checked");

        assertThat(text.of(approved)).isEqualTo("Already approved by mei.chen at 14:05:09. Their comment: \u201cTag checked\u201d");
    }

    @Test
    void aDecisionOnAnotherDayCarriesItsDate() {
        ApprovalChange rejected = new ApprovalChange.Decided(Status.fromWire("Failed"), MEI,
                Instant.parse("2026-11-23T18:00:00Z"), null);

        assertThat(text.of(rejected)).isEqualTo("Already rejected by mei.chen at 23 Nov 18:00.");
    }

    @Test
    void aFailureWithoutApproverIsAnExpiry() {
        ApprovalChange expired = new ApprovalChange.Decided(Status.fromWire("Failed"), null,
                Instant.parse("2026-11-24T09:00:00Z"), null);

        assertThat(text.of(expired)).isEqualTo("This approval expired at 09:00:00 without a decision.");
    }

    @Test
    void namesTheExecutionThatWaitsNow() {
        assertThat(text.of(new ApprovalChange.Replaced("aaaaaaaa-1111", "bbbbbbbb-2222")))
                .isEqualTo("The approval now waits for execution bbbbbbbb, not the aaaaaaaa you reviewed. "
                        + "Review the new one before deciding.");
        assertThat(text.of(new ApprovalChange.Replaced("aaaaaaaa-1111", "aaaaaaaa-1111"))).contains("again");
        assertThat(text.of(new ApprovalChange.Ended("aaaaaaaa-1111")))
                .isEqualTo("Execution aaaaaaaa no longer waits for approval.");
    }

    @Test
    void speaksFrench() {
        Locale.setDefault(Locale.FRENCH);

        assertThat(text.of(new ApprovalChange.Decided(Status.fromWire("Succeeded"), MEI, NOW, null)))
                .isEqualTo("Déjà approuvée par mei.chen à 14:30:00.");
    }
}
