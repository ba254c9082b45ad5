package dev.tollgate.ui.common;

import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.Status;
import java.util.Locale;
import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * How a status and an action category look: an icon and a word as well as a colour, so that no status
 * depends on colour alone.
 */
public final class StatusLook {

    private StatusLook() {
    }

    public static Ikon icon(Status status) {
        return switch (status.kind()) {
            case SUCCEEDED -> Feather.CHECK_CIRCLE;
            case FAILED -> Feather.X_CIRCLE;
            case IN_PROGRESS -> Feather.LOADER;
            case STOPPING, STOPPED, CANCELLED, ABANDONED -> Feather.SLASH;
            case SUPERSEDED, SKIPPED -> Feather.SKIP_FORWARD;
            case NOT_RUN -> Feather.CIRCLE;
            case UNKNOWN -> Feather.HELP_CIRCLE;
        };
    }

    public static Ikon icon(ActionCategory category) {
        return switch (category) {
            case SOURCE -> Feather.GIT_BRANCH;
            case BUILD -> Feather.PACKAGE;
            case TEST -> Feather.CHECK_SQUARE;
            case DEPLOY -> Feather.UPLOAD_CLOUD;
            case APPROVAL -> Feather.USER_CHECK;
            case INVOKE -> Feather.ZAP;
            case COMPUTE -> Feather.CPU;
            case UNKNOWN -> Feather.HELP_CIRCLE;
        };
    }

    /** The CSS class carrying the status colour, e.g. {@code status-in-progress}. */
    public static String styleClass(Status status) {
        return "status-" + status.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The status in the user's language; a value from a newer API reads "Unknown (X)". */
    public static String label(Status status) {
        return status.kind() == Status.Kind.UNKNOWN ? Texts.get("status.UNKNOWN", status.wireValue())
                : Texts.get("status." + status.kind().name());
    }

    /** A label with icon and text in the status colour; "waiting for approval" reads better than "In progress". */
    public static Label badge(Status status, String text) {
        FontIcon icon = new FontIcon(icon(status));
        Label label = new Label(text == null ? label(status) : text, icon);
        label.getStyleClass().addAll("status-badge", styleClass(status));
        return label;
    }

    public static void restyle(Label label, Status status, String text) {
        label.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-badge"));
        label.getStyleClass().add(styleClass(status));
        label.setGraphic(new FontIcon(icon(status)));
        label.setText(text == null ? label(status) : text);
    }
}
