package dev.tollgate.app;

import java.util.List;
import java.util.Optional;

/** The command line of the desktop app: {@code [--sandbox] [--profile NAME]}. */
record LaunchOptions(boolean forceSandbox, Optional<String> profile) {

    static LaunchOptions parse(List<String> args) {
        boolean sandbox = false;
        String profile = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--sandbox")) {
                sandbox = true;
            } else if (arg.equals("--profile") && i + 1 < args.size()) {
                profile = args.get(++i);
            } else if (arg.startsWith("--profile=")) {
                profile = arg.substring("--profile=".length());
            } else {
                throw new IllegalArgumentException("Unknown option " + arg
                        + ". Usage: tollgate [--sandbox] [--profile NAME] | tollgate sandbox --port N");
            }
        }
        return new LaunchOptions(sandbox, Optional.ofNullable(profile));
    }
}
