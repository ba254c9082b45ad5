package dev.tollgate.ui.history;

import dev.tollgate.pipeline.ActionStep;
import dev.tollgate.pipeline.ApprovalOutcome;
import dev.tollgate.pipeline.ArtifactLocation;
import dev.tollgate.pipeline.ExecutionDetail;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.pipeline.Revision;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.release.ReleaseImage;
import dev.tollgate.ui.common.StatusLook;
import dev.tollgate.ui.common.Texts;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One execution in full: what started it and from which commit, the approval decision, the images it carried,
 * the timeline of its actions, and each action's artifacts, errors and links. Binds to
 * {@link ExecutionDetailViewModel}; holds no logic.
 */
final class ExecutionDetailView extends VBox {

    private final ExecutionDetailViewModel viewModel;
    private final HistoryFormat format;
    private final Consumer<String> openLink;

    private final Label title = new Label();
    private final Label status = new Label();
    private final Label rollback = new Label(Texts.get("history.rollback"));
    private final GridPane facts = new GridPane();
    private final VBox commits = new VBox(4);
    private final VBox approvals = new VBox(8);
    private final VBox images = new VBox(6);
    private final TimelineChart timeline = new TimelineChart();
    private final VBox actions = new VBox(8);
    private final Label problem = new Label();
    private final ProgressIndicator loading = new ProgressIndicator();

