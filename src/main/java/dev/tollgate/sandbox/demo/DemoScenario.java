package dev.tollgate.sandbox.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.sandbox.ecr.ImageRegistry;
import dev.tollgate.sandbox.engine.ApprovalStatus;
import dev.tollgate.sandbox.engine.Commit;
import dev.tollgate.sandbox.engine.PipelineEngine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The demo team's pipelines and what happened to them before "now": the hand-made pipelines (from
 * JSON declarations in the jar) with scripted histories, plus generated pipelines in scale mode. Everything
 * is scheduled on the engine as pushes, approvals and transition changes, so the history is produced by the
 * same simulation that serves requests.
 */
public final class DemoScenario {

    /** How far back the engine starts simulating before "now". */
    public static final Duration HISTORY = Duration.ofDays(21);

    static final String ACCOUNT = "123456789012";
    static final String APPROVER = "arn:aws:sts::" + ACCOUNT + ":assumed-role/Approver/";
    static final String RELEASE_MANAGER = "arn:aws:sts::" + ACCOUNT + ":assumed-role/ReleaseManager/";

    private static final List<String> DEMO_PIPELINES = List.of(
            "ecs-webapp", "billing-api", "nightly-reports", "payments-service", "storefront-bluegreen", "wallet-api",
            "mobile-bff");

    private final PipelineEngine engine;
    private final ImageRegistry images;
    private final ObjectMapper mapper;
    private final Random random;

    public DemoScenario(PipelineEngine engine, ImageRegistry images, ObjectMapper mapper, long seed) {
        this.engine = engine;
        this.images = images;
        this.mapper = mapper;
        // Separate from the engine's source so scenario choices do not shift the engine's ids.
        this.random = new Random(seed * 31 + 7);
    }

    /**
     * Creates {@code pipelineCount} pipelines (the hand-made ones first, generated ones beyond those) and
     * schedules their history up to {@code now}. The engine must still be at {@code now - HISTORY}.
     */
    public void install(Instant now, int pipelineCount) {
        int handMade = Math.min(pipelineCount, DEMO_PIPELINES.size());
        for (int i = 0; i < handMade; i++) {
            String name = DEMO_PIPELINES.get(i);
            engine.createPipeline(declaration(name), false);
            switch (name) {
                case "ecs-webapp" -> ecsWebapp(now);
                case "billing-api" -> billingApi(now);
                case "nightly-reports" -> nightlyReports(now);
                case "payments-service" -> paymentsService(now);
                case "wallet-api" -> walletApi(now);
                case "mobile-bff" -> mobileBff(now);
                default -> storefront(now);
            }
        }
        if (pipelineCount > DEMO_PIPELINES.size()) {
            new GeneratedPipelines(engine, images, random).install(now, pipelineCount - DEMO_PIPELINES.size());
        }
    }

