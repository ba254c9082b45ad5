package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void readsEveryKnownWireValue() {
        assertThat(Status.fromWire("InProgress").kind()).isEqualTo(Status.Kind.IN_PROGRESS);
        assertThat(Status.fromWire("Superseded").kind()).isEqualTo(Status.Kind.SUPERSEDED);
        assertThat(Status.fromWire("Abandoned").kind()).isEqualTo(Status.Kind.ABANDONED);
        assertThat(Status.fromWire("Succeeded").label()).isEqualTo("Succeeded");
    }

    @Test
    void showsAValueFromANewerApiAsUnknownWithItsName() {
        Status status = Status.fromWire("PartiallySucceeded");

        assertThat(status.kind()).isEqualTo(Status.Kind.UNKNOWN);
        assertThat(status.label()).isEqualTo("Unknown (PartiallySucceeded)");
    }

    @Test
    void treatsAMissingStatusAsNotRun() {
        assertThat(Status.fromWire(null)).isEqualTo(Status.NOT_RUN);
        assertThat(Status.NOT_RUN.label()).isEqualTo("Not run");
    }
}
