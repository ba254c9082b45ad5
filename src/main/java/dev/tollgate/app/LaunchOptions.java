package dev.tollgate.app;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The command line of the desktop app: {@code [--sandbox] [--profile NAME] [--events-queue-url URL]}; the
 * queue URL turns on push mode for the connection (it overrides TOLLGATE_EVENTS_QUEUE_URL).
 */
record LaunchOptions(boolean forceSandbox, Optional<String> profile, Optional<URI> eventsQueueUrl) {

    private static final String USAGE = "Usage: tollgate [--sandbox] [--profile NAME] [--events-queue-url URL]"
            + " | tollgate sandbox --port N";

    static LaunchOptions parse(List<String> args) {
        boolean sandbox = false;
        String profile = null;
        String queue = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--sandbox")) {
                sandbox = true;
            } else if (arg.equals("--profile") && i + 1 < args.size()) {
                profile = args.get(++i);
            } else if (arg.startsWith("--profile=")) {
                profile = arg.substring("--profile=".length());
            } else if (arg.equals("--events-queue-url") && i + 1 < args.size()) {
                queue = args.get(++i);
            } else if (arg.startsWith("--events-queue-url=")) {
                queue = arg.substring("--events-queue-url=".length());
            } else {
                throw new IllegalArgumentException("Unknown option " + arg + ". " + USAGE);
            }
        }
        return new LaunchOptions(sandbox, Optional.ofNullable(profile), Optional.ofNullable(queue).map(LaunchOptions::url));
    }

    private static URI url(String value) {
        try {
            URI url = URI.create(value.trim());
            if (url.getScheme() != null && url.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new IllegalArgumentException("--events-queue-url needs a queue URL such as "
                + "https://sqs.us-east-1.amazonaws.com/123456789012/pipeline-events, got '" + value + "'. " + USAGE);
    }
}
