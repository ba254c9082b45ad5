package dev.tollgate.ui.history;

import dev.tollgate.pipeline.ActionStep;
import dev.tollgate.ui.common.StatusLook;
import dev.tollgate.ui.common.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The actions of one execution drawn to scale: one lane per action run, a bar from its start to its end (or to
 * now while it runs) on a shared time axis, its duration beside it. Lanes of one stage share a shade, so the
 * stages read as bands; a long approval wait shows as long as it was.
 */
final class TimelineChart extends Region {

    private static final double AXIS = 24;
    private static final double LANE = 28;
    private static final double NAME_WIDTH = 210;
    private static final double GAP = 10;
    private static final double DURATION_ROOM = 104;
    /** Tick spacings to choose from, in seconds: the first that gives at most six ticks wins. */
    private static final long[] STEPS = {5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
            43200, 86400, 172800, 604800};

    private record Lane(ActionStep step, Region band, Label name, Region track, Region bar, Label duration,
            Instant start, Instant end) {
    }

    private record Tick(Region line, Label label, double fraction) {
    }

    private final List<Lane> lanes = new ArrayList<>();
    private final List<Tick> ticks = new ArrayList<>();
    private Instant from;
    private Instant to;

    TimelineChart() {
        getStyleClass().add("timeline");
        setId("executionTimeline");
    }

    /** Draws these action runs; running ones end at {@code now}. */
    void show(List<ActionStep> steps, Instant now, HistoryFormat format) {
        getChildren().clear();
        lanes.clear();
        ticks.clear();
        List<ActionStep> drawn = steps.stream().filter(step -> step.startTime() != null).toList();
        if (drawn.isEmpty()) {
            requestLayout();
            return;
        }
        from = drawn.stream().map(ActionStep::startTime).min(Instant::compareTo).orElseThrow();
        to = drawn.stream().map(step -> end(step, now)).max(Instant::compareTo).orElseThrow();
        if (!to.isAfter(from)) {
            to = from.plusSeconds(1);
        }
        addTicks(format);
        String stage = null;
        boolean shaded = true;
        for (ActionStep step : drawn) {
            if (!Objects.equals(stage, step.stageName())) {
                stage = step.stageName();
                shaded = !shaded;
            }
            lanes.add(lane(step, end(step, now), shaded, format));
        }
        // Labels last, so grid lines never cross them.
        for (Lane lane : lanes) {
            getChildren().addAll(lane.band(), lane.track());
        }
        ticks.forEach(tick -> getChildren().add(tick.line()));
        for (Lane lane : lanes) {
            getChildren().addAll(lane.bar(), lane.name(), lane.duration());
        }
        ticks.forEach(tick -> getChildren().add(tick.label()));
        requestLayout();
    }

    private static Instant end(ActionStep step, Instant now) {
        Instant end = step.endTime().orElse(now);
        return end.isBefore(step.startTime()) ? step.startTime() : end;
    }

    private Lane lane(ActionStep step, Instant end, boolean shaded, HistoryFormat format) {
        Region band = new Region();
        band.getStyleClass().addAll("timeline-band", shaded ? "timeline-band-shaded" : "timeline-band-plain");
        Label name = new Label(step.stageName() + " › " + step.actionName(), new FontIcon(StatusLook.icon(step.category())));
        name.getStyleClass().add("timeline-name");
        name.setMinWidth(0);
        Region track = new Region();
        track.getStyleClass().add("timeline-track");
        Region bar = new Region();
        bar.getStyleClass().addAll("timeline-bar", StatusLook.styleClass(step.status()));
        bar.setId("timeline-bar-" + step.stageName() + "-" + step.actionName());
        Duration length = Duration.between(step.startTime(), end);
        boolean done = step.endTime().isPresent();
        String took = done ? HistoryFormat.duration(length) : Texts.get("history.timeline.soFar", HistoryFormat.duration(length));
        Label duration = new Label(took);
        duration.getStyleClass().add("timeline-duration");
        Tooltip tip = new Tooltip(step.stageName() + " › " + step.actionName() + " — " + StatusLook.label(step.status())
                + "\n" + Texts.get("history.timeline.started", format.full(step.startTime()))
                + "\n" + (done ? Texts.get("history.timeline.ended", format.full(end)) : Texts.get("history.stillRunning"))
                + "\n" + Texts.get("history.timeline.took", took));
        tip.setShowDelay(javafx.util.Duration.millis(200));
        Tooltip.install(bar, tip);
        Tooltip.install(name, tip);
        return new Lane(step, band, name, track, bar, duration, step.startTime(), end);
    }

    private void addTicks(HistoryFormat format) {
        long span = Math.max(1, Duration.between(from, to).getSeconds());
        long step = STEPS[STEPS.length - 1];
        for (long candidate : STEPS) {
            if (span / candidate <= 6) {
                step = candidate;
                break;
            }
        }
        for (long offset = 0; offset <= span; offset += step) {
            Region line = new Region();
            line.getStyleClass().add("timeline-grid");
            String text = offset == 0 ? format.time(from) : "+" + HistoryFormat.duration(Duration.ofSeconds(offset));
            Label label = new Label(text);
            label.getStyleClass().add("timeline-tick");
            ticks.add(new Tick(line, label, (double) offset / span));
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + AXIS + Math.max(1, lanes.size()) * LANE + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double plotX = left + NAME_WIDTH + GAP;
        double plotWidth = Math.max(40, width - NAME_WIDTH - GAP - DURATION_ROOM);
        double lanesHeight = lanes.size() * LANE;
        for (Tick tick : ticks) {
            double x = snap(plotX + tick.fraction() * plotWidth);
            tick.line().resizeRelocate(x, top + AXIS - 4, 1, lanesHeight + 4);
            double labelWidth = tick.label().prefWidth(-1);
            double labelX = Math.min(x - labelWidth / 2, left + width - labelWidth);
            tick.label().resizeRelocate(Math.max(plotX - 4, labelX), top, labelWidth, AXIS - 6);
        }
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            double y = top + AXIS + i * LANE;
            lane.band().resizeRelocate(left, y, width, LANE);
            lane.name().resizeRelocate(left + 6, y, NAME_WIDTH - 6, LANE);
            lane.track().resizeRelocate(plotX, y + LANE / 2 - 1, plotWidth, 2);
            double x0 = plotX + fraction(lane.start()) * plotWidth;
            double x1 = plotX + fraction(lane.end()) * plotWidth;
            double barWidth = Math.max(4, x1 - x0);
            lane.bar().resizeRelocate(snap(x0), y + 6, snap(barWidth), LANE - 12);
            double labelWidth = lane.duration().prefWidth(-1);
            double labelX = x0 + barWidth + 6;
            if (labelX + labelWidth > left + width) {
                labelX = Math.max(plotX, x0 - labelWidth - 6);
            }
            lane.duration().resizeRelocate(labelX, y, labelWidth, LANE);
        }
    }

    private double fraction(Instant at) {
        double span = Duration.between(from, to).toMillis();
        return span <= 0 ? 0 : Math.min(1, Math.max(0, Duration.between(from, at).toMillis() / span));
    }

    private double snap(double value) {
        return Math.round(value);
    }
}
