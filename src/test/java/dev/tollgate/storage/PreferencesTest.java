package dev.tollgate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesTest {

    @TempDir
    Path folder;

    @Test
    void roundTripsThemeLanguageAndWindow() throws Exception {
        Path file = folder.resolve("preferences.json");
        Preferences saved = Preferences.defaults().withTheme("dark").withLanguage("fr")
                .withWindow(new Preferences.WindowBounds(10, 20, 1300, 820, false)).withCallsPerSecond(10.0);

        saved.save(file);

        assertThat(Preferences.load(file)).isEqualTo(saved);
    }

    @Test
    void aBrokenOrNewerFileFallsBackToDefaultsWhereItMust() throws Exception {
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{ not json");
        Path newer = folder.resolve("newer.json");
        Files.writeString(newer, "{\"theme\":\"dark\",\"sparkles\":true}");

        assertThat(Preferences.load(broken)).isEqualTo(Preferences.defaults());
        assertThat(Preferences.load(newer).theme()).isEqualTo("dark");
        assertThat(Preferences.load(folder.resolve("missing.json"))).isEqualTo(Preferences.defaults());
    }

    @Test
    void aBudgetOutsideSaneBoundsFallsBackToTheDefault() throws Exception {
        Path file = folder.resolve("edited.json");
        for (String budget : new String[] {"0", "-3", "500", "\"lots\""}) {
            Files.writeString(file, "{\"theme\":\"dark\",\"callsPerSecond\":" + budget + "}");

            Preferences loaded = Preferences.load(file);

            assertThat(loaded.callsPerSecond()).as(budget).isNull();
        }
        Files.writeString(file, "{\"callsPerSecond\":2.5}");
        assertThat(Preferences.load(file).callsPerSecond()).isEqualTo(2.5);
    }

    @Test
    void directoriesFollowEachOperatingSystemsConvention() {
        Path home = Path.of("/home/ana");

        assertThat(AppDirectories.forUser(Map.of(), "Linux", home).config()).isEqualTo(Path.of("/home/ana/.config/tollgate"));
        assertThat(AppDirectories.forUser(Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", home).config())
                .isEqualTo(Path.of("/xdg/tollgate"));
        assertThat(AppDirectories.forUser(Map.of(), "Linux", home).state()).isEqualTo(Path.of("/home/ana/.local/state/tollgate"));
        assertThat(AppDirectories.forUser(Map.of(), "Mac OS X", home).config())
                .isEqualTo(Path.of("/home/ana/Library/Application Support/Tollgate"));
        assertThat(AppDirectories.forUser(Map.of("APPDATA", "C:/Users/ana/AppData/Roaming"), "Windows 11", home).config())
                .isEqualTo(Path.of("C:/Users/ana/AppData/Roaming/Tollgate"));
    }
}
