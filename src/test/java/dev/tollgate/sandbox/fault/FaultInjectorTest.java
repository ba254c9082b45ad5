package dev.tollgate.sandbox.fault;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectorTest {

    @Test
    void theQuotaCountsCallsPerSecondWindow() {
        AtomicLong nanos = new AtomicLong();
        FaultInjector injector = new FaultInjector(new FaultConfig(0, 0, 0, 3), 1, nanos::get);

        assertThat(injector.next("GetPipelineState")).isEmpty();
        assertThat(injector.next("GetPipelineState")).isEmpty();
        assertThat(injector.next("GetPipelineState")).isEmpty();
        assertThat(injector.next("GetPipelineState")).map(Fault::code).hasValue("ThrottlingException");
        nanos.addAndGet(1_000_000_000L);
        assertThat(injector.next("GetPipelineState")).isEmpty();
    }

    @Test
    void ratesAreSeededAndRoughlyHonoured() {
        FaultInjector a = new FaultInjector(new FaultConfig(0.2, 0.1, 0, 0), 7);
        FaultInjector b = new FaultInjector(new FaultConfig(0.2, 0.1, 0, 0), 7);
        int throttled = 0;
        int errors = 0;
        for (int i = 0; i < 2000; i++) {
            Optional<Fault> fault = a.next("GetPipelineState");
            assertThat(fault).isEqualTo(b.next("GetPipelineState"));
            if (fault.isPresent()) {
                if (fault.get().code().equals("ThrottlingException")) {
                    throttled++;
                } else {
                    errors++;
                    assertThat(fault.get().httpStatus()).isIn(500, 503);
                }
            }
        }
        assertThat(throttled).isBetween(320, 480);
        assertThat(errors).isBetween(100, 220);
    }

    @Test
    void noFaultsMeansNoDraws() {
        FaultInjector injector = new FaultInjector(FaultConfig.none(), 1);
        for (int i = 0; i < 100; i++) {
            assertThat(injector.next("GetPipelineState")).isEmpty();
        }
        injector.configure(new FaultConfig(1, 0, 0, 0));
        assertThat(injector.next("GetPipelineState")).map(Fault::httpStatus).hasValue(400);
    }

    @Test
    void faultsForNamedOperationsLeaveEveryOtherCallAlone() {
        FaultInjector injector = new FaultInjector(new FaultConfig(0, 1, 250, 0).onlyFor(Set.of("PutApprovalResult")), 1);

        assertThat(injector.next("GetPipelineState")).isEmpty();
        assertThat(injector.latencyMillis("GetPipelineState")).isZero();
        assertThat(injector.next("PutApprovalResult")).map(Fault::httpStatus).hasValueSatisfying(s -> assertThat(s).isIn(500, 503));
        assertThat(injector.latencyMillis("PutApprovalResult")).isEqualTo(250);
        assertThat(injector.counts().calls()).isEqualTo(2);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new FaultConfig(1.5, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultConfig(0, -0.1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultConfig(0, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultConfig(0, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
