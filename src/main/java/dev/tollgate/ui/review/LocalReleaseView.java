package dev.tollgate.ui.review;

import dev.tollgate.ui.common.Texts;
import dev.tollgate.release.ExecutionImages;
import java.io.File;
import java.time.Clock;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** File → Open: pick a definitions file and see its images in a window of their own. */
public final class LocalReleaseView {

    private final LocalReleaseViewModel viewModel;
    private final Clock clock;

    public LocalReleaseView(LocalReleaseViewModel viewModel, Clock clock) {
        this.viewModel = viewModel;
        this.clock = clock;
    }

    /** The header button (Ctrl+O) that opens a file. */
    public Button openButton() {
        Button open = new Button(null, new FontIcon(Feather.FILE_TEXT));
        open.setId("openDefinitionsButton");
        open.setTooltip(new Tooltip(Texts.get("local.open")));
        open.setOnAction(event -> choose(open.getScene().getWindow()));
        return open;
    }

    public void choose(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("local.chooserTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Texts.get("local.filter.definitions"), "*.json"),
                new FileChooser.ExtensionFilter(Texts.get("local.filter.all"), "*"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            viewModel.open(file.toPath());
            show(owner, file.getName());
        }
    }

    private void show(Window owner, String fileName) {
        VBox content = new VBox(10);
        content.getStyleClass().add("local-release");
        content.setStyle("-fx-padding: 14;");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(24, 24);
        progress.visibleProperty().bind(viewModel.loadingProperty());
        content.getChildren().add(progress);
        viewModel.imagesProperty().addListener((obs, old, images) -> fill(content, images));
        fill(content, viewModel.imagesProperty().get());
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(fileName + " — Tollgate");
        Scene scene = new Scene(new ScrollPane(content), 720, 480);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
    }

    private void fill(VBox content, ExecutionImages images) {
        if (images == null) {
            return;
        }
        content.getChildren().removeIf(node -> !(node instanceof ProgressIndicator));
        images.problem().ifPresent(problem -> {
            Label line = new Label(problem, new FontIcon(Feather.ALERT_TRIANGLE));
            line.setWrapText(true);
            line.getStyleClass().add("image-warning");
            content.getChildren().add(line);
        });
        for (ExecutionImages.ImageLookup lookup : images.images()) {
            content.getChildren().add(new ContainerImagePane(lookup, Optional.empty(), clock));
        }
    }
}
