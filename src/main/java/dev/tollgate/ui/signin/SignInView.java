package dev.tollgate.ui.signin;

import dev.tollgate.identity.DeviceCode;
import dev.tollgate.identity.SsoAccount;
import dev.tollgate.identity.SsoPortal;
import dev.tollgate.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sign-in dialog's content: one pane per step of {@link SignInViewModel}, bound to it. Closing the
 * window while waiting cancels the wait.
 */
public final class SignInView extends VBox {

    private final SignInViewModel model;

    public SignInView(SignInViewModel model) {
        this.model = model;
        getStyleClass().add("sign-in");
        setSpacing(14);
        setPadding(new Insets(20));
        setPrefWidth(520);

        Label title = new Label(Texts.get(model.isSigningInAgain() ? "signin.again" : "signin.title"),
                new FontIcon(Feather.LOG_IN));
        title.getStyleClass().add("sign-in-title");

        Label problem = new Label();
        problem.setId("signInProblem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add("sign-in-problem");
        problem.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        Node portalStep = portalStep();
        Node waitingStep = waitingStep();
        Node pickStep = pickStep();
        portalStep.visibleProperty().bind(model.stepProperty().isEqualTo(SignInViewModel.Step.PORTAL));
        waitingStep.visibleProperty().bind(model.stepProperty().isEqualTo(SignInViewModel.Step.WAITING));
        pickStep.visibleProperty().bind(model.stepProperty().isEqualTo(SignInViewModel.Step.PICK_ROLE));
        for (Node step : new Node[] {portalStep, waitingStep, pickStep}) {
            step.managedProperty().bind(step.visibleProperty());
        }
        StackPane steps = new StackPane(portalStep, waitingStep, pickStep);
        steps.setAlignment(Pos.TOP_LEFT);
        VBox.setVgrow(steps, Priority.ALWAYS);
        getChildren().addAll(title, problem, steps);
    }

    /** Shows the dialog, owned by the main window; it closes itself when the sign-in is done. */
    public static Stage show(SignInViewModel model, Window owner, java.util.function.Consumer<Scene> styler) {
        SignInView view = new SignInView(model);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Texts.get(model.isSigningInAgain() ? "signin.again" : "signin.windowTitle"));
        Scene scene = new Scene(view);
        styler.accept(scene);
        stage.setScene(scene);
        // Closing the window is a cancel, never a sign-in left polling in the background.
        stage.setOnHidden(event -> model.cancel());
        model.stepProperty().addListener((obs, old, step) -> {
            if (step == SignInViewModel.Step.DONE) {
                stage.close();
            } else {
                stage.sizeToScene();
            }
        });
        stage.show();
        if (model.isSigningInAgain()) {
            model.start();
        }
        return stage;
    }