    ExecutionDetailView(ExecutionDetailViewModel viewModel, HistoryFormat format, Runnable back, Consumer<String> openLink) {
        this.viewModel = viewModel;
        this.format = format;
        this.openLink = openLink;
        setId("executionDetail");
        getStyleClass().add("history-page");

        Button backButton = new Button(Texts.get("history.back"), new FontIcon(Feather.ARROW_LEFT));
        backButton.setId("historyBackButton");
        backButton.getStyleClass().add("flat");
        backButton.setOnAction(event -> back.run());
        title.getStyleClass().add("history-title");
        title.setId("executionTitle");
        status.setId("executionStatus");
        rollback.getStyleClass().addAll("chip", "chip-rollback");
        rollback.managedProperty().bind(rollback.visibleProperty());
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(viewModel.loadingProperty());
        HBox header = new HBox(12, backButton, title, status, rollback, loading);
        header.setAlignment(Pos.CENTER_LEFT);

        facts.setHgap(14);
        facts.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(80);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().addAll(names, values, names, values);

        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        approvals.setId("executionApprovals");
        images.setId("executionImages");
        actions.setId("executionActions");
        VBox left = new VBox(8, section(Texts.get("history.section.change")), commits,
                section(Texts.get("history.section.approval")), approvals);
        VBox right = new VBox(8, section(Texts.get("history.section.images")), images);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(420);
        right.setPrefWidth(420);
        HBox columns = new HBox(24, left, right);

        VBox content = new VBox(14, header, facts, problem, columns, section(Texts.get("history.section.timeline")), timeline,
                section(Texts.get("history.section.actions")), actions);
        content.getStyleClass().add("history-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);

        viewModel.summaryProperty().addListener((obs, old, summary) -> showSummary(summary));
        viewModel.detailProperty().addListener((obs, old, detail) -> showDetail(detail));
        viewModel.imagesProperty().addListener((obs, old, found) -> showImages(found));
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private void showSummary(ExecutionSummary summary) {
        facts.getChildren().clear();
        commits.getChildren().clear();
        approvals.getChildren().clear();
        images.getChildren().clear();
        actions.getChildren().clear();
        timeline.show(List.of(), viewModel.now(), format);
        if (summary == null) {
            return;
        }
        PipelineExecution execution = summary.execution();
        title.setText(Texts.get("history.execution", HistoryFormat.shortId(execution.executionId())));
        StatusLook.restyle(status, execution.status(), null);
        if (!status.getStyleClass().contains("status-badge")) {
            status.getStyleClass().add("status-badge");
        }
        rollback.setVisible(execution.isRollback());
        fact(0, 0, Texts.get("history.fact.started"), format.full(execution.startTime()));
        fact(0, 2, Texts.get("history.fact.duration"), HistoryFormat.duration(summary, viewModel.now()));
        fact(1, 0, Texts.get("history.fact.ended"), summary.endTime().map(format::full)
                .orElseGet(() -> Texts.get("history.stillRunning")));
        Label trigger = value(HistoryFormat.trigger(execution));
        if (execution.triggerDetail() != null) {
            trigger.setTooltip(new Tooltip(execution.triggerDetail()));
        }
        fact(1, 2, Texts.get("history.fact.trigger"), trigger);
        Label id = value(execution.executionId());
        id.getStyleClass().add("mono");
        fact(2, 0, Texts.get("history.fact.execution"), id);
        fact(2, 2, Texts.get("history.fact.mode"), execution.executionMode() == null ? "—" : execution.executionMode());
        if (execution.statusSummary() != null && !execution.statusSummary().isBlank()) {
            Label why = value(execution.statusSummary());
            why.setWrapText(true);
            Label summaryName = new Label(Texts.get("history.fact.summary"));
            summaryName.getStyleClass().add("fact-name");
            facts.add(summaryName, 0, 3);
            facts.add(why, 1, 3, 3, 1);
        }
        for (Revision revision : execution.revisions()) {
            commits.getChildren().add(revisionLine(revision));
        }
        if (execution.revisions().isEmpty()) {
            commits.getChildren().add(muted(Texts.get("history.noRevisionRecorded")));
        }
        showApprovals(summary.approvals());
        images.getChildren().add(muted(Texts.get("history.readingArtifact")));
    }

    private void fact(int row, int column, String name, String text) {
        fact(row, column, name, value(text));
    }

    private void fact(int row, int column, String name, Node valueNode) {
        Label label = new Label(name);
        label.getStyleClass().add("fact-name");
        facts.add(label, column, row);
        facts.add(valueNode, column + 1, row);
    }

    private static Label value(String text) {
        Label label = new Label(text);
        label.setMinWidth(0);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        return label;
    }

    private Node revisionLine(Revision revision) {
        Node id;
        if (revision.url() != null && !revision.url().isBlank()) {
            Hyperlink link = new Hyperlink(revision.shortId());
            link.getStyleClass().add("mono");
            link.setTooltip(new Tooltip(Texts.get("history.openCommit", revision.revisionId())));
            link.setOnAction(event -> openLink.accept(revision.url()));
            id = link;
        } else {
            Label plain = new Label(revision.shortId());
            plain.getStyleClass().add("mono");
            id = plain;
        }
        Label message = new Label(revision.summary() == null ? "" : revision.summary());
        message.setWrapText(true);
        HBox line = new HBox(8, new FontIcon(Feather.GIT_COMMIT), id, message);
        line.setAlignment(Pos.TOP_LEFT);
        return line;
    }

    private void showApprovals(List<ApprovalOutcome> outcomes) {
        approvals.getChildren().clear();
        if (outcomes.isEmpty()) {
            approvals.getChildren().add(muted(Texts.get("history.noApproval")));
            return;
        }
        for (ApprovalOutcome approval : outcomes) {
            Label verdict = new Label(HistoryFormat.verdictLine(approval), new FontIcon(HistoryFormat.icon(approval.verdict())));
            verdict.getStyleClass().addAll("status-badge", HistoryFormat.styleClass(approval.verdict()));
            if (approval.approver() != null) {
                verdict.setTooltip(new Tooltip(approval.approver()));
            }
            Label where = new Label(approval.location() + " · " + format.full(approval.at()));
            where.getStyleClass().add("muted");
            VBox box = new VBox(3, verdict, where);
            if (approval.comment() != null) {
                Label comment = new Label(Texts.get("history.quoted", approval.comment()));
                comment.setWrapText(true);
                comment.getStyleClass().add("approval-comment");
                box.getChildren().add(comment);
            } else if (approval.isDecision()) {
                box.getChildren().add(muted(Texts.get("history.noComment")));
            }
            box.getStyleClass().add("history-approval");
            approvals.getChildren().add(box);
        }
    }

    private void showImages(ExecutionImages found) {
        images.getChildren().clear();
        if (found == null) {
            images.getChildren().add(muted(Texts.get("history.readingArtifact")));
            return;
        }
        if (found.images().isEmpty()) {
            images.getChildren().add(muted(found.problem().orElseGet(() -> Texts.get("history.artifactNoImage"))));
            return;
        }
        for (ExecutionImages.ImageLookup lookup : found.images()) {
            images.getChildren().add(imageBox(lookup));
        }
    }

    private Node imageBox(ExecutionImages.ImageLookup lookup) {
        ReleaseImage image = lookup.image();
        Label container = new Label(image.containerName().orElseGet(() -> Texts.get("history.image")), new FontIcon(Feather.BOX));
        container.getStyleClass().add("container-name");
        Label tag = new Label(image.image().tag().orElseGet(() -> image.image().digest().isPresent() ? Texts.get("history.byDigest") : "latest"));
        tag.getStyleClass().add("image-tag");
        HBox top = new HBox(8, container, tag);
        top.setAlignment(Pos.CENTER_LEFT);
        Label uri = new Label(image.image().toString());
        uri.getStyleClass().add("image-uri");
        uri.setWrapText(true);
        Label digest = new Label(image.effectiveDigest().map(d -> Texts.get("history.digest", d)).orElseGet(() -> Texts.get("history.digestUnknown")));
        digest.getStyleClass().addAll("mono", "muted");
        digest.setWrapText(true);
        VBox box = new VBox(3, top, uri, digest);
        lookup.registryProblem().ifPresent(problemText -> box.getChildren().add(muted(problemText)));
        box.getStyleClass().add("container-image");
        return box;
    }

    private void showDetail(ExecutionDetail detail) {
        actions.getChildren().clear();
        if (detail == null) {
            return;
        }
        timeline.show(detail.steps(), viewModel.now(), format);
        for (ActionStep step : detail.steps()) {
            actions.getChildren().add(actionBox(step));
        }
        if (detail.steps().isEmpty()) {
            actions.getChildren().add(muted(Texts.get("history.noActionRuns")));
        }
    }

    private Node actionBox(ActionStep step) {
        Label name = new Label(step.stageName() + " › " + step.actionName(), new FontIcon(StatusLook.icon(step.category())));
        name.getStyleClass().add("action-name");
        Label badge = StatusLook.badge(step.status(), null);
        Label when = new Label(format.time(step.startTime()) + " → "
                + step.endTime().map(format::time).orElseGet(() -> Texts.get("history.runningNow")) + " · "
                + step.duration(viewModel.now()).map(HistoryFormat::duration).orElse("—"));
        when.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, name, badge, spacer, when);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, top);
        box.getStyleClass().add("history-action");
        box.setId("action-" + step.stageName() + "-" + step.actionName());
        if (step.provider() != null) {
            box.getChildren().add(muted(Texts.get("history.category." + step.category().name()) + " · " + step.provider()));
        }
        if (!step.inputArtifacts().isEmpty() || !step.outputArtifacts().isEmpty()) {
            box.getChildren().add(artifacts(step));
        }
        if (!step.isApproval() && step.summary() != null && !step.summary().isBlank()) {
            Label summary = new Label(HistoryFormat.firstLine(step.summary()));
            summary.setWrapText(true);
            box.getChildren().add(summary);
        }
        if (step.errorMessage() != null || step.errorCode() != null) {
            Label error = new Label((step.errorCode() == null ? "" : step.errorCode() + ": ")
                    + (step.errorMessage() == null ? "" : step.errorMessage()), new FontIcon(Feather.ALERT_TRIANGLE));
            error.getStyleClass().add("action-error");
            error.setWrapText(true);
            box.getChildren().add(error);
        }
        if (step.externalExecutionUrl() != null && !step.externalExecutionUrl().isBlank()) {
            Hyperlink link = new Hyperlink(linkText(step), new FontIcon(Feather.EXTERNAL_LINK));
            link.setTooltip(new Tooltip(step.externalExecutionUrl()));
            link.setOnAction(event -> openLink.accept(step.externalExecutionUrl()));
            box.getChildren().add(link);
        }
        return box;
    }

