package dev.tollgate.ui.shell;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The look: AtlantaFX's Primer theme underneath, Tollgate's own stylesheet on top. */
public final class Theme {

    private static final String STYLESHEET = "/dev/tollgate/ui/tollgate.css";

    private Theme() {
    }

    /** Sets the user-agent stylesheet (a JavaFX-wide setting) and adds Tollgate's sheet to the scene. */
    public static void apply(Scene scene) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(Theme.class.getResource(STYLESHEET).toExternalForm());
    }
}
