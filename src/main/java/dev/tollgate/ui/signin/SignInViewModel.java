package dev.tollgate.ui.signin;

import dev.tollgate.identity.DeviceCode;
import dev.tollgate.identity.PendingSignIn;
import dev.tollgate.identity.SignInOutcome;
import dev.tollgate.identity.SignInService;
import dev.tollgate.identity.SignInWait;
import dev.tollgate.identity.SsoAccount;
import dev.tollgate.identity.SsoPortal;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.Texts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The IAM Identity Center sign-in, step by step: choose the portal, approve the code in the browser while the
 * app waits (with Cancel), then pick the account and role to watch. When signing in again after an expiry,
 * the portal is fixed and the picking step is skipped. A sign-in the AWS CLI already cached is reused.
 */
public final class SignInViewModel {

    /** Where the sign-in is. */
    public enum Step { PORTAL, WAITING, PICK_ROLE, DONE }

    /** The account and role the approver chose, with the region whose pipelines to watch. */
    public record RoleChoice(SsoPortal portal, SsoAccount account, String roleName, String region) {
    }

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private final SignInService service;
    private final BackgroundTasks tasks;
    private final Consumer<String> openLink;
    private final Supplier<SignInWait> waits;
    private final Optional<SsoPortal> fixedPortal;
    private final Consumer<RoleChoice> onChosen;
    private final Runnable onSignedInAgain;

