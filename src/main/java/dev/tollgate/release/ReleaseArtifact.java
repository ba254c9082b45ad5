package dev.tollgate.release;

import java.util.List;
import java.util.Objects;

/**
 * What a build artifact says will be deployed.
 *
 * @param entryPath       the normalised path of the definitions file inside the zip, e.g.
 *                        {@code imagedefinitions.json} or {@code build/imagedefinitions.json}
 * @param definitions     its parsed content; {@code definitions().source()} says which file it was
 * @param otherCandidates normalised paths of other entries that also carry a wanted file name but
 *                        were not chosen (a lower-priority file, or a copy in a folder shadowed by
 *                        one at the top level); worth showing, since another deploy action may read
 *                        them. Paths may contain any printable Unicode, so display them escaped.
 */
public record ReleaseArtifact(String entryPath, ImageDefinitions definitions, List<String> otherCandidates) {

    /** Requires all parts and copies the list. */
    public ReleaseArtifact {
        Objects.requireNonNull(entryPath, "entryPath");
        Objects.requireNonNull(definitions, "definitions");
        otherCandidates = List.copyOf(otherCandidates);
    }

    /** True when the definitions file sits at the top of the zip, where deploy actions look for it. */
    public boolean atTopLevel() {
        return EntryPath.isTopLevel(entryPath);
    }
}
