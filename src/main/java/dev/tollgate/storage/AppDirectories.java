package dev.tollgate.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Tollgate keeps its files, the way each OS expects: XDG on Linux, Application Support on macOS,
 * APPDATA on Windows.
 */
public record AppDirectories(Path config, Path state) {

    public static AppDirectories forUser(Map<String, String> environment, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path appData = environment.containsKey("APPDATA") ? Path.of(environment.get("APPDATA"))
                    : home.resolve("AppData").resolve("Roaming");
            Path root = appData.resolve("Tollgate");
            return new AppDirectories(root, root.resolve("logs"));
        }
        if (os.contains("mac")) {
            Path root = home.resolve("Library").resolve("Application Support").resolve("Tollgate");
            return new AppDirectories(root, home.resolve("Library").resolve("Logs").resolve("Tollgate"));
        }
        Path config = environment.containsKey("XDG_CONFIG_HOME") ? Path.of(environment.get("XDG_CONFIG_HOME"))
                : home.resolve(".config");
        Path state = environment.containsKey("XDG_STATE_HOME") ? Path.of(environment.get("XDG_STATE_HOME"))
                : home.resolve(".local").resolve("state");
        return new AppDirectories(config.resolve("tollgate"), state.resolve("tollgate"));
    }

    public static AppDirectories forCurrentUser() {
        // HOME wins over user.home, which the JVM takes from the password database: XDG tools honour HOME.
        String home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
        return forUser(System.getenv(), System.getProperty("os.name", ""), Path.of(home));
    }
}
