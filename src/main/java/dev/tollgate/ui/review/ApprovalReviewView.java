package dev.tollgate.ui.review;

import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.ui.common.Durations;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The approval card: what waits, since when, until when, and the decision with its comment.
 * Binds to {@link ApprovalReviewViewModel} and forwards clicks and shortcuts; holds no logic.
 */
public final class ApprovalReviewView extends VBox {

    public static final KeyCombination APPROVE_SHORTCUT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination REJECT_SHORTCUT =
            new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm").withZone(ZoneId.systemDefault());

    private final ApprovalReviewViewModel viewModel;
    private final Clock clock;
    private final Consumer<String> openLink;

    private final Label title = new Label();
    private final GridPane facts = new GridPane();
    private final TextArea comment = new TextArea();
    private final Label counter = new Label();
    private final Label commentProblem = new Label();
    private final Button approve = new Button("Approve", new FontIcon(Feather.CHECK));
    private final Button reject = new Button("Reject", new FontIcon(Feather.X));
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label outcome = new Label();
    private final VBox decisionBox;

    public ApprovalReviewView(ApprovalReviewViewModel viewModel, Clock clock, Consumer<String> openLink) {
        this.viewModel = viewModel;
        this.clock = clock;
        this.openLink = openLink;
        getStyleClass().add("approval-card");
        setId("approvalReview");
        setSpacing(10);

        title.getStyleClass().add("approval-title");
        title.setGraphic(new FontIcon(Feather.USER_CHECK));
        facts.getStyleClass().add("facts");
        facts.setHgap(16);
        facts.setVgap(4);

        comment.setId("approvalComment");
        comment.setPromptText("Comment recorded with your decision (what you checked, why)");
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(viewModel.commentProperty());
        counter.setId("commentCounter");
        counter.getStyleClass().add("muted");
        counter.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.commentProperty().get().length() + " / " + ApprovalDecision.MAX_COMMENT_LENGTH,
                viewModel.commentProperty()));
        commentProblem.setId("commentProblem");
        commentProblem.getStyleClass().add("field-problem");
        commentProblem.textProperty().bind(viewModel.commentProblemProperty());
        commentProblem.visibleProperty().bind(viewModel.commentProblemProperty().isNotNull());
        commentProblem.managedProperty().bind(commentProblem.visibleProperty());

        approve.setId("approveButton");
        approve.getStyleClass().addAll("success", "decision-button");
        approve.disableProperty().bind(viewModel.canDecideProperty().not());
        approve.setOnAction(event -> viewModel.approve());
        reject.setId("rejectButton");
        reject.getStyleClass().addAll("danger", "decision-button");
        reject.disableProperty().bind(viewModel.canDecideProperty().not());
        reject.setOnAction(event -> viewModel.reject());
        progress.setId("decisionProgress");
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Label shortcuts = new Label("Ctrl+Enter approves · Ctrl+Shift+Enter rejects");
        shortcuts.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, approve, reject, progress, spacer, counter);
        buttons.setAlignment(Pos.CENTER_LEFT);
        comment.setOnKeyPressed(event -> {
            if (REJECT_SHORTCUT.match(event)) {
                viewModel.reject();
                event.consume();
            } else if (APPROVE_SHORTCUT.match(event)) {
                viewModel.approve();
                event.consume();
            }
        });
        decisionBox = new VBox(8, title, facts, comment, commentProblem, buttons, shortcuts);

        outcome.setId("reviewOutcome");
        outcome.setWrapText(true);
        outcome.managedProperty().bind(outcome.visibleProperty());
        getChildren().addAll(decisionBox, outcome);

        viewModel.requestProperty().addListener((obs, old, request) -> showRequest(request));
        viewModel.outcomeProperty().addListener((obs, old, value) -> showOutcome(value));
        showRequest(viewModel.requestProperty().get());
        showOutcome(viewModel.outcomeProperty().get());
    }

    private void showRequest(ApprovalRequest request) {
        boolean present = request != null;
        decisionBox.setVisible(present);
        decisionBox.setManaged(present);
        updateVisibility();
        facts.getChildren().clear();
        if (!present) {
            return;
        }
        title.setText("Approval waiting: " + request.location());
        int row = 0;
        addFact(row++, "Execution", new Label(request.pipelineExecutionId()));
        if (request.waitingSince() != null) {
            addFact(row++, "Waiting since", new Label(WHEN.format(request.waitingSince()) + " ("
                    + Durations.between(request.waitingSince(), clock.instant()) + " ago)"));
            Label expires = new Label("in " + Durations.between(clock.instant(), request.expiresAt())
                    + " (" + WHEN.format(request.expiresAt()) + ")");
            expires.setId("approvalExpires");
            addFact(row++, "Expires", expires);
        }
        if (request.customData() != null) {
            Label custom = new Label(request.customData());
            custom.setWrapText(true);
            addFact(row++, "Note from the pipeline", custom);
        }
        if (request.externalEntityLink() != null) {
            Hyperlink link = new Hyperlink(request.externalEntityLink());
            link.setOnAction(event -> openLink.accept(request.externalEntityLink()));
            addFact(row, "Review link", link);
        }
    }

    private void addFact(int row, String name, javafx.scene.Node value) {
        Label label = new Label(name);
        label.getStyleClass().add("fact-name");
        facts.addRow(row, label, value);
    }

    private void showOutcome(ApprovalReviewViewModel.Outcome value) {
        outcome.getStyleClass().removeAll("outcome-done", "outcome-notice", "outcome-failed");
        if (value == null) {
            outcome.setText("");
            outcome.setVisible(false);
        } else {
            outcome.setText(value.message());
            outcome.getStyleClass().add("outcome-" + value.kind().name().toLowerCase(java.util.Locale.ROOT));
            outcome.setVisible(true);
        }
        updateVisibility();
    }

    private void updateVisibility() {
        boolean anything = viewModel.requestProperty().get() != null || viewModel.outcomeProperty().get() != null;
        setVisible(anything);
        setManaged(anything);
    }
}