    private void ecsWebapp(Instant now) {
        images.createRepository("ecs-webapp", now.minus(Duration.ofDays(400)));
        String[][] history = {
                {"Add health check endpoint for the ALB target group", "Aisha Khan", "priya.raman", "Approved. Health check verified in staging"},
                {"Bump Spring Boot to 3.3.4", "Jonas Weber", "tomas.ortega", "Dependency bump only - scan shows no new highs"},
                {"Fix N+1 query on the orders page", "Lena Park", "mei.chen", "Checked the image tag and the query plan. Ship it"},
                {"Add feature flag for the new checkout flow", "Jonas Weber", null, null},
                {"Fix failing build: update checkout snapshot tests", "Jonas Weber", "priya.raman", "LGTM - flag stays off in production"},
                {"Migrate sessions table to the new schema", "Aisha Khan", "REJECT:mei.chen", "Rejected: this migration is not backward compatible. Please split it into expand and contract steps"},
                {"Split sessions migration into expand and contract steps", "Aisha Khan", "mei.chen", "Thanks for splitting it. Approved"},
                {"Cache product images at the CDN edge", "Lena Park", "tomas.ortega", "Approved after checking the diff and the scan results"},
                {"Tune JVM heap for the 1 GB task size", "Marco Rossi", "priya.raman", "Approved. Watch memory on the dashboard after rollout"},
        };
        for (int i = 0; i < history.length; i++) {
            Instant push = now.minus(Duration.ofDays(14 - i)).minus(Duration.ofMinutes(random.nextInt(240)));
            String[] h = history[i];
            boolean breaksBuild = h[2] == null;
            engine.schedulePush(push, "ecs-webapp", commit(h[0], h[1], breaksBuild ? "Build" : null));
            if (!breaksBuild) {
                boolean reject = h[2].startsWith("REJECT:");
                String who = reject ? h[2].substring("REJECT:".length()) : h[2];
                engine.scheduleDecision(push.plus(Duration.ofMinutes(25 + random.nextInt(90))), "ecs-webapp", "Approval",
                        "ManualApproval", APPROVER + who, reject ? ApprovalStatus.Rejected : ApprovalStatus.Approved, h[3]);
            }
        }
        // Three quick pushes while the first waits for approval: the middle one is superseded at the door.
        Instant burst = now.minus(Duration.ofDays(4)).minus(Duration.ofHours(3));
        engine.schedulePush(burst, "ecs-webapp", commit("Add structured logging with trace ids", "Marco Rossi", null));
        engine.schedulePush(burst.plus(Duration.ofMinutes(30)), "ecs-webapp", commit("Fix typo in the footer", "Lena Park", null));
        engine.schedulePush(burst.plus(Duration.ofMinutes(45)), "ecs-webapp", commit("Update copy on the pricing page", "Lena Park", null));
        engine.scheduleDecision(burst.plus(Duration.ofHours(2)), "ecs-webapp", "Approval", "ManualApproval",
                APPROVER + "tomas.ortega", ApprovalStatus.Approved, "Approved. Logging format agreed with the SRE team");
        engine.scheduleDecision(burst.plus(Duration.ofHours(3)), "ecs-webapp", "Approval", "ManualApproval",
                APPROVER + "priya.raman", ApprovalStatus.Approved, "Copy change approved by marketing");
        String[][] recent = {
                {"Retry payment webhooks with backoff", "Aisha Khan", "mei.chen", "Approved. Retries are idempotent"},
                {"Upgrade base image to Temurin 17.0.13", "Marco Rossi", "tomas.ortega", "Base image upgrade clears two HIGH findings. Approved"},
        };
        for (int i = 0; i < recent.length; i++) {
            Instant push = now.minus(Duration.ofDays(3 - i)).minus(Duration.ofMinutes(random.nextInt(120)));
            engine.schedulePush(push, "ecs-webapp", commit(recent[i][0], recent[i][1], null));
            engine.scheduleDecision(push.plus(Duration.ofMinutes(30 + random.nextInt(60))), "ecs-webapp", "Approval",
                    "ManualApproval", APPROVER + recent[i][2], ApprovalStatus.Approved, recent[i][3]);
        }
        // The change waiting for a release approver right now.
        engine.schedulePush(now.minus(Duration.ofMinutes(25)), "ecs-webapp",
                commit("Show order status timeline on the account page", "Lena Park", null));
    }

    private void billingApi(Instant now) {
        images.createRepository("billing-api", now.minus(Duration.ofDays(300)));
        String[][] history = {
                {"Add invoice PDF rendering endpoint", "Samir Haddad"},
                {"Round tax amounts half-even per jurisdiction", "Julia Novak"},
                {"Expose Prometheus metrics for invoice generation", "Samir Haddad"},
                {"Add idempotency keys to charge requests", "Julia Novak"},
                {"Refactor currency conversion into its own module", "Samir Haddad"},
                {"Fix integration tests for the new currency module", "Samir Haddad"},
                {"Bump AWS SDK to 2.28.x", "Julia Novak"},
                {"Add dunning email schedule", "Julia Novak"},
        };
        for (int i = 0; i < history.length; i++) {
            Instant push = now.minus(Duration.ofHours(36L * (history.length - i))).minus(Duration.ofHours(5));
            boolean breaksTests = i == 4;
            engine.schedulePush(push, "billing-api", commit(history[i][0], history[i][1], breaksTests ? "IntegrationTests" : null));
        }
    }

    private void nightlyReports(Instant now) {
        String[] history = {
                "Add weekly cohort retention report", "Fix timezone handling in the daily revenue report",
                "Parallelise report rendering", "Add churn by plan to the executive summary",
                "Cache warehouse queries between reports", "Upgrade pandas to 2.2",
                "Switch revenue report to the new warehouse views",
        };
        for (int i = 0; i < history.length; i++) {
            Instant push = now.minus(Duration.ofDays(history.length - i)).minus(Duration.ofHours(9));
            boolean last = i == history.length - 1;
            engine.schedulePush(push, "nightly-reports", commit(history[i], "Noor Aziz", last ? "Build" : null));
        }
    }

    private void paymentsService(Instant now) {
        images.createRepository("payments-service", now.minus(Duration.ofDays(500)));
        String[][] history = {
                {"Add 3-D Secure challenge flow", "Elena Petrova"},
                {"Reject refunds above the captured amount", "Kwame Mensah"},
                {"Rotate the card vault encryption key", "Elena Petrova"},
                {"Log declined payments with the issuer reason", "Kwame Mensah"},
        };
        for (int i = 0; i < history.length; i++) {
            Instant push = now.minus(Duration.ofDays(10 - 2L * i));
            engine.schedulePush(push, "payments-service", commit(history[i][0], history[i][1], null));
        }
        engine.scheduleTransition(now.minus(Duration.ofHours(3)), "payments-service", "Deploy", false,
                RELEASE_MANAGER + "dana.okafor", "Change freeze during quarter-end close (CAB-2291)");
        engine.schedulePush(now.minus(Duration.ofHours(2)), "payments-service",
                commit("Support partial captures for marketplace orders", "Kwame Mensah", null));
    }

