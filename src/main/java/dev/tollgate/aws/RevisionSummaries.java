package dev.tollgate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CodePipeline's revision summaries are plain commit messages for some sources and, for CodeStar
 * connections (GitHub, Bitbucket, GitLab), a JSON document like {"ProviderType":"GitHub","CommitMessage":"…"}.
 */
final class RevisionSummaries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SUMMARY = 2048;

    private RevisionSummaries() {
    }

    static String message(String summary) {
        if (summary == null) {
            return null;
        }
        String trimmed = summary.strip();
        if (trimmed.startsWith("{") && trimmed.length() <= MAX_SUMMARY) {
            try {
                JsonNode node = JSON.readTree(trimmed);
                JsonNode message = node.get("CommitMessage");
                if (message != null && message.isTextual()) {
                    return message.asText();
                }
            } catch (java.io.IOException notJson) {
                // A commit message that merely starts with a brace: show it as it is.
            }
        }
        return summary;
    }
}
