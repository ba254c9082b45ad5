package dev.tollgate.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The look: AtlantaFX's Primer theme, light or dark, underneath Tollgate's own stylesheet. */
public final class Theme {

    private static final String STYLESHEET = "/dev/tollgate/ui/tollgate.css";

    private Theme() {
    }

    /** Sets the user-agent stylesheet (a JavaFX-wide setting) and adds Tollgate's sheet to the scene. */
    public static void apply(Scene scene) {
        apply(scene, false);
    }

    public static void apply(Scene scene, boolean dark) {
        use(dark);
        String sheet = Theme.class.getResource(STYLESHEET).toExternalForm();
        if (!scene.getStylesheets().contains(sheet)) {
            scene.getStylesheets().add(sheet);
        }
    }

    /** Switches every open window between light and dark at once. */
    public static void use(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
