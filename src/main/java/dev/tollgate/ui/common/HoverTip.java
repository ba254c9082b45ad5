package dev.tollgate.ui.common;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first comes over its node, with its text read then and as the pointer moves
 * on it. A {@link Tooltip} is a popup window with a scene of its own: the stage graph and the board's rows
 * made dozens of them for every pipeline shown, in the pulses that matter most, for the few a pointer ever
 * rests on. The text is also the node's accessible help from the start, as a control's tooltip would be.
 */
public final class HoverTip {

    private HoverTip() {
    }

    /** A tooltip that always says the same. */
    public static void install(Node node, String text) {
        node.setAccessibleHelp(text);
        install(node, () -> text);
    }

    /** A tooltip whose text follows what the node shows; a null or blank text shows none. */
    public static void install(Node node, Supplier<String> text) {
        EventHandler<MouseEvent> follow = new EventHandler<>() {
            private Tooltip tooltip;

            @Override
            public void handle(MouseEvent event) {
                String now = text.get();
                if (now == null || now.isBlank()) {
                    if (tooltip != null) {
                        attach(node, null, tooltip);
                        tooltip = null;
                    }
                    return;
                }
                if (tooltip == null) {
                    tooltip = new Tooltip(now);
                    attach(node, tooltip, null);
                } else if (!now.equals(tooltip.getText())) {
                    tooltip.setText(now);
                }
            }
        };
        // The tooltip's own handlers, added on entering, see the moves that follow and show it after its delay.
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, follow);
        node.addEventHandler(MouseEvent.MOUSE_MOVED, follow);
    }

    private static void attach(Node node, Tooltip tooltip, Tooltip previous) {
        if (node instanceof Control control) {
            control.setTooltip(tooltip);
        } else if (tooltip != null) {
            Tooltip.install(node, tooltip);
        } else {
            Tooltip.uninstall(node, previous);
        }
    }
}
