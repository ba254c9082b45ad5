package dev.tollgate.pipeline;

/** The action categories CodePipeline defines, plus UNKNOWN for categories added later. */
public enum ActionCategory {
    SOURCE, BUILD, TEST, DEPLOY, APPROVAL, INVOKE, COMPUTE, UNKNOWN;

    public static ActionCategory fromWire(String wire) {
        if (wire == null) {
            return UNKNOWN;
        }
        return switch (wire) {
            case "Source" -> SOURCE;
            case "Build" -> BUILD;
            case "Test" -> TEST;
            case "Deploy" -> DEPLOY;
            case "Approval" -> APPROVAL;
            case "Invoke" -> INVOKE;
            case "Compute" -> COMPUTE;
            default -> UNKNOWN;
        };
    }
}
