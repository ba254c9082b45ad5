package dev.tollgate.ui.graph;

import javafx.scene.control.Label;

/**
 * A label that wraps within a maximum width and is always tall enough for its lines. A plain wrapping Label
 * asked for its height without a width answers for one unwrapped line; inside a card that is measured this
 * way the text is then cut to one line with an ellipsis. This one answers for its wrapped width instead.
 */
final class WrappedText extends Label {

    WrappedText(String text, double maxWidth) {
        super(text);
        setWrapText(true);
        setMaxWidth(maxWidth);
        setMinHeight(USE_PREF_SIZE);
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.min(super.computePrefWidth(height), getMaxWidth());
    }

    @Override
    protected double computePrefHeight(double width) {
        return super.computePrefHeight(width < 0 ? prefWidth(-1) : Math.min(width, getMaxWidth()));
    }
}