    private Node portalStep() {
        Label intro = new Label(Texts.get(model.isSigningInAgain() ? "signin.intro.again" : "signin.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add("muted");

        ComboBox<SsoPortal> known = new ComboBox<>(model.knownPortals());
        known.setId("knownPortals");
        known.setPromptText(Texts.get("signin.knownPortals"));
        known.setMaxWidth(Double.MAX_VALUE);
        known.setConverter(new StringConverter<>() {
            @Override
            public String toString(SsoPortal portal) {
                return portal == null ? "" : portal.label();
            }

            @Override
            public SsoPortal fromString(String text) {
                return null;
            }
        });
        known.valueProperty().addListener((obs, old, portal) -> {
            if (portal != null) {
                model.usePortal(portal);
            }
        });
        known.setVisible(!model.knownPortals().isEmpty() && !model.isSigningInAgain());
        known.setManaged(known.isVisible());

        TextField startUrl = field("startUrl", "https://my-company.awsapps.com/start");
        startUrl.textProperty().bindBidirectional(model.startUrlProperty());
        TextField region = field("portalRegion", "us-east-1");
        region.textProperty().bindBidirectional(model.portalRegionProperty());
        TextField session = field("sessionName", "tollgate");
        session.textProperty().bindBidirectional(model.sessionNameProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(Texts.get("signin.startUrl")), startUrl);
        form.addRow(1, new Label(Texts.get("signin.region")), region);
        form.addRow(2, new Label(Texts.get("signin.sessionName")), session);
        GridPane.setHgrow(startUrl, Priority.ALWAYS);
        form.setDisable(model.isSigningInAgain());
        Label sessionHint = new Label(Texts.get("signin.sessionHint"));
        sessionHint.setWrapText(true);
        sessionHint.setMinHeight(Region.USE_PREF_SIZE);
        sessionHint.getStyleClass().addAll("muted", "small");

        Button start = new Button(Texts.get("signin.start"), new FontIcon(Feather.EXTERNAL_LINK));
        start.setId("startSignIn");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.canStartProperty().not());
        start.setOnAction(event -> model.start());
        Button close = new Button(Texts.get("common.close"));
        close.setCancelButton(true);
        close.setOnAction(event -> getScene().getWindow().hide());
        VBox pane = new VBox(12, intro, known, form, sessionHint, buttons(close, start));
        return pane;
    }

    private Node waitingStep() {
        Label instruction = new Label();
        // Wrapped labels keep their full height, or a longer sentence (in French) ends in "…".
        instruction.setWrapText(true);
        instruction.setMinHeight(Region.USE_PREF_SIZE);
        instruction.textProperty().bind(model.statusProperty());
        Label userCode = new Label();
        userCode.setId("userCode");
        userCode.getStyleClass().add("user-code");
        userCode.textProperty().bind(Bindings.createStringBinding(() -> {
            DeviceCode code = model.codeProperty().get();
            return code == null ? "" : code.userCode();
        }, model.codeProperty()));
        userCode.visibleProperty().bind(model.codeProperty().isNotNull());
        Hyperlink reopen = new Hyperlink(Texts.get("signin.reopen"));
        reopen.setId("reopenVerification");
        reopen.setOnAction(event -> model.openVerificationPage());
        reopen.visibleProperty().bind(model.codeProperty().isNotNull());
        Label url = new Label();
        url.getStyleClass().addAll("muted", "small");
        url.textProperty().bind(Bindings.createStringBinding(() -> {
            DeviceCode code = model.codeProperty().get();
            return code == null ? "" : code.verificationUri();
        }, model.codeProperty()));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(28, 28);
        HBox waiting = new HBox(10, progress, new Label(Texts.get("signin.waiting")));
        waiting.setAlignment(Pos.CENTER_LEFT);
        Button cancel = new Button(Texts.get("common.cancel"));
        cancel.setId("cancelSignIn");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> model.cancel());
        VBox pane = new VBox(12, instruction, userCode, new HBox(8, reopen, url), waiting, buttons(cancel));
        ((HBox) pane.getChildren().get(2)).setAlignment(Pos.CENTER_LEFT);
        return pane;
    }

    private Node pickStep() {
        Label intro = new Label();
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.textProperty().bind(model.statusProperty());
        ListView<SsoAccount> accounts = new ListView<>(model.accounts());
        accounts.setId("accounts");
        accounts.setPrefHeight(150);
        accounts.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SsoAccount account, boolean empty) {
                super.updateItem(account, empty);
                setText(empty || account == null ? null : account.label());
                setGraphic(empty || account == null ? null : new FontIcon(Feather.BRIEFCASE));
            }
        });
        accounts.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> model.accountProperty().set(chosen));
        model.accountProperty().addListener((obs, old, chosen) -> {
            if (chosen != accounts.getSelectionModel().getSelectedItem()) {
                accounts.getSelectionModel().select(chosen);
            }
        });
        ComboBox<String> roles = new ComboBox<>(model.roles());
        roles.setId("roles");
        roles.setMaxWidth(Double.MAX_VALUE);
        roles.valueProperty().bindBidirectional(model.roleProperty());
        TextField region = field("watchRegion", "us-east-1");
        region.textProperty().bindBidirectional(model.watchRegionProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(Texts.get("signin.role")), roles);
        form.addRow(1, new Label(Texts.get("signin.pipelinesIn")), region);
        GridPane.setHgrow(roles, Priority.ALWAYS);
        Button connect = new Button(Texts.get("signin.watch"), new FontIcon(Feather.EYE));
        connect.setId("connectRole");
        connect.setDefaultButton(true);
        connect.disableProperty().bind(model.canConnectProperty().not());
        connect.setOnAction(event -> model.connect());
        Button close = new Button(Texts.get("common.close"));
        close.setCancelButton(true);
        close.setOnAction(event -> getScene().getWindow().hide());
        return new VBox(12, intro, new Label(Texts.get("signin.account")), accounts, form, buttons(close, connect));
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static HBox buttons(Button... buttons) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8);
        row.getChildren().add(spacer);
        row.getChildren().addAll(buttons);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }
}
