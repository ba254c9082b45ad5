package dev.tollgate.ui.board;

import dev.tollgate.pipeline.Status;
import dev.tollgate.ui.common.HoverTip;
import dev.tollgate.ui.common.StatusLook;
import dev.tollgate.ui.common.Texts;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A pipeline's two lines in the list: its pin and name, with badges on the right for waiting approvals,
 * disabled transitions and a failed poll; below, its status, one mark per stage, and on the right when it
 * last changed. Plain Text nodes placed by hand rather than Labels in boxes: the list makes a dozen of these
 * in the pulse that first fills it, and every Label brings a skin and a CSS pass of its own. That pulse took
 * 39-48 ms of the FX thread with Labels and 18-21 ms with Text at 1,000 pipelines (FxWorkProfile, headless;
 * docs/BENCHMARKS.md).
 *
 * <p>Nothing here creates nodes or changes style classes unless what they show changed: scrolling re-renders
 * every visible row, and each such change costs a CSS pass on the next pulse.
 */
final class PipelineRowView extends Region {

    private static final double LINE_GAP = 3;
    private static final double PIN_GAP = 4;
    private static final double BADGES_GAP = 6;
    private static final double ICON_GAP = 5;
    private static final double STRIP_GAP = 8;
    private static final String ELLIPSIS = "\u2026";
    private static final List<String> WHEN_CLASSES = List.of("row-when");
    private static final List<String> STALE_CLASSES = List.of("row-when", "row-stale");

    // Most rows are not pinned, show no badge and are not stale: the pin, the badges and the stale icon are
    // made the first time this row needs them (an icon costs about as much CSS as the rest of the row).
    private FontIcon pin;
    private final Text name = new Text();
    private HBox badges;
    private Label approvals;
    private Label locked;
    private Label warning;
    // Made with the row's first known status: a row still loading says so in words, and the list's first fill,
    // where every row is loading, makes no icons at all.
    private FontIcon statusIcon;
    private final Text status = new Text();
    private final HBox strip = new HBox(2);
    private FontIcon staleIcon;
    private final Text when = new Text();
    /** Measures shortened names off the scene, so that trying lengths does not disturb the row's own text. */
    private final Text measure = new Text();
    private String fullName = "";
    private Status shownStatus;
    private PipelineRow row;

    PipelineRowView() {
        getStyleClass().add("pipeline-row");
        name.getStyleClass().add("pipeline-name");
        status.getStyleClass().add("status-badge");
        strip.getStyleClass().add("stage-strip");
        strip.setAlignment(Pos.CENTER_LEFT);
        when.getStyleClass().setAll(WHEN_CLASSES);
        // Tooltips read the row when the pointer comes: made for every visible row, they were dozens of popup
        // windows in the pulse that first fills the list, and their texts rebuilt every second.
        HoverTip.install(strip, this::stripText);
        getChildren().addAll(name, status, strip, when);
    }

    /** Shows a row; until the pipeline's state is known, its status says it is loading. */
    void show(PipelineRow row, boolean pinned) {
        this.row = row;
        if (!fullName.equals(row.name())) {
            // Shortened to fit, if need be, when the row is laid out.
            fullName = row.name();
            name.setText(fullName);
        }
        pin = showIcon(pin, pinned, Feather.STAR, "pin-icon");
        Status headline = row.isKnown() ? row.headline() : Status.NOT_RUN;
        if (!headline.equals(shownStatus)) {
            shownStatus = headline;
            if (row.isKnown() && statusIcon == null) {
                statusIcon = new FontIcon();
                getChildren().add(statusIcon);
            }
            if (statusIcon != null) {
                statusIcon.setIconCode(StatusLook.icon(headline));
                setClasses(statusIcon, List.of("ikonli-font-icon", "row-status-icon", StatusLook.styleClass(headline)));
            }
            setClasses(status, List.of("status-badge", StatusLook.styleClass(headline)));
        }
        setText(status, row.isKnown() ? StatusLook.label(headline) : Texts.get("board.loading"));
        showStrip(row.stages());
        showBadges(row);
    }

    /** When the pipeline last changed, or that its state is stale. */
    void showAge(String text, boolean stale) {
        setText(when, text);
        staleIcon = showIcon(staleIcon, stale, Feather.CLOCK, "row-stale-icon");
        setClasses(when, stale ? STALE_CLASSES : WHEN_CLASSES);
    }