    private void storefront(Instant now) {
        images.createRepository("storefront", now.minus(Duration.ofDays(200)));
        String[][] history = {
                {"Lazy-load product carousel images", "Hana Suzuki", "priya.raman", "Canary looks healthy. Approved"},
                {"Add size guide modal", "Diego Alvarez", "mei.chen", "Approved"},
                {"Move search to the new suggest API", "Hana Suzuki", "tomas.ortega", "Canary error rate flat. Go"},
                {"Fix cart badge count after removal", "Diego Alvarez", "priya.raman", "Approved - small fix"},
                {"Render prices with the shopper's locale", "Hana Suzuki", "mei.chen", "Checked the canary dashboard. Approved"},
                {"Prefetch checkout assets on cart open", "Diego Alvarez", "tomas.ortega", "Approved for the blue/green rollout"},
        };
        for (int i = 0; i < history.length; i++) {
            Instant push = now.minus(Duration.ofHours(20 + 36L * (history.length - 1 - i)));
            engine.schedulePush(push, "storefront-bluegreen", commit(history[i][0], history[i][1], null));
            engine.scheduleDecision(push.plus(Duration.ofMinutes(40 + random.nextInt(40))), "storefront-bluegreen",
                    "Approval", "ProductionApproval", APPROVER + history[i][2], ApprovalStatus.Approved, history[i][3]);
        }
    }

    /**
     * A V2 pipeline with variables and stage conditions whose newest release failed to deploy: Deploy's
     * {@code onFailure: ROLLBACK} re-deployed the release before it, so that rollback is Deploy's latest execution.
     */
    private void walletApi(Instant now) {
        images.createRepository("wallet-api", now.minus(Duration.ofDays(250)));
        String[][] history = {
                {"Add wallet top-up limits per country", "Kwame Mensah"},
                {"Expose balance history with cursor pagination", "Elena Petrova"},
                {"Reconcile pending top-ups every five minutes", "Kwame Mensah"},
                {"Bump Netty to 4.1.115", "Elena Petrova"},
                {"Add idempotency keys to transfers", "Kwame Mensah"},
        };
        for (int i = 0; i < history.length; i++) {
            Instant push = now.minus(Duration.ofHours(30L * (history.length - i) + 6));
            engine.schedulePush(push, "wallet-api", commit(history[i][0], history[i][1], null));
        }
        engine.schedulePush(now.minus(Duration.ofHours(4)), "wallet-api",
                commit("Switch card tokenisation to the new vault client", "Elena Petrova", "Deploy"));
    }

    /**
     * A PARALLEL pipeline: executions run independently, so two changes wait at the same approval at once,
     * each with its own token (only ListActionExecutions tells them). Draws nothing from {@code random}, so
     * the other pipelines' histories stay as they were before it was added.
     */
    private void mobileBff(Instant now) {
        images.createRepository("mobile-bff", now.minus(Duration.ofDays(150)));
        String[][] history = {
                {"Add GraphQL persisted queries", "Lena Park", "mei.chen", "Approved. App 4.12 is in the stores"},
                {"Trim the home feed payload for older phones", "Diego Alvarez", "tomas.ortega", "Approved"},
                {"Return localized error messages", "Hana Suzuki", "priya.raman", "Approved, checked the French copy"},
        };
        for (int i = 0; i < history.length; i++) {
            Instant push = now.minus(Duration.ofDays(6 - 2L * i)).minus(Duration.ofHours(4));
            engine.schedulePush(push, "mobile-bff", commit(history[i][0], history[i][1], null));
            engine.scheduleDecision(push.plus(Duration.ofMinutes(50)), "mobile-bff", "Approval", "ReleaseApproval",
                    APPROVER + history[i][2], ApprovalStatus.Approved, history[i][3]);
        }
        // Two changes waiting for their approver side by side: neither holds the other up.
        engine.schedulePush(now.minus(Duration.ofHours(3)), "mobile-bff",
                commit("Add push notification preferences endpoint", "Lena Park", null));
        engine.schedulePush(now.minus(Duration.ofHours(2)), "mobile-bff",
                commit("Serve product images in AVIF to new app versions", "Diego Alvarez", null));
    }

    private Commit commit(String message, String author, String failingAction) {
        return new Commit(engine.newCommitId(), message, author, Optional.ofNullable(failingAction));
    }

    private JsonNode declaration(String name) {
        String resource = "/dev/tollgate/sandbox/pipelines/" + name + ".json";
        try (InputStream in = DemoScenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Demo declaration missing from the classpath: " + resource);
            }
            return mapper.readTree(in).path("pipeline");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo declaration " + resource, e);
        }
    }
}
