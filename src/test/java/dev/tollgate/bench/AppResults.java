package dev.tollgate.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The app benchmark's Markdown section of results.md. */
final class AppResults {

    static final String HEADING = "## App (issue 9)";

    private AppResults() {
    }

    /** {@code md} with its app section (if any) replaced by {@code section}, which goes last. */
    static String replaceSection(String md, String section) {
        int start = md.indexOf(HEADING);
        String rest = md;
        if (start >= 0) {
            int next = md.indexOf("\n## ", start + HEADING.length());
            rest = md.substring(0, start) + (next < 0 ? "" : md.substring(next + 1));
        }
        return rest.stripTrailing() + "\n\n" + section;
    }

    static String markdown(AppBenchmark.Result result, AppBenchmark.Config config) {
        StringBuilder md = new StringBuilder(HEADING).append("\n\n");
        if (result.skipped() != null) {
            return md.append("Not measured: ").append(result.skipped()).append(".\n").toString();
        }
        md.append(String.format(Locale.ROOT, "`java [options] -jar target/tollgate.jar` in its own process on %s, "
                        + "connected through an AWS profile (`AWS_ENDPOINT_URL`) to a sandbox account served by a "
                        + "process of its own at the lowest CPU priority, as AWS serves from elsewhere (scale mode, clock at "
                        + "%.0f×, seed %d), so the RSS and the frames are the app's alone. "
                        + "Times from launch. Long runs use the packaged app's JVM options (packaging/runtime-options.txt and jvm-options.txt)%s. "
                        + "The board is brought to the front after the first frame. A pulse is the gap between two frames "
                + "(60 Hz when idle: 16.7 ms). Run %s, %d s; %d CPUs, %.1f GB RAM, Java %s: with these options "
                + "the JVM starts with a %.0f MB heap, at most %.0f MB.%n%n",
                result.display(), result.sandboxSpeed(), result.seed(),
                result.appCdsArchive() ? " with an AppCDS archive of the jar" : " without AppCDS (no archive was made)",
                result.startedAt(), result.runSeconds(), result.machine().cpus(), result.machine().memoryMB() / 1024,
                result.machine().java(), orZero(result.machine().initialHeapMB()), orZero(result.machine().maxHeapMB())));
        md.append("| figure | target | measured |\n|---|---:|---:|\n");
        for (AppBenchmark.ColdStarts cold : result.coldStarts()) {
            boolean packaged = !cold.flags().isEmpty();
            md.append(String.format(Locale.ROOT, "| first frame, %s (median of %d cold starts) | %s | %s |%n",
                    packaged ? "packaged launcher's options" : "`java -jar`", cold.firstFrameMillis().size(),
                    packaged ? "≤ 1.5 s" : "", seconds(cold.firstFrameMedianMillis(), packaged)));
        }
        for (AppBenchmark.Watch watch : result.watches()) {
            md.append(String.format(Locale.ROOT, "| board populated, %d pipelines | | %s |%n", watch.pipelines(),
                    seconds(watch.populatedMillis(), false)));
        }
        for (AppBenchmark.Watch watch : result.watches()) {
            if (watch.pipelines() == config.pipelines()) {
                md.append(String.format(Locale.ROOT, "| RSS after %.0f s watching %d pipelines | ≤ 300 MB | **%.0f MB** |%n",
                        watch.watchedSeconds(), watch.pipelines(), watch.memory().rssMB()));
            }
        }
        for (AppBenchmark.Watch watch : result.watches()) {
            md.append(String.format(Locale.ROOT, "| longest pulse, %d pipelines: while populating / while watching | ≤ 50 ms | "
                            + "**%s** / **%s** |%n", watch.pipelines(), millis(watch.loading()), millis(watch.watching())));
            md.append(String.format(Locale.ROOT, "| the FX thread's own work (on a CPU) in one frame, at most: "
                            + "populating / watching | | %s / %s |%n", work(watch.loading()), work(watch.watching())));
        }
        md.append("\n| JVM options | first frame, median | min | all runs (ms) | window shown, median |\n"
                + "|---|---:|---:|---|---:|\n");
        for (AppBenchmark.ColdStarts cold : result.coldStarts()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n",
                    cold.flags().isEmpty() ? "none (`java -jar`)" : "`" + String.join(" ", cold.flags())
                            .replaceAll("=\\S*/", "=…/") + "`",
                    seconds(cold.firstFrameMedianMillis(), false), seconds(cold.firstFrameMinMillis(), false),
                    cold.firstFrameMillis().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                    seconds(cold.shownMedianMillis(), false)));
        }
        md.append("\n| pipelines | watched | first frame | all listed | populated | pulses populating: max / p99 "
                + "| watching: max / p99 | FX work per frame, populating / watching: max (p99) | CSS + layout: max | RSS (peak) | RSS anon / file | heap used / committed "
                + "/ live | GC pauses: count, total, max | CPU watching, % of a core: process / FX / render "
                + "| load average |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (AppBenchmark.Watch w : result.watches()) {
            md.append(String.format(Locale.ROOT, "| %d | %.0f s | %s | %s | %s | %s / %s | %s / %s | %s / %s | %s | %.0f MB (%.0f) "
                            + "| %.0f / %.0f MB | %s / %s / %s MB | %d, %.0f ms, %.0f ms | %s / %s / %s | %.1f |%n",
                    w.pipelines(), w.watchedSeconds(), seconds(w.firstFrameMillis(), false),
                    seconds(w.listedMillis(), false), seconds(w.populatedMillis(), false),
                    millis(w.loading()), p99(w.loading()), millis(w.watching()), p99(w.watching()),
                    workWithP99(w.loading()), workWithP99(w.watching()),
                    w.loading() == null ? "–" : String.format(Locale.ROOT, "%.0f ms",
                            Math.max(w.loading().maxLayoutMs(), w.watching().maxLayoutMs())),
                    w.memory().rssMB(), w.memory().peakRssMB(), w.memory().anonMB(), w.memory().fileMB(),
                    mb(w.heapUsedMB()), mb(w.heapCommittedMB()), mb(w.liveHeapMB()), w.gc().count(), w.gc().totalMs(),
                    w.gc().maxMs(), percent(w.processCpuWatchingPercent()), percent(w.fxCpuWatchingPercent()),
                    percent(w.renderCpuWatchingPercent()),
                    w.samples().stream().mapToDouble(AppBenchmark.Sample::loadAverage).average().orElse(0)));
        }
        md.append("\nLongest gaps between pulses (seconds after launch: length, of which the FX thread was on a CPU "
                + "/ queued for one):\n\n");
        for (AppBenchmark.Watch w : result.watches()) {
            List<String> gaps = w.longestGaps().stream().limit(6)
                    .map(g -> String.format(Locale.ROOT, "%.1f s: %.0f ms%s", g.endedAtSeconds(), g.gapMs(),
                            g.fxOnCpuMs() < 0 ? "" : String.format(Locale.ROOT, " (%.0f / %.0f)", g.fxOnCpuMs(), g.fxQueuedMs())))
                    .toList();
            md.append(String.format(Locale.ROOT, "- %d pipelines: %s%n", w.pipelines(),
                    gaps.isEmpty() ? "none over 50 ms" : String.join("; ", gaps)));
        }
        return md.toString();
    }

    private static String seconds(Long millis, boolean bold) {
        if (millis == null) {
            return "–";
        }
        String text = String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        return bold ? "**" + text + "**" : text;
    }

    private static String millis(AppBenchmark.Pulses pulses) {
        return pulses == null || pulses.pulses() == 0 ? "–" : String.format(Locale.ROOT, "%.0f ms", pulses.maxGapMs());
    }

    private static String work(AppBenchmark.Pulses pulses) {
        return pulses == null || pulses.maxWorkMs() == null ? "–" : String.format(Locale.ROOT, "%.0f ms", pulses.maxWorkMs());
    }

    private static String workWithP99(AppBenchmark.Pulses pulses) {
        return pulses == null || pulses.maxWorkMs() == null ? "–"
                : String.format(Locale.ROOT, "%.0f (%.0f) ms", pulses.maxWorkMs(), pulses.p99WorkMs());
    }

    private static String p99(AppBenchmark.Pulses pulses) {
        return pulses == null || pulses.pulses() == 0 ? "–" : String.format(Locale.ROOT, "%.0f ms", pulses.p99GapMs());
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String mb(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.0f", value);
    }
}
