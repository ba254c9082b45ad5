package dev.tollgate.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Name/value rows, names muted on the left, values taking the rest of the width: how facts read everywhere. */
public final class FactSheet extends GridPane {

    private int rows;

    public FactSheet(double nameWidth) {
        getStyleClass().add("facts");
        setHgap(12);
        setVgap(3);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(nameWidth);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(names, values);
    }

    public void add(String name, Node value) {
        Label label = new Label(name);
        label.getStyleClass().add("fact-name");
        addRow(rows++, label, value);
    }

    public void clear() {
        getChildren().clear();
        rows = 0;
    }
}
