package dev.tollgate.ui.review;

import dev.tollgate.ui.common.Texts;
import dev.tollgate.pipeline.ApprovalChange;
import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.pipeline.Revision;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.release.ImageComparison;
import dev.tollgate.ui.common.Durations;
import dev.tollgate.ui.common.FactSheet;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The approval card: on the left the images the release deploys (name, tag and URI first), on the right the
 * change that produced them and the decision. Binds to {@link ApprovalReviewViewModel}; holds no logic.
 */
public final class ApprovalReviewView extends VBox {

    public static final KeyCombination APPROVE_SHORTCUT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination REJECT_SHORTCUT =
            new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final ApprovalReviewViewModel viewModel;
    private final Clock clock;
    private final Consumer<String> openLink;

    private final Label title = new Label();
    private final Label expires = new Label();
    private final Label changeMessage = new Label();
    private final HBox changeBanner;
    private final VBox imagesBox = new VBox(10);
    private final ProgressIndicator imagesLoading = new ProgressIndicator();
    private final FactSheet facts = new FactSheet(70);
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
        title.setMinWidth(0);
        expires.setId("approvalExpires");
        expires.getStyleClass().add("chip");
        Region titleSpacer = new Region();
        HBox.setHgrow(titleSpacer, Priority.ALWAYS);
        HBox titleRow = new HBox(10, title, titleSpacer, expires);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        changeMessage.setId("approvalChange");
        changeMessage.setWrapText(true);
        Button reviewLatest = new Button(Texts.get("review.showLatest"));
        reviewLatest.setId("reviewLatestButton");
        reviewLatest.setOnAction(event -> viewModel.reviewLatest());
        Region bannerSpacer = new Region();
        HBox.setHgrow(bannerSpacer, Priority.ALWAYS);
        changeBanner = new HBox(10, new FontIcon(Feather.ALERT_OCTAGON), changeMessage, bannerSpacer, reviewLatest);
        changeBanner.setAlignment(Pos.CENTER_LEFT);
        changeBanner.getStyleClass().add("change-banner");
        changeBanner.managedProperty().bind(changeBanner.visibleProperty());
        changeBanner.visibleProperty().bind(viewModel.changeProperty().isNotNull());
        ChangeText changeText = new ChangeText(clock);
        changeMessage.textProperty().bind(Bindings.createStringBinding(() -> {
            ApprovalChange change = viewModel.changeProperty().get();
            return change == null ? "" : changeText.of(change);
        }, viewModel.changeProperty()));

        Label imagesTitle = new Label(Texts.get("review.imageToDeploy"));
        imagesTitle.getStyleClass().add("section-title");
        imagesLoading.setPrefSize(16, 16);
        imagesLoading.visibleProperty().bind(viewModel.loadingImagesProperty());
        VBox imageColumn = new VBox(6, new HBox(8, imagesTitle, imagesLoading), imagesBox);
        imageColumn.setId("releaseImages");
        HBox.setHgrow(imageColumn, Priority.ALWAYS);
        imageColumn.setMinWidth(380);

        Label changeTitle = new Label(Texts.get("review.change"));
        changeTitle.getStyleClass().add("section-title");
        VBox decideColumn = new VBox(6, changeTitle, facts, decisionControls());
        decideColumn.setPrefWidth(400);
        decideColumn.setMinWidth(320);

        Label selfApproval = new Label(null, new FontIcon(Feather.USERS));
        selfApproval.setId("selfApprovalWarning");
        selfApproval.setWrapText(true);
        selfApproval.getStyleClass().add("image-note");
        selfApproval.textProperty().bind(viewModel.selfApprovalProperty());
        selfApproval.visibleProperty().bind(viewModel.selfApprovalProperty().isNotNull());
        selfApproval.managedProperty().bind(selfApproval.visibleProperty());
        HBox columns = new HBox(18, imageColumn, decideColumn);
        decisionBox = new VBox(10, titleRow, changeBanner, selfApproval, columns);

        outcome.setId("reviewOutcome");
        outcome.setWrapText(true);
        outcome.managedProperty().bind(outcome.visibleProperty());
        getChildren().addAll(decisionBox, outcome);

