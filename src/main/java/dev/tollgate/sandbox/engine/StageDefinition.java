package dev.tollgate.sandbox.engine;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** One stage of a pipeline, as declared. */
public record StageDefinition(String name, List<ActionDefinition> actions, ConditionsDefinition conditions) {

    public StageDefinition {
        actions = List.copyOf(actions);
        conditions = conditions == null ? ConditionsDefinition.NONE : conditions;
    }

    public StageDefinition(String name, List<ActionDefinition> actions) {
        this(name, actions, ConditionsDefinition.NONE);
    }

    public Optional<ActionDefinition> action(String actionName) {
        return actions.stream().filter(a -> a.name().equals(actionName)).findFirst();
    }

    /** The distinct run orders in ascending order: actions sharing one run in parallel. */
    public List<Integer> runOrders() {
        TreeSet<Integer> orders = new TreeSet<>();
        actions.forEach(a -> orders.add(a.runOrder()));
        return List.copyOf(orders);
    }
}
