package dev.tollgate.release;

import java.util.List;
import java.util.Objects;

/**
 * A definitions file to look for in an artifact: its file name and the format it is written in.
 *
 * <p>The ECS deploy action lets a pipeline rename {@code imagedefinitions.json} (its
 * {@code FileName} setting), so the name is data rather than a constant.
 *
 * @param fileName a plain file name, matched case-sensitively against the last part of entry paths
 * @param format   how to read the file
 */
public record DefinitionsFile(String fileName, DefinitionsFormat format) {

    /** {@code imagedefinitions.json}, the ECS deploy action's default. */
    public static final DefinitionsFile IMAGE_DEFINITIONS = new DefinitionsFile("imagedefinitions.json", DefinitionsFormat.IMAGE_DEFINITIONS);

    /** {@code imageDetail.json}, what the ECS blue/green action reads. */
    public static final DefinitionsFile IMAGE_DETAIL = new DefinitionsFile("imageDetail.json", DefinitionsFormat.IMAGE_DETAIL);

    /** Checks the name is a plain, non-empty file name without folders. */
    public DefinitionsFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(format, "format");
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.equals(".") || fileName.equals("..")) {
            throw new IllegalArgumentException("A definitions file name must be a plain file name: " + DisplayText.quote(fileName));
        }
    }

    /** Both standard files, {@code imagedefinitions.json} first. */
    public static List<DefinitionsFile> standard() {
        return List.of(IMAGE_DEFINITIONS, IMAGE_DETAIL);
    }
}