    /**
     * Shows or hides an icon made only once it is first wanted; returns the icon, null while never wanted.
     */
    private FontIcon showIcon(FontIcon icon, boolean wanted, Feather glyph, String styleClass) {
        if (wanted && icon == null) {
            icon = new FontIcon(glyph);
            icon.getStyleClass().add(styleClass);
            getChildren().add(icon);
        }
        if (icon != null) {
            icon.setVisible(wanted);
        }
        return icon;
    }

    /** The words a screen reader says for the row. */
    String describe() {
        if (row == null) {
            return "";
        }
        StringBuilder words = new StringBuilder(row.name()).append(", ").append(status.getText());
        if (row.pendingApprovals() > 0) {
            words.append(", ").append(approvalsText(row.pendingApprovals()));
        }
        if (row.disabledTransitions() > 0) {
            words.append(", ").append(disabledText(row.disabledTransitions()));
        }
        if (row.problem() != null) {
            words.append(", ").append(row.problem());
        }
        if (!when.getText().isEmpty()) {
            words.append(", ").append(when.getText());
        }
        return words.toString();
    }

    private void showBadges(PipelineRow row) {
        if (row.pendingApprovals() > 0 && approvals == null) {
            approvals = badge("approval-badge", Feather.USER_CHECK,
                    () -> this.row == null ? null : approvalsText(this.row.pendingApprovals()));
        }
        if (row.disabledTransitions() > 0 && locked == null) {
            locked = badge("locked-badge", Feather.LOCK,
                    () -> this.row == null ? null : disabledText(this.row.disabledTransitions()));
        }
        if (row.problem() != null && warning == null) {
            // The row's own tooltip tells of the failed poll.
            warning = badge("problem-badge", Feather.ALERT_TRIANGLE, null);
        }
        if (approvals != null) {
            approvals.setVisible(row.pendingApprovals() > 0);
            approvals.setText(String.valueOf(row.pendingApprovals()));
        }
        if (locked != null) {
            locked.setVisible(row.disabledTransitions() > 0);
        }
        if (warning != null) {
            warning.setVisible(row.problem() != null);
        }
        List<Label> made = Stream.of(approvals, locked, warning).filter(Objects::nonNull).toList();
        if (made.isEmpty()) {
            return;
        }
        if (badges == null) {
            badges = new HBox(BADGES_GAP);
            badges.setAlignment(Pos.CENTER_RIGHT);
            getChildren().add(badges);
        }
        if (!badges.getChildren().equals(made)) {
            badges.getChildren().setAll(made);
        }
    }

    private static String approvalsText(int count) {
        return Texts.get(count == 1 ? "board.approvals.one" : "board.approvals.many", count);
    }

    private static String disabledText(int count) {
        return Texts.get(count == 1 ? "board.disabledTransitions.one" : "board.disabledTransitions.many", count);
    }

    /** @param explanation its tooltip's text, or null for none */
    private static Label badge(String styleClass, Feather icon, Supplier<String> explanation) {
        Label badge = new Label("", new FontIcon(icon));
        badge.getStyleClass().add(styleClass);
        badge.managedProperty().bind(badge.visibleProperty());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        if (explanation != null) {
            HoverTip.install(badge, explanation);
        }
        return badge;
    }

    /** One mark per stage in its status colour, a red bar where its inbound transition is disabled. */
    private void showStrip(List<PipelineRow.StageMark> marks) {
        while (strip.getChildren().size() < marks.size()) {
            strip.getChildren().add(new Region());
        }
        strip.getChildren().remove(marks.size(), strip.getChildren().size());
        for (int i = 0; i < marks.size(); i++) {
            PipelineRow.StageMark mark = marks.get(i);
            setClasses(strip.getChildren().get(i), mark.gateClosed()
                    ? List.of("strip-mark", StatusLook.styleClass(mark.status()), "gate-closed")
                    : List.of("strip-mark", StatusLook.styleClass(mark.status())));
        }
    }

    /** "Source: Succeeded  → Build: In progress  ⛔ Deploy: …", for the row shown now. */
    private String stripText() {
        if (row == null) {
            return null;
        }
        List<PipelineRow.StageMark> marks = row.stages();
        StringBuilder tip = new StringBuilder();
        for (int i = 0; i < marks.size(); i++) {
            PipelineRow.StageMark mark = marks.get(i);
            tip.append(i == 0 ? "" : mark.gateClosed() ? "  \u26d4 " : "  \u2192 ")
                    .append(Texts.get(mark.holdsExecution() ? "board.strip.held" : "board.strip.stage",
                            mark.name(), StatusLook.label(mark.status())));
        }
        return tip.toString();
    }