    private final ObservableList<SsoPortal> knownPortals = FXCollections.observableArrayList();
    private final StringProperty startUrl = new SimpleStringProperty(this, "startUrl", "");
    private final StringProperty portalRegion = new SimpleStringProperty(this, "portalRegion", "us-east-1");
    private final StringProperty sessionName = new SimpleStringProperty(this, "sessionName", "tollgate");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.PORTAL);
    private final ReadOnlyObjectWrapper<DeviceCode> code = new ReadOnlyObjectWrapper<>(this, "code");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<SsoAccount> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<SsoAccount> account = new SimpleObjectProperty<>(this, "account");
    private final ObservableList<String> roles = FXCollections.observableArrayList();
    private final ObjectProperty<String> role = new SimpleObjectProperty<>(this, "role");
    private final StringProperty watchRegion = new SimpleStringProperty(this, "watchRegion", "us-east-1");
    private final BooleanBinding canStart;
    private final BooleanBinding canConnect;
    private SsoPortal portal;
    private SignInWait wait;

    /**
     * @param fixedPortal     for signing in again: the portal of the connection whose sign-in expired
     * @param onChosen        receives the chosen account and role (a new sign-in)
     * @param onSignedInAgain runs when a sign-in again succeeded
     */
    public SignInViewModel(SignInService service, BackgroundTasks tasks, Consumer<String> openLink,
            Supplier<SignInWait> waits, List<SsoPortal> knownPortals, Optional<SsoPortal> fixedPortal,
            Consumer<RoleChoice> onChosen, Runnable onSignedInAgain) {
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.openLink = Objects.requireNonNull(openLink);
        this.waits = Objects.requireNonNull(waits);
        this.fixedPortal = fixedPortal;
        this.onChosen = Objects.requireNonNull(onChosen);
        this.onSignedInAgain = Objects.requireNonNull(onSignedInAgain);
        this.knownPortals.setAll(knownPortals);
        fixedPortal.or(() -> knownPortals.stream().findFirst()).ifPresent(this::usePortal);
        canStart = Bindings.createBooleanBinding(() -> !busy.get() && step.get() == Step.PORTAL
                        && startUrl.get().strip().startsWith("https://") && REGION.matcher(portalRegion.get().strip()).matches(),
                busy, step, startUrl, portalRegion);
        canConnect = Bindings.createBooleanBinding(() -> !busy.get() && account.get() != null && role.get() != null
                && REGION.matcher(watchRegion.get().strip()).matches(), busy, account, role, watchRegion);
        account.addListener((obs, old, chosen) -> loadRoles(chosen));
    }

    /** Fills the fields from a portal of the config files. */
    public void usePortal(SsoPortal known) {
        startUrl.set(known.startUrl());
        portalRegion.set(known.region());
        sessionName.set(known.sessionName().orElse(""));
    }

    /** Starts signing in: reuses a cached sign-in if there is one, otherwise starts a device authorization. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        portal = fixedPortal.orElseGet(() -> new SsoPortal(Optional.of(sessionName.get().strip()),
                startUrl.get().strip(), portalRegion.get().strip()));
        problem.set(null);
        step.set(Step.WAITING);
        busy.set(true);
        status.set(Texts.get("signin.status.contacting"));
        // Signing in again must not reuse the cache: the connection failed with what it holds.
        if (fixedPortal.isPresent()) {
            beginDeviceAuthorization();
            return;
        }
        tasks.submit(() -> service.existingSignIn(portal))
                .onSuccess(existing -> {
                    if (existing.isPresent()) {
                        signedIn(true);
                    } else {
                        beginDeviceAuthorization();
                    }
                })
                .onFailure(this::failed);
    }

    private void beginDeviceAuthorization() {
        tasks.submit(() -> service.begin(portal))
                .onSuccess(this::waitForApproval)
                .onFailure(this::failed);
    }

    private void waitForApproval(PendingSignIn pending) {
        code.set(pending.code());
        status.set(Texts.get("signin.status.approveInBrowser"));
        openLink.accept(pending.code().verificationUriComplete());
        SignInWait thisWait = waits.get();
        wait = thisWait;
        tasks.submit(() -> pending.await(thisWait))
                .onSuccess(this::finished)
                .onFailure(this::failed);
    }

    /** Opens the verification page again (the browser tab was closed, or opened on another screen). */
    public void openVerificationPage() {
        DeviceCode current = code.get();
        if (current != null) {
            openLink.accept(current.verificationUriComplete());
        }
    }

    /** Stops waiting for the browser; the dialog stays open to start again. */
    public void cancel() {
        if (wait != null) {
            wait.cancel();
        }
    }

    private void finished(SignInOutcome outcome) {
        wait = null;
        code.set(null);
        if (outcome instanceof SignInOutcome.SignedIn) {
            signedIn(false);
        } else if (outcome instanceof SignInOutcome.Denied) {
            backToStart(Texts.get("signin.problem.declined"));
        } else if (outcome instanceof SignInOutcome.CodeExpired) {
            backToStart(Texts.get("signin.problem.codeExpired"));
        } else {
            backToStart(null);
        }
    }

    /** @param fromCache whether the sign-in came from the cache, which the portal may no longer honour */
    private void signedIn(boolean fromCache) {
        if (fixedPortal.isPresent()) {
            busy.set(false);
            status.set(Texts.get("signin.status.signedIn"));
            step.set(Step.DONE);
            onSignedInAgain.run();
            return;
        }
        status.set(Texts.get("signin.status.loadingAccounts"));
        tasks.submit(() -> service.accounts(portal))
                .onSuccess(list -> {
                    busy.set(false);
                    accounts.setAll(list);
                    status.set(Texts.get(list.isEmpty() ? "signin.status.noAccount" : "signin.status.choose"));
                    step.set(Step.PICK_ROLE);
                    if (list.size() == 1) {
                        account.set(list.get(0));
                    }
                })
                .onFailure(error -> {
                    // A cached token can end early (signed out elsewhere, revoked): then sign in afresh.
                    if (fromCache && error instanceof GatewayException g
                            && g.problem() == GatewayException.Problem.EXPIRED_CREDENTIALS) {
                        beginDeviceAuthorization();
                    } else {
                        failed(error);
                    }
                });
    }

    private void loadRoles(SsoAccount chosen) {
        roles.clear();
        role.set(null);
        if (chosen == null) {
            return;
        }
        busy.set(true);
        tasks.submit(() -> service.roles(portal, chosen.id()))
                .onSuccess(list -> {
                    busy.set(false);
                    if (chosen.equals(account.get())) {
                        roles.setAll(list);
                        // Approvers mostly have one role meant for approving; preselect it when it is obvious.
                        list.stream().filter(r -> r.toLowerCase(java.util.Locale.ROOT).contains("approv")).findFirst()
                                .or(() -> list.size() == 1 ? Optional.of(list.get(0)) : Optional.empty())
                                .ifPresent(role::set);
                    }
                })
                .onFailure(this::failed);
    }

    /** Connects to the chosen account and role. */
    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        step.set(Step.DONE);
        onChosen.accept(new RoleChoice(portal, account.get(), role.get(), watchRegion.get().strip()));
    }

    private void failed(Throwable error) {
        wait = null;
        code.set(null);
        // GatewayException messages are written for the window and never carry tokens; anything else is unexpected.
        backToStart(error instanceof GatewayException g ? g.getMessage()
                : Texts.get("signin.problem.unexpected", error.getClass().getSimpleName()));
    }

    private void backToStart(String message) {
        busy.set(false);
        status.set("");
        problem.set(message);
        step.set(Step.PORTAL);
    }

    public boolean isSigningInAgain() {
        return fixedPortal.isPresent();
    }

    public ObservableList<SsoPortal> knownPortals() {
        return knownPortals;
    }

    public StringProperty startUrlProperty() {
        return startUrl;
    }

    public StringProperty portalRegionProperty() {
        return portalRegion;
    }

    public StringProperty sessionNameProperty() {
        return sessionName;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The code to show while waiting; null otherwise. */
    public ReadOnlyObjectProperty<DeviceCode> codeProperty() {
        return code.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<SsoAccount> accounts() {
        return accounts;
    }

    public ObjectProperty<SsoAccount> accountProperty() {
        return account;
    }

    public ObservableList<String> roles() {
        return roles;
    }

    public ObjectProperty<String> roleProperty() {
        return role;
    }

    public StringProperty watchRegionProperty() {
        return watchRegion;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }
}
