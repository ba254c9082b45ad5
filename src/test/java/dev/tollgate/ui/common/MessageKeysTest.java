package dev.tollgate.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.ApprovalOutcome;
import dev.tollgate.pipeline.Status;
import dev.tollgate.release.ImageComparison;
import dev.tollgate.ui.board.BoardViewModel;
import dev.tollgate.ui.board.ChangeFreezeViewModel;
import dev.tollgate.ui.history.HistorySort;
import dev.tollgate.ui.history.StatusChoice;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bundles against the code: every key the sources name exists (in English, and so in French by
 * {@link TextsTest}), every key of the bundles is used, and every enum shown through a key has one per value.
 * A missing key shows as itself on screen, which no other test would notice.
 */
class MessageKeysTest {

    /** A key literal: a known prefix, then dotted words. Followed by "+" it is the start of a key built at run time. */
    private static final Pattern KEY = Pattern.compile(
            "\"((?:common|status|duration|shell|review|image|inbox|local|help|board|graph|history|signin|app)\\.[A-Za-z0-9_.]*)\"(\\s*\\+)?");
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    private static Properties english() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageKeysTest.class.getResourceAsStream("/dev/tollgate/ui/messages.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** Exact keys and key prefixes named in the main sources, as "File.java: key". */
    private record Reference(String where, String key, boolean prefix) {
    }

    private static List<Reference> references() throws IOException {
        List<Reference> found = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/tollgate"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            Matcher matcher = KEY.matcher(Files.readString(source));
            while (matcher.find()) {
                String key = matcher.group(1);
                found.add(new Reference(source.getFileName() + ": " + key, key, key.endsWith(".") || matcher.group(2) != null));
            }
        }
        return found;
    }

    @Test
    void everyKeyTheSourcesNameIsInTheBundle() throws IOException {
        Set<String> keys = english().stringPropertyNames();
        List<Reference> references = references();

        assertThat(references).as("the scan finds the sources").hasSizeGreaterThan(200);
        assertThat(references).filteredOn(ref -> !ref.prefix()).extracting(Reference::where)
                .as("keys named in the code but missing from messages.properties")
                .filteredOn(where -> !keys.contains(where.substring(where.indexOf(": ") + 2)))
                .isEmpty();
        assertThat(references).filteredOn(Reference::prefix)
                .filteredOn(ref -> keys.stream().noneMatch(key -> key.startsWith(ref.key())))
                .extracting(Reference::where)
                .as("key prefixes no key starts with")
                .isEmpty();
    }

    @Test
    void everyKeyOfTheBundleIsUsed() throws IOException {
        List<Reference> references = references();
        Set<String> unused = new TreeSet<>();
        for (String key : english().stringPropertyNames()) {
            boolean used = references.stream().anyMatch(ref -> ref.prefix() ? key.startsWith(ref.key()) : key.equals(ref.key()));
            if (!used) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys no source names").isEmpty();
    }

    @Test
    void everyValueOfTheEnumsShownThroughKeysHasItsWords() throws IOException {
        Set<String> keys = english().stringPropertyNames();
        List<String> needed = new ArrayList<>();
        for (Status.Kind kind : Status.Kind.values()) {
            needed.add("status." + kind.name());
        }
        for (ApprovalOutcome.Verdict verdict : ApprovalOutcome.Verdict.values()) {
            needed.add("history.verdict." + verdict.name());
            needed.add("history.verdictBy." + verdict.name());
        }
        for (ActionCategory category : ActionCategory.values()) {
            needed.add("history.category." + category.name());
        }
        for (ImageComparison.Change change : ImageComparison.Change.values()) {
            needed.add("history.compare.change." + change.name());
            needed.add("image.change." + change.name());
        }
        for (BoardViewModel.StatusFilter filter : BoardViewModel.StatusFilter.values()) {
            needed.add("board.filter." + filter.name());
        }
        for (BoardViewModel.Sort sort : BoardViewModel.Sort.values()) {
            needed.add("board.sort." + sort.name());
        }
        for (ChangeFreezeViewModel.Result.Kind kind : ChangeFreezeViewModel.Result.Kind.values()) {
            needed.add("board.freeze.kind." + kind.name());
            if (kind != ChangeFreezeViewModel.Result.Kind.DONE) {
                needed.add("board.freeze.tally." + kind.name() + ".one");
                needed.add("board.freeze.tally." + kind.name() + ".many");
            }
        }
        for (StatusChoice choice : StatusChoice.values()) {
            needed.add("history.status." + choice.name());
        }
        for (HistorySort sort : HistorySort.values()) {
            needed.add("history.sort." + sort.name());
        }
        assertThat(needed).filteredOn(key -> !keys.contains(key)).isEmpty();
    }

    @Test
    void theMenusOfTheBoardAndHistorySpeakFrench() {
        Locale.setDefault(Locale.FRENCH);

        assertThat(BoardViewModel.StatusFilter.STOPPED.label()).isEqualTo("Arrêté ou annulé");
        assertThat(BoardViewModel.Sort.ATTENTION.label()).isEqualTo("À surveiller d'abord");
        assertThat(ChangeFreezeViewModel.Result.Kind.NOT_FOUND.label()).isEqualTo("Introuvable");
        assertThat(StatusChoice.ANY).hasToString("Tous statuts");
        assertThat(HistorySort.LONGEST).hasToString("Plus longues d'abord");
    }
}
