package dev.tollgate.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.identity.CallerIdentity;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.ui.common.BackgroundTasks;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConnectionViewModelTest {

    private static final CallerIdentity ME = new CallerIdentity(
            "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Approver_0123456789abcdef/alice@example.com",
            "123456789012", "AROAEXAMPLE:alice@example.com");

    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final BackgroundTasks tasks = new BackgroundTasks(Runnable::run, Runnable::run);

    private ConnectionViewModel model(boolean canSignInAgain) {
        return new ConnectionViewModel(new ConnectionId("prod · eu-west-1", "prod · eu-west-1"), () -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return ME;
        }, tasks, Runnable::run, canSignInAgain);
    }

    @Test
    void showsWhoTheApproverIs() {
        ConnectionViewModel model = model(true);

        model.refreshIdentity();

        assertThat(model.identityProperty().get()).isEqualTo(ME);
        assertThat(model.identityTextProperty().get()).isEqualTo("Signed in as " + ME.arn());
        assertThat(ME.displayName()).isEqualTo("alice@example.com · Approver · 123456789012");
    }

    @Test
    void anExpiredPollRaisesTheBannerAndTheNextGoodPollLowersIt() {
        ConnectionViewModel model = model(true);
        model.refreshIdentity();

        model.pollFailed("ecs-webapp", new GatewayException(GatewayException.Problem.EXPIRED_CREDENTIALS, "expired"));
        assertThat(model.expiredProperty().get()).isTrue();
        assertThat(model.expiryMessageProperty().get()).startsWith("Your sign-in has expired. Sign in again");

        model.snapshotTaken(null);
        assertThat(model.expiredProperty().get()).isFalse();
    }

    @Test
    void tellsAFrenchApproverInFrench() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRENCH);
        try {
            ConnectionViewModel model = model(false);
            model.refreshIdentity();
            assertThat(model.identityTextProperty().get()).isEqualTo("Connecté en tant que " + ME.arn());

            model.pollFailed("ecs-webapp", new GatewayException(GatewayException.Problem.NO_CREDENTIALS, "none"));
            assertThat(model.expiryMessageProperty().get()).startsWith("Les identifiants de cette connexion ont expiré");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void otherFailuresLeaveTheBannerDown() {
        ConnectionViewModel model = model(true);

        model.pollFailed("ecs-webapp", new GatewayException(GatewayException.Problem.THROTTLED, "slow down"));
        model.pollFailed("ecs-webapp", new GatewayException(GatewayException.Problem.ACCESS_DENIED, "denied"));

        assertThat(model.expiredProperty().get()).isFalse();
    }

    @Test
    void credentialsFromOutsideTheAppAreRenewedOutsideAndRetried() {
        failure.set(new GatewayException(GatewayException.Problem.NO_CREDENTIALS, "Could not find out who you are: no usable AWS credentials."));
        ConnectionViewModel model = model(false);

        model.refreshIdentity();

        assertThat(model.identityProperty().get()).isNull();
        assertThat(model.expiredProperty().get()).isTrue();
        assertThat(model.expiryMessageProperty().get()).contains("aws sso login").contains("retry");
        failure.set(null);
        model.pipelinesListed(List.of());
        assertThat(model.expiredProperty().get()).isFalse();
        assertThat(model.identityProperty().get()).isEqualTo(ME);
    }

    @Test
    void recognisesItsOwnRecordedApprovals() {
        assertThat(ME.isSameAs(ME.arn())).isTrue();
        assertThat(ME.isSameAs("arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Approver_0123456789abcdef/bob@example.com")).isFalse();
        assertThat(ME.isSameAs("arn:aws:sts::210987654321:assumed-role/AWSReservedSSO_Approver_0123456789abcdef/alice@example.com")).isFalse();
        assertThat(ME.isSameAs(null)).isFalse();
    }
}