    // ------------------------------------------------------------------ layout

    @Override
    protected double computePrefWidth(double height) {
        // As wide as the second line: a long name is shortened to fit rather than widening the list.
        return snappedLeftInset() + bottomLeftWidth() + STRIP_GAP + ageWidth() + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + topHeight() + LINE_GAP + bottomHeight() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double right = getWidth() - snappedRightInset();
        double top = snappedTopInset();

        double topHeight = topHeight();
        double x = left;
        if (shows(pin)) {
            x = place(pin, x, top, topHeight) + PIN_GAP;
        }
        double badgesWidth = badges == null ? 0 : badges.prefWidth(-1);
        if (badgesWidth > 0) {
            layoutInArea(badges, right - badgesWidth, top, badgesWidth, topHeight, 0, HPos.RIGHT, VPos.CENTER);
        }
        double nameRoom = right - x - (badgesWidth > 0 ? badgesWidth + BADGES_GAP : 0);
        fitName(Math.max(0, nameRoom));
        place(name, x, top, topHeight);

        double bottom = top + topHeight + LINE_GAP;
        double bottomHeight = bottomHeight();
        x = statusIcon == null ? left : place(statusIcon, left, bottom, bottomHeight) + ICON_GAP;
        x = place(status, x, bottom, bottomHeight) + STRIP_GAP;
        double stripWidth = strip.prefWidth(-1);
        layoutInArea(strip, x, bottom, stripWidth, bottomHeight, 0, HPos.LEFT, VPos.CENTER);
        double whenX = right - width(when);
        place(when, whenX, bottom, bottomHeight);
        if (shows(staleIcon)) {
            place(staleIcon, whenX - PIN_GAP - width(staleIcon), bottom, bottomHeight);
        }
    }

    /** Places a node at its preferred size, centred on the line; returns where it ends. */
    private double place(Node node, double x, double y, double lineHeight) {
        double width = width(node);
        layoutInArea(node, x, y, width, lineHeight, 0, HPos.LEFT, VPos.CENTER);
        return x + width;
    }

    /** Shows the whole name, or as much of it as fits followed by "…" (the row's tooltip has it whole). */
    private void fitName(double room) {
        measure.setFont(name.getFont());
        String fitted = fullName;
        if (widthOf(fullName) > room) {
            int fits = 0;
            int tooLong = fullName.length();
            while (tooLong - fits > 1) {
                int middle = (fits + tooLong) / 2;
                if (widthOf(fullName.substring(0, middle) + ELLIPSIS) <= room) {
                    fits = middle;
                } else {
                    tooLong = middle;
                }
            }
            fitted = fullName.substring(0, fits) + ELLIPSIS;
        }
        if (!fitted.equals(name.getText())) {
            name.setText(fitted);
        }
    }

    private double widthOf(String text) {
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    private double topHeight() {
        return Math.max(Math.max(height(name), shows(pin) ? height(pin) : 0), badges == null ? 0 : badges.prefHeight(-1));
    }

    private double bottomHeight() {
        return Math.max(Math.max(height(status), statusIcon == null ? 0 : height(statusIcon)),
                Math.max(strip.prefHeight(-1), height(when)));
    }

    private double bottomLeftWidth() {
        return (statusIcon == null ? 0 : width(statusIcon) + ICON_GAP) + width(status) + STRIP_GAP + strip.prefWidth(-1);
    }

    private double ageWidth() {
        return width(when) + (shows(staleIcon) ? PIN_GAP + width(staleIcon) : 0);
    }

    private static boolean shows(Node node) {
        return node != null && node.isVisible();
    }

    private static double width(Node node) {
        return node.prefWidth(-1);
    }

    private static double height(Node node) {
        return node.prefHeight(-1);
    }

    private static void setText(Text text, String value) {
        if (!value.equals(text.getText())) {
            text.setText(value);
        }
    }

    /** Sets a node's style classes only when they differ: each change costs a CSS pass on the next pulse. */
    static void setClasses(Node node, List<String> classes) {
        if (!node.getStyleClass().equals(classes)) {
            node.getStyleClass().setAll(classes);
        }
    }

    // ------------------------------------------------------------------ for tests

    Text nameText() {
        return name;
    }
}
