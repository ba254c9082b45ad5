package dev.tollgate.release;

import static dev.tollgate.release.DisplayText.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * Safety checks and normalisation for a zip entry's name.
 *
 * <p>Both separators count, since Windows tools write {@code \} and extractors on Windows honour
 * it. A name that could make an extractor write outside its target folder rejects the whole
 * artifact: a build that produces one is broken or hostile, and the reviewer should know.
 */
final class EntryPath {

    private EntryPath() {
    }

    /**
     * Returns the name with {@code \} as {@code /} and without empty or {@code .} segments,
     * so {@code ./build//imagedefinitions.json} becomes {@code build/imagedefinitions.json}.
     *
     * @throws ArtifactProblem UNSAFE_PATH for absolute names, {@code ..} segments, or control characters
     */
    static String normalize(String rawName) throws ArtifactProblem {
        if (rawName.isEmpty()) {
            throw unsafe("The artifact contains an entry with an empty name");
        }
        for (int i = 0; i < rawName.length(); i++) {
            char c = rawName.charAt(i);
            // NUL and other controls truncate or corrupt names in some extractors.
            if (c < 0x20 || c == 0x7F) {
                throw unsafe("The artifact contains an entry named " + quote(rawName) + " with " + DisplayText.describe(c)
                        + " in its name; Tollgate refuses artifacts with names extractors may misread");
            }
        }
        String name = rawName.replace('\\', '/');
        if (name.startsWith("/") || hasDriveLetter(name)) {
            throw unsafe("The artifact contains an entry with the absolute path " + quote(rawName)
                    + "; extracting it could write anywhere on the machine, so Tollgate refuses the artifact");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw unsafe("The artifact contains an entry " + quote(rawName)
                        + " whose '..' climbs out of the folder it is extracted to; Tollgate refuses the artifact");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }

    /** The part after the last {@code /}. */
    static String fileName(String normalized) {
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    /** True when the normalised path has no folder. */
    static boolean isTopLevel(String normalized) {
        return normalized.indexOf('/') < 0;
    }

    private static boolean hasDriveLetter(String name) {
        return name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0));
    }

    private static ArtifactProblem unsafe(String message) {
        return new ArtifactProblem(ArtifactProblem.Kind.UNSAFE_PATH, message);
    }
}
