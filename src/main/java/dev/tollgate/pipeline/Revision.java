package dev.tollgate.pipeline;

/**
 * A source revision an execution carries: the commit id, its message (CodePipeline's "revision summary")
 * and a link to it where the source provider offers one.
 */
public record Revision(String actionName, String revisionId, String summary, String url) {

    /** The commit id shortened the way Git users read it. */
    public String shortId() {
        if (revisionId == null) {
            return "";
        }
        return revisionId.length() > 8 ? revisionId.substring(0, 8) : revisionId;
    }
}
