package dev.tollgate.sandbox;

import dev.tollgate.sandbox.fault.FaultConfig;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/**
 * Headless mode: {@code tollgate sandbox --port 4599 [--speed X] [--seed S] [--pipelines N]}. Serves until
 * the process is stopped; a shutdown hook closes the server on SIGTERM or Ctrl+C. Bad arguments or a busy
 * port end with a one-line message and exit code 2.
 */
public final class SandboxCommand {

    static final int EXIT_USAGE = 2;
    static final String USAGE = "Usage: tollgate sandbox [--port N] [--speed X] [--seed S] [--pipelines N]"
            + " [--start-at 2025-06-02T09:30:00Z] [--no-demo] [--events-queue NAME]"
            + " [--throttle-rate 0..1] [--error-rate 0..1] [--latency-ms N] [--quota N]";

    private final PrintStream out;
    private final PrintStream err;

    SandboxCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the headless sandbox; returns only on bad arguments or a failed start (exit code 2). */
    public static int run(String[] args) {
        return new SandboxCommand(System.out, System.err).execute(args, true);
    }

    /** With {@code block=false} the sandbox is closed right after starting, so a test can check the startup path. */
    int execute(String[] args, boolean block) {
        SandboxConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("tollgate sandbox: " + e.getMessage());
            err.println(USAGE);
            return EXIT_USAGE;
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(config);
        } catch (SandboxStartException e) {
            err.println("tollgate sandbox: " + e.getMessage());
            return EXIT_USAGE;
        }
        out.println("Tollgate sandbox listening on " + sandbox.endpoint());
        out.println("  account " + Sandbox.ACCOUNT_ID + ", region " + Sandbox.REGION + ", "
                + sandbox.control().engine().pipelineCount() + " pipelines, simulated now "
                + sandbox.control().now() + " at " + config.speed() + "x");
        if (config.faults().active()) {
            out.println("  injecting faults: " + config.faults());
        }
        sandbox.eventsQueueUrl().ifPresent(url -> out.println("  CodePipeline events go to the SQS queue " + url));
        out.println("  try: aws --endpoint-url " + sandbox.endpoint() + " --region us-east-1 codepipeline list-pipelines");
        out.flush();
        if (!block) {
            sandbox.close();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            out.println("Tollgate sandbox stopped");
            out.flush();
            stopped.countDown();
        }, "tollgate-sandbox-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static SandboxConfig parse(String[] rawArgs) {
        String[] args = rawArgs.length > 0 && rawArgs[0].equals("sandbox")
                ? Arrays.copyOfRange(rawArgs, 1, rawArgs.length) : rawArgs;
        SandboxConfig config = SandboxConfig.defaults().withPort(4599);
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--no-demo")) {
                config = config.withDemoData(false);
                continue;
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException("help requested");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> config = config.withPort(intValue(flag, value, 0, 65535));
                case "--speed" -> config = config.withSpeed(doubleValue(flag, value));
                case "--seed" -> config = config.withSeed(longValue(flag, value));
                case "--pipelines" -> config = config.withPipelines(intValue(flag, value, 0, 5000));
                case "--events-queue" -> config = config.withEventsQueue(Optional.of(value));
                case "--throttle-rate" -> config = config.withFaults(faults(config, f -> new FaultConfig(
                        rate(flag, value), f.errorRate(), f.latencyMillis(), f.quotaPerSecond())));
                case "--error-rate" -> config = config.withFaults(faults(config, f -> new FaultConfig(
                        f.throttleRate(), rate(flag, value), f.latencyMillis(), f.quotaPerSecond())));
                case "--latency-ms" -> config = config.withFaults(faults(config, f -> new FaultConfig(
                        f.throttleRate(), f.errorRate(), intValue(flag, value, 0, 60_000), f.quotaPerSecond())));
                case "--quota" -> config = config.withFaults(faults(config, f -> new FaultConfig(
                        f.throttleRate(), f.errorRate(), f.latencyMillis(), intValue(flag, value, 0, 1_000_000))));
                case "--start-at" -> {
                    try {
                        config = config.withStartAt(Instant.parse(value));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--start-at needs an ISO-8601 instant such as 2025-06-02T09:30:00Z, got '" + value + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return config;
    }

    private static FaultConfig faults(SandboxConfig config, UnaryOperator<FaultConfig> change) {
        return change.apply(config.faults());
    }

    private static double rate(String flag, String value) {
        double rate = doubleValue(flag, value);
        if (rate > 1) {
            throw new IllegalArgumentException(flag + " must be between 0 and 1, got " + value);
        }
        return rate;
    }

    private static int intValue(String flag, String value, int min, int max) {
        long parsed = longValue(flag, value);
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ", got " + value);
        }
        return (int) parsed;
    }

    private static long longValue(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
    }

    private static double doubleValue(String flag, String value) {
        try {
            double parsed = Double.parseDouble(value);
            boolean rateFlag = flag.endsWith("-rate");
            if (rateFlag ? !(parsed >= 0) : !(parsed > 0) || Double.isInfinite(parsed)) {
                throw new IllegalArgumentException(flag + " must be a " + (rateFlag ? "non-negative" : "positive")
                        + " number, got '" + value + "'");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got '" + value + "'");
        }
    }
}
