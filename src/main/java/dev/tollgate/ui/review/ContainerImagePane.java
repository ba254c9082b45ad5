package dev.tollgate.ui.review;

import dev.tollgate.ui.common.Texts;
import dev.tollgate.release.EcrImageFacts;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.release.ImageComparison;
import dev.tollgate.release.ImageRef;
import dev.tollgate.release.ReleaseImage;
import dev.tollgate.release.ReleaseWarning;
import dev.tollgate.release.Severity;
import dev.tollgate.ui.common.Durations;
import dev.tollgate.ui.common.FactSheet;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One container of the release: image name, tag and URI first (what the approver must read), then digest,
 * ECR facts, how it compares with what runs today, and warnings.
 */
final class ContainerImagePane extends VBox {


    ContainerImagePane(ExecutionImages.ImageLookup lookup, Optional<ImageComparison> comparison, Clock clock) {
        getStyleClass().add("container-image");
        setSpacing(4);
        ReleaseImage release = lookup.image();
        ImageRef image = release.image();

        Label container = new Label(release.containerName().map(name -> Texts.get("image.container", name)).orElse(Texts.get("image.image")),
                new FontIcon(Feather.BOX));
        container.getStyleClass().add("container-name");
        HBox heading = new HBox(8, container);
        heading.setAlignment(Pos.CENTER_LEFT);
        comparison.map(ContainerImagePane::changeChip).ifPresent(heading.getChildren()::add);

        FactSheet facts = new FactSheet(64);
        Label repository = new Label(image.repository());
        repository.getStyleClass().add("image-name");
        repository.setId("imageName");
        facts.add(Texts.get("image.image"), repository);
        String tagText = image.effectiveTag().orElse(Texts.get("image.digestOnly"));
        Label tag = new Label(image.tagImplied() ? Texts.get("image.tagImplied", tagText) : tagText);
        tag.getStyleClass().add("image-tag");
        tag.setId("imageTag");
        facts.add(Texts.get("image.tag"), tag);
        Label uri = new Label(image.toString());
        uri.setWrapText(true);
        uri.getStyleClass().add("image-uri");
        uri.setId("imageUri");
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.getStyleClass().addAll("flat", "copy-button");
        copy.setTooltip(new Tooltip(Texts.get("image.copyUri")));
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(image.toString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox uriLine = new HBox(4, uri, copy);
        uriLine.setAlignment(Pos.CENTER_LEFT);
        facts.add(Texts.get("image.uri"), uriLine);
        Optional<String> digest = release.effectiveDigest();
        if (digest.isPresent()) {
            Label digestLabel = new Label(digest.get());
            digestLabel.getStyleClass().add("mono");
            facts.add(Texts.get("image.digest"), digestLabel);
        }
        if (release.ecr().isPresent()) {
            EcrImageFacts ecr = release.ecr().get();
            facts.add(Texts.get("image.pushed"), new Label(Texts.get("image.pushedValue",
                    when().format(ecr.pushedAt()), Durations.between(ecr.pushedAt(), clock.instant()), megabytes(ecr.sizeBytes()))
                    + (ecr.tags().size() > 1 ? " · " + Texts.get("image.otherTags", String.join(", ", ecr.tags())) : "")));
            facts.add(Texts.get("image.scan"), scanLine(ecr));
        }
        Optional<ReleaseImage> today = comparison.flatMap(ImageComparison::deployed);
        if (today.isPresent()) {
            facts.add(Texts.get("image.today"), new Label(today.get().image().repository() + ":"
                    + today.get().image().effectiveTag().orElse("?")
                    + today.get().effectiveDigest().map(d -> " (" + shortDigest(d) + ")").orElse("")));
        }
        getChildren().addAll(heading, facts);

        for (ReleaseWarning warning : release.warnings()) {
            Label line = new Label(warning.message(), new FontIcon(Feather.ALERT_TRIANGLE));
            line.setWrapText(true);
            line.getStyleClass().add(warning instanceof ReleaseWarning.NotEcr ? "image-note" : "image-warning");
            getChildren().add(line);
        }
        lookup.registryProblem().ifPresent(problem -> {
            Label line = new Label(problem, new FontIcon(Feather.INFO));
            line.setWrapText(true);
            line.getStyleClass().add("image-note");
            getChildren().add(line);
        });
    }

    private static DateTimeFormatter when() {
        return Texts.dates("d MMM HH:mm");
    }

    private static Label changeChip(ImageComparison comparison) {
        String text = Texts.get("image.change." + comparison.change().name());
        Label chip = new Label(text);
        chip.setId("imageChange");
        chip.getStyleClass().addAll("chip", "chip-" + comparison.change().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return chip;
    }

    private static HBox scanLine(EcrImageFacts ecr) {
        HBox line = new HBox(6);
        line.setAlignment(Pos.CENTER_LEFT);
        if (!ecr.scanStatus().hasResults()) {
            line.getChildren().add(new Label(ecr.scanStatus().name().replace('_', ' ').toLowerCase(Locale.ROOT)));
            return line;
        }
        for (Severity severity : new Severity[] {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW}) {
            Label count = new Label(Texts.get("image.severity." + severity.name(), ecr.count(severity)));
            count.getStyleClass().addAll("chip", ecr.count(severity) > 0 ? "severity-" + severity.name().toLowerCase(Locale.ROOT) : "severity-none");
            line.getChildren().add(count);
        }
        return line;
    }

    private static String megabytes(long bytes) {
        return Texts.get("image.megabytes", bytes / 1024.0 / 1024.0);
    }

    private static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        return digest.substring(0, Math.min(digest.length(), colon + 13)) + "…";
    }
}
