package dev.tollgate.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Name/value rows, names muted on the left, values taking the rest of the width: how facts read everywhere. */
public final class FactSheet extends GridPane {

    private final double nameWidth;
    private int rows;

    /** @param nameWidth the names column's least width; a longer name ("Déclencheur") widens it */
    public FactSheet(double nameWidth) {
        this.nameWidth = nameWidth;
        getStyleClass().add("facts");
        setHgap(12);
        setVgap(3);
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(names, values);
    }

    public void add(String name, Node value) {
        // A name is short and says what the value is: the value gives way, never the name.
        Label label = new Label(name) {
            @Override
            protected double computeMinWidth(double height) {
                return Math.max(nameWidth, computePrefWidth(height));
            }
        };
        label.getStyleClass().add("fact-name");
        addRow(rows++, label, value);
    }

    public void clear() {
        getChildren().clear();
        rows = 0;
    }
}
