package dev.tollgate.ui.history;

import dev.tollgate.history.ExecutionComparison;
import dev.tollgate.pipeline.ApprovalOutcome;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.pipeline.Revision;
import dev.tollgate.release.ImageComparison;
import dev.tollgate.release.ReleaseImage;
import dev.tollgate.ui.common.StatusLook;
import dev.tollgate.ui.common.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Two executions side by side, older left, newer right, one row per fact; a row whose two sides differ is
 * marked, so the eye goes to what changed. Binds to {@link ComparisonViewModel}.
 */
final class ComparisonView extends VBox {

    private final ComparisonViewModel viewModel;
    private final HistoryFormat format;
    private final GridPane grid = new GridPane();
    private final Label title = new Label(Texts.get("history.compare.title"));
    private int row;

    ComparisonView(ComparisonViewModel viewModel, HistoryFormat format, Runnable back) {
        this.viewModel = viewModel;
        this.format = format;
        setId("executionComparison");
        getStyleClass().add("history-page");

        Button backButton = new Button(Texts.get("history.back"), new FontIcon(Feather.ARROW_LEFT));
        backButton.setId("comparisonBackButton");
        backButton.getStyleClass().add("flat");
        backButton.setOnAction(event -> back.run());
        title.getStyleClass().add("history-title");
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(viewModel.loadingProperty());
        HBox header = new HBox(12, backButton, title, loading);
        header.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        grid.setId("comparisonGrid");
        grid.getStyleClass().add("comparison-grid");
        // Shares of the width, so the grid never outgrows the window and both sides get the same room.
        ColumnConstraints names = new ColumnConstraints();
        names.setPercentWidth(15);
        ColumnConstraints side = new ColumnConstraints();
        side.setPercentWidth(36);
        ColumnConstraints change = new ColumnConstraints();
        change.setPercentWidth(13);
        grid.getColumnConstraints().addAll(names, side, side, change);

        VBox content = new VBox(14, header, problem, grid);
        content.getStyleClass().add("history-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);

        viewModel.comparisonProperty().addListener((obs, old, comparison) -> show(comparison));
    }

    private void show(ExecutionComparison comparison) {
        grid.getChildren().clear();
        row = 0;
        if (comparison == null) {
            title.setText(Texts.get("history.compare.title"));
            return;
        }
        ExecutionSummary older = comparison.older().detail().summary();
        ExecutionSummary newer = comparison.newer().detail().summary();
        title.setText(Texts.get("history.compare.against", HistoryFormat.shortId(older.executionId()),
                HistoryFormat.shortId(newer.executionId())));
        header(older, newer);

        section(Texts.get("history.compare.execution"));
        textRow(Texts.get("history.column.status"), StatusLook.label(older.status()), StatusLook.label(newer.status()));
        infoRow(Texts.get("history.fact.started"), format.full(older.startTime()), format.full(newer.startTime()));
        infoRow(Texts.get("history.fact.duration"), HistoryFormat.duration(older, viewModel.now()),
                HistoryFormat.duration(newer, viewModel.now()));
        textRow(Texts.get("history.fact.trigger"), HistoryFormat.trigger(older.execution()), HistoryFormat.trigger(newer.execution()));

        section(Texts.get("history.compare.commits"));
        textRow(Texts.get("history.compare.revision"), revisions(older, Revision::shortId), revisions(newer, Revision::shortId));
        textRow(Texts.get("history.compare.message"), revisions(older, r -> HistoryFormat.firstLine(r.summary())),
                revisions(newer, r -> HistoryFormat.firstLine(r.summary())));

        section(Texts.get("history.section.images"));
        if (comparison.images().isEmpty()) {
            String why = comparison.older().images() == null || comparison.newer().images() == null
                    ? Texts.get("history.compare.notKnownYet")
                    : Optional.ofNullable(comparison.newer().images().problem().orElse(null))
                            .or(() -> comparison.older().images().problem())
                            .orElseGet(() -> Texts.get("history.compare.noImages"));
            textRow(Texts.get("history.section.images"), why, "");
        }
        for (ImageComparison image : comparison.images()) {
            imageRows(image);
        }

        section(Texts.get("history.compare.stageDurations"));
        for (ExecutionComparison.StageRow stage : comparison.stages()) {
            Label change = new Label(stage.change().map(HistoryFormat::change).orElse("—"));
            change.getStyleClass().add(stage.change().map(ComparisonView::changeClass).orElse("muted"));
            cells(stage.stageName(), label(stage.older().map(HistoryFormat::duration).orElseGet(() -> Texts.get("history.compare.didNotRun"))),
                    label(stage.newer().map(HistoryFormat::duration).orElseGet(() -> Texts.get("history.compare.didNotRun"))), change, false);
        }

        section(Texts.get("history.compare.approvals"));
        textRow(Texts.get("history.compare.decision"), approvals(older, HistoryFormat::verdictLine),
                approvals(newer, HistoryFormat::verdictLine));
        textRow(Texts.get("history.compare.comment"),
                approvals(older, a -> a.comment() == null ? "—" : Texts.get("history.quoted", a.comment())),
                approvals(newer, a -> a.comment() == null ? "—" : Texts.get("history.quoted", a.comment())));
        infoRow(Texts.get("history.compare.when"), approvals(older, a -> format.full(a.at())),
                approvals(newer, a -> format.full(a.at())));
    }

    private void header(ExecutionSummary older, ExecutionSummary newer) {
        grid.add(new Label(""), 0, row);
        grid.add(sideHeader(Texts.get("history.compare.older"), older), 1, row);
        grid.add(sideHeader(Texts.get("history.compare.newer"), newer), 2, row);
        row++;
    }

    private static Node sideHeader(String which, ExecutionSummary summary) {
        Label name = new Label(which + " · " + HistoryFormat.shortId(summary.executionId()));
        name.getStyleClass().add("compare-side");
        Label badge = StatusLook.badge(summary.status(), null);
        HBox box = new HBox(8, name, badge);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        label.getStyleClass().add("compare-section");
        grid.add(label, 0, row, 4, 1);
        row++;
    }

    private void textRow(String name, String older, String newer) {
        boolean differs = !Objects.equals(older, newer) && !newer.isEmpty();
        cells(name, label(older), label(newer), differs ? differsChip() : new Label(), differs);
    }

    /** A row whose sides always differ (times), so marking them would only be noise. */
    private void infoRow(String name, String older, String newer) {
        cells(name, label(older), label(newer), new Label(), false);
    }

    private void imageRows(ImageComparison image) {
        String container = image.containerName().orElseGet(() -> Texts.get("history.image"));
        Optional<ReleaseImage> older = image.deployed();
        Optional<ReleaseImage> newer = image.underReview();
        Label chip = new Label(Texts.get("history.compare.change." + image.change().name()));
        chip.getStyleClass().addAll("chip", "chip-" + image.change().name().toLowerCase().replace('_', '-'));
        chip.setId("imageChange-" + container);
        boolean differs = image.change() != ImageComparison.Change.SAME_IMAGE;
        cells(Texts.get("history.compare.tag", container), mono(older.map(ComparisonView::tag).orElse("—")), mono(newer.map(ComparisonView::tag).orElse("—")),
                chip, differs);
        String unknown = Texts.get("history.compare.unknown");
        cells(Texts.get("history.compare.digest", container),
                mono(older.flatMap(ReleaseImage::effectiveDigest).map(ComparisonView::shortDigest).orElse(unknown)),
                mono(newer.flatMap(ReleaseImage::effectiveDigest).map(ComparisonView::shortDigest).orElse(unknown)),
                new Label(), differs);
    }

    private void cells(String name, Label older, Label newer, Node change, boolean differs) {
        Label label = new Label(name);
        label.getStyleClass().add("fact-name");
        older.setWrapText(true);
        newer.setWrapText(true);
        if (differs) {
            older.getStyleClass().add("compare-different");
            newer.getStyleClass().add("compare-different");
        }
        grid.add(label, 0, row);
        grid.add(older, 1, row);
        grid.add(newer, 2, row);
        grid.add(change, 3, row);
        row++;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static Label mono(String text) {
        Label label = label(text);
        label.getStyleClass().add("mono");
        return label;
    }

    private static Label differsChip() {
        Label chip = new Label(Texts.get("history.compare.differs"));
        chip.getStyleClass().addAll("chip", "chip-differs");
        return chip;
    }

    private static String tag(ReleaseImage image) {
        return image.image().tag().orElseGet(() -> image.image().digest().isPresent()
                ? Texts.get("history.compare.byDigest") : "latest");
    }

    private static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        return digest.substring(0, Math.min(digest.length(), colon + 13)) + "…";
    }

    private static String changeClass(Duration change) {
        // A stage that took much longer is worth a look; a small wobble is not.
        if (change.compareTo(Duration.ofMinutes(1)) > 0) {
            return "duration-longer";
        }
        return change.compareTo(Duration.ofMinutes(-1)) < 0 ? "duration-shorter" : "muted";
    }

    private static String revisions(ExecutionSummary summary, Function<Revision, String> part) {
        List<Revision> revisions = summary.execution().revisions();
        return revisions.isEmpty() ? "—" : revisions.stream().map(part).collect(Collectors.joining("\n"));
    }

    private static String approvals(ExecutionSummary summary, Function<ApprovalOutcome, String> part) {
        List<ApprovalOutcome> outcomes = summary.approvals();
        return outcomes.isEmpty() ? Texts.get("history.compare.noApproval") : outcomes.stream().map(part).collect(Collectors.joining("\n"));
    }
}