        viewModel.requestProperty().addListener((obs, old, request) -> showRequest(request));
        viewModel.executionProperty().addListener((obs, old, execution) -> showRequest(viewModel.requestProperty().get()));
        viewModel.detailsProblemProperty().addListener((obs, old, problem) -> showRequest(viewModel.requestProperty().get()));
        viewModel.imagesProperty().addListener((obs, old, images) -> showImages());
        viewModel.comparisonProperty().addListener((obs, old, comparison) -> showImages());
        viewModel.outcomeProperty().addListener((obs, old, value) -> showOutcome(value));
        showRequest(viewModel.requestProperty().get());
        showImages();
        showOutcome(viewModel.outcomeProperty().get());
    }

    private VBox decisionControls() {
        TextArea comment = new TextArea();
        comment.setId("approvalComment");
        comment.setPromptText(Texts.get("review.commentPrompt"));
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(viewModel.commentProperty());
        comment.setOnKeyPressed(event -> {
            if (REJECT_SHORTCUT.match(event)) {
                viewModel.reject();
                event.consume();
            } else if (APPROVE_SHORTCUT.match(event)) {
                viewModel.approve();
                event.consume();
            }
        });
        Label counter = new Label();
        counter.setId("commentCounter");
        counter.getStyleClass().add("muted");
        counter.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.commentProperty().get().length() + " / " + ApprovalDecision.MAX_COMMENT_LENGTH,
                viewModel.commentProperty()));
        Label problem = new Label();
        problem.setId("commentProblem");
        problem.getStyleClass().add("field-problem");
        problem.textProperty().bind(viewModel.commentProblemProperty());
        problem.visibleProperty().bind(viewModel.commentProblemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        Button approve = new Button(Texts.get("review.approve"), new FontIcon(Feather.CHECK));
        approve.setId("approveButton");
        approve.getStyleClass().addAll("success", "decision-button");
        approve.disableProperty().bind(viewModel.canDecideProperty().not());
        approve.setOnAction(event -> viewModel.approve());
        Button reject = new Button(Texts.get("review.reject"), new FontIcon(Feather.X));
        reject.setId("rejectButton");
        reject.getStyleClass().addAll("danger", "decision-button");
        reject.disableProperty().bind(viewModel.canDecideProperty().not());
        reject.setOnAction(event -> viewModel.reject());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("decisionProgress");
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(viewModel.busyProperty());
        // Room only while sending: idle, its place would squeeze the buttons ("Approuver" needs more than "Approve").
        progress.managedProperty().bind(progress.visibleProperty());
        counter.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, approve, reject, progress, spacer, counter);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label shortcuts = new Label(Texts.get("review.shortcuts"));
        shortcuts.getStyleClass().add("muted");
        return new VBox(6, comment, problem, buttons, shortcuts);
    }

    private void showRequest(ApprovalRequest request) {
        boolean present = request != null;
        decisionBox.setVisible(present);
        decisionBox.setManaged(present);
        updateVisibility();
        facts.clear();
        if (!present) {
            return;
        }
        title.setText(Texts.get("review.title", request.location()));
        expires.setText(request.expiresAt() == null ? "" : Texts.get("review.expiresIn", Durations.between(clock.instant(), request.expiresAt())));
        PipelineExecution execution = viewModel.executionProperty().get();
        if (execution != null) {
            for (Revision revision : execution.revisions()) {
                Node commit = revision.url() == null ? new Label(revision.shortId())
                        : link(revision.shortId(), revision.url());
                facts.add(Texts.get("review.fact.commit"), commit);
                if (revision.summary() != null) {
                    facts.add(Texts.get("review.fact.message"), wrapped(revision.summary()));
                }
            }
            if (execution.triggerType() != null) {
                facts.add(Texts.get("review.fact.trigger"), new Label(execution.triggerType()));
            }
        }
        facts.add(Texts.get("review.fact.execution"), new Label(request.pipelineExecutionId()));
        if (request.waitingSince() != null) {
            facts.add(Texts.get("review.fact.waiting"), new Label(Texts.get("review.fact.waitingValue",
                    when().format(request.waitingSince()), Durations.between(request.waitingSince(), clock.instant()))));
        }
        if (request.customData() != null) {
            facts.add(Texts.get("review.fact.note"), wrapped(request.customData()));
        }
        if (request.externalEntityLink() != null) {
            facts.add(Texts.get("review.fact.review"), link(request.externalEntityLink(), request.externalEntityLink()));
        }
        String problem = viewModel.detailsProblemProperty().get();
        if (problem != null) {
            Label line = wrapped(problem);
            line.getStyleClass().add("image-note");
            facts.add("", line);
        }
    }

    private void showImages() {
        imagesBox.getChildren().clear();
        ExecutionImages images = viewModel.imagesProperty().get();
        if (images == null) {
            return;
        }
        images.problem().ifPresent(problem -> {
            Label line = new Label(problem, new FontIcon(Feather.ALERT_TRIANGLE));
            line.setId("imagesProblem");
            line.setWrapText(true);
            line.getStyleClass().add("image-warning");
            imagesBox.getChildren().add(line);
        });
        ApprovalReviewViewModel.Comparison comparison = viewModel.comparisonProperty().get();
        for (ExecutionImages.ImageLookup lookup : images.images()) {
            Optional<ImageComparison> compared = comparison == null ? Optional.empty()
                    : comparison.diff().containers().stream()
                            .filter(c -> Objects.equals(c.containerName(), lookup.image().containerName()))
                            .findFirst();
            imagesBox.getChildren().add(new ContainerImagePane(lookup, compared, clock));
        }
        images.entryPath().ifPresent(path -> {
            Label source = new Label(images.artifact().map(a -> Texts.get("review.fromIn", path, a.artifactName()))
                    .orElseGet(() -> Texts.get("review.from", path)));
            source.getStyleClass().add("muted");
            imagesBox.getChildren().add(source);
        });
    }

    private static DateTimeFormatter when() {
        return Texts.dates("EEE d MMM HH:mm");
    }

    private Hyperlink link(String text, String url) {
        Hyperlink link = new Hyperlink(text);
        link.setOnAction(event -> openLink.accept(url));
        link.setMinWidth(0);
        return link;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private void showOutcome(ApprovalReviewViewModel.Outcome value) {
        outcome.getStyleClass().removeAll("outcome-done", "outcome-notice", "outcome-failed");
        if (value == null) {
            outcome.setText("");
            outcome.setVisible(false);
        } else {
            outcome.setText(value.message());
            outcome.getStyleClass().add("outcome-" + value.kind().name().toLowerCase(Locale.ROOT));
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
