package dev.tollgate.watch;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Drives a {@link PollPlan} on a fake clock against scripted pipelines, answering every call at the instant
 * it goes out, and records each request the real gateway would have sent (GetPipeline included).
 */
final class ScriptedAccount {

    /** One request as AWS would count it. */
    record Request(Instant at, String pipelineName, String operation) {
    }

    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    final PollPlan plan;
    final List<Request> requests = new ArrayList<>();
    final List<PollDecision.Poll> polls = new ArrayList<>();
    final List<String> reported = new ArrayList<>();
    private final Map<String, PipelineSnapshot> states = new LinkedHashMap<>();
    private final Map<String, GatewayException.Problem> failures = new HashMap<>();
    private final Set<String> declarationsSeen = new HashSet<>();
    private Instant now = START;

    ScriptedAccount(WatchSettings settings) {
        this.plan = new PollPlan(settings, new Random(7), START);
    }

    static WatchSettings settings(double callsPerSecond) {
        return WatchSettings.defaults().withCallsPerSecond(callsPerSecond).withJitter(0);
    }

    ScriptedAccount with(PipelineSnapshot snapshot) {
        states.put(snapshot.name(), snapshot);
        return this;
    }

    ScriptedAccount withIdlePipelines(int count) {
        for (int i = 0; i < count; i++) {
            with(PipelineStates.idle(String.format("idle-%04d", i)));
        }
        return this;
    }

    void change(PipelineSnapshot snapshot) {
        states.put(snapshot.name(), snapshot);
    }

    /** Removes the pipeline from the account: it is no longer listed and asking for it fails. */
    void delete(String pipelineName) {
        states.remove(pipelineName);
        failures.put(pipelineName, GatewayException.Problem.NOT_FOUND);
    }

    void failWith(String pipelineName, GatewayException.Problem problem) {
        failures.put(pipelineName, problem);
    }

    void heal(String pipelineName) {
        failures.remove(pipelineName);
    }

    Instant now() {
        return now;
    }

    /** Follows the plan's decisions until {@code duration} has passed. */
    void runFor(Duration duration) {
        Instant end = now.plus(duration);
        while (true) {
            PollDecision decision = plan.next(now);
            if (decision instanceof PollDecision.Poll poll) {
                answer(poll);
            } else if (decision instanceof PollDecision.ListPipelines) {
                List<PipelineSummary> listing = states.values().stream()
                        .map(s -> new PipelineSummary(s.name(), s.version(), PipelineStates.LONG_AGO)).toList();
                for (int page = 0; page == 0 || page * PollPlan.LISTING_PAGE_SIZE < listing.size(); page++) {
                    requests.add(new Request(now, null, "ListPipelines"));
                }
                plan.listed(listing, now);
            } else {
                Instant until = ((PollDecision.WaitUntil) decision).instant();
                if (until.isAfter(end)) {
                    now = end;
                    return;
                }
                now = until.isAfter(now) ? until : now.plusMillis(1);
            }
        }
    }

    private void answer(PollDecision.Poll poll) {
        String name = poll.pipelineName();
        polls.add(poll);
        requests.add(new Request(now, name, "GetPipelineState"));
        GatewayException.Problem problem = failures.get(name);
        if (problem != null) {
            if (plan.pollFailed(name, new GatewayException(problem, "scripted " + problem), now)) {
                reported.add(name);
            }
            return;
        }
        PipelineSnapshot state = states.get(name);
        if (declarationsSeen.add(name + "@" + state.version())) {
            requests.add(new Request(now, name, "GetPipeline"));
        }
        plan.snapshotTaken(state, now);
    }

    List<String> polledNames() {
        return polls.stream().map(PollDecision.Poll::pipelineName).toList();
    }

    List<Instant> pollsOf(String pipelineName) {
        return requests.stream().filter(r -> pipelineName.equals(r.pipelineName()) && r.operation().equals("GetPipelineState"))
                .map(Request::at).toList();
    }

    /** The most requests any window of one second [t, t+1s) holds. */
    int busiestSecond() {
        int most = 0;
        for (int i = 0; i < requests.size(); i++) {
            Instant windowEnd = requests.get(i).at().plusSeconds(1);
            int count = 0;
            for (int j = i; j < requests.size() && requests.get(j).at().isBefore(windowEnd); j++) {
                count++;
            }
            most = Math.max(most, count);
        }
        return most;
    }
}
