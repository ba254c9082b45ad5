package dev.tollgate.sandbox.fault;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectorTest {

    @Test
    void theQuotaCountsCallsPerSecondWindow() {
        AtomicLong nanos = new AtomicLong();
        FaultInjector injector = new FaultInjector(new FaultConfig(0, 0, 0, 3), 1, nanos::get);

        assertThat(injector.next()).isEmpty();
        assertThat(injector.next()).isEmpty();
        assertThat(injector.next()).isEmpty();
        assertThat(injector.next()).map(Fault::code).hasValue("ThrottlingException");
        nanos.addAndGet(1_000_000_000L);
        assertThat(injector.next()).isEmpty();
    }

    @Test
    void ratesAreSeededAndRoughlyHonoured() {
        FaultInjector a = new FaultInjector(new FaultConfig(0.2, 0.1, 0, 0), 7);
        FaultInjector b = new FaultInjector(new FaultConfig(0.2, 0.1, 0, 0), 7);
        int throttled = 0;
        int errors = 0;
        for (int i = 0; i < 2000; i++) {
            Optional<Fault> fault = a.next();
            assertThat(fault).isEqualTo(b.next());
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
            assertThat(injector.next()).isEmpty();
        }
        injector.configure(new FaultConfig(1, 0, 0, 0));
        assertThat(injector.next()).map(Fault::httpStatus).hasValue(400);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new FaultConfig(1.5, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultConfig(0, -0.1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultConfig(0, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultConfig(0, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