    private static Node artifacts(ActionStep step) {
        Label in = new Label(step.inputArtifacts().isEmpty() ? "—" : names(step.inputArtifacts()));
        Label out = new Label(step.outputArtifacts().isEmpty() ? "—" : names(step.outputArtifacts()));
        in.setTooltip(new Tooltip(step.inputArtifacts().stream().map(ArtifactLocation::toString).collect(Collectors.joining("\n"))));
        out.setTooltip(new Tooltip(step.outputArtifacts().stream().map(ArtifactLocation::toString).collect(Collectors.joining("\n"))));
        Label inName = new Label(Texts.get("history.artifactsIn"));
        inName.getStyleClass().add("fact-name");
        Label outName = new Label(Texts.get("history.artifactsOut"));
        outName.getStyleClass().add("fact-name");
        HBox line = new HBox(6, inName, in, new FontIcon(Feather.ARROW_RIGHT), outName, out);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("artifact-line");
        return line;
    }

    private static String names(List<ArtifactLocation> artifacts) {
        return artifacts.stream().map(ArtifactLocation::artifactName).collect(Collectors.joining(", "));
    }

    private static String linkText(ActionStep step) {
        String provider = step.provider() == null ? "" : step.provider();
        return switch (provider) {
            case "CodeBuild" -> Texts.get("history.link.buildLog");
            case "ECS", "CodeDeployToECS" -> Texts.get("history.link.deployment");
            case "Manual" -> Texts.get("history.link.review");
            case "CodeStarSourceConnection", "GitHub", "CodeCommit", "S3" -> Texts.get("history.link.source");
            default -> provider.isEmpty() ? Texts.get("history.link.external") : Texts.get("history.link.provider", provider);
        };
    }
}
