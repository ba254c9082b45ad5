package dev.tollgate.release;

import java.util.Objects;

/**
 * Why a build artifact cannot be shown to a reviewer, as a {@link Kind} for code and a sentence
 * for people.
 *
 * <p>The message is written for a release approver, names the file and the limit involved, and
 * never contains a stack trace or a parser's internal jargon; for example
 * {@code "imagedefinitions.json is 240 KB, over the 100 KB limit Tollgate reads"}. Any text taken
 * from the artifact is quoted, shortened and stripped of invisible characters.
 */
public final class ArtifactProblem extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for code that reacts differently (retry a download, show a help link). */
    public enum Kind {
        /** The bytes are not a zip archive at all. */
        NOT_A_ZIP,
        /** A well-formed zip without a single file in it. */
        EMPTY_ARCHIVE,
        /** The zip ends before its central directory or an entry's data: usually a cut-off download. */
        TRUNCATED_ARCHIVE,
        /** The zip's structures contradict each other or the data fails its checksum. */
        CORRUPT_ARCHIVE,
        /** The zip is bigger than {@link ArtifactLimits#maxArchiveBytes()}. */
        ARCHIVE_TOO_LARGE,
        /** The zip has more entries than {@link ArtifactLimits#maxEntries()}. */
        TOO_MANY_ENTRIES,
        /** An entry compresses suspiciously well, or the whole zip unpacks to too much. */
        ZIP_BOMB,
        /** An entry name is absolute, climbs out with {@code ..}, or contains control characters. */
        UNSAFE_PATH,
        /** The definitions file is encrypted or uses a compression method Tollgate cannot read. */
        UNSUPPORTED_ENTRY,
        /** None of the wanted definitions files is in the zip. */
        DEFINITIONS_NOT_FOUND,
        /** The definitions file is in the zip more than once, so which one deploys is unclear. */
        AMBIGUOUS_DEFINITIONS,
        /** The definitions file is bigger than {@link ArtifactLimits#maxDefinitionsBytes()}. */
        DEFINITIONS_TOO_LARGE,
        /** The definitions file is not UTF-8 text. */
        NOT_UTF8,
        /** The definitions file is not well-formed JSON, or repeats a field. */
        INVALID_JSON,
        /** The JSON nests deeper than {@link ArtifactLimits#maxJsonDepth()}. */
        JSON_TOO_DEEP,
        /** The JSON is well-formed but not shaped like the definitions format. */
        WRONG_SCHEMA,
        /** {@code imagedefinitions.json} is an empty array. */
        NO_CONTAINERS,
        /** A container's image URI is not a valid image reference. */
        INVALID_IMAGE_URI
    }

    private final Kind kind;

    /** Creates a problem with an approver-facing message. */
    public ArtifactProblem(Kind kind, String message) {
        this(kind, message, null);
    }

    /** Creates a problem keeping the low-level cause for logs; the cause never leaks into the message. */
    public ArtifactProblem(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }
}
