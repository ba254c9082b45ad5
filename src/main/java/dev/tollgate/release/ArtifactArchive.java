package dev.tollgate.release;

import static dev.tollgate.release.DisplayText.quote;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds and reads the definitions file in a CodeBuild output artifact zip.
 *
 * <p>How it reads, and why:
 * <ul>
 *   <li>The stream is read to its end but never past {@link ArtifactLimits#maxArchiveBytes()}
 *       (20 MB by default): a zip's directory is at its end, so it has to be read whole, and the
 *       cap bounds memory whatever the source sends.</li>
 *   <li>The central directory, which other zip tools trust, decides what the zip contains;
 *       local headers are only cross-checked. This catches truncation, sees symbolic links, and
 *       avoids the local-header-only view of {@code ZipInputStream}.</li>
 *   <li>Every entry name is checked ({@code ..}, absolute paths, control characters) and every
 *       entry's claimed size counts toward the zip-bomb limits (ratio and total), but only the
 *       chosen definitions file is ever decompressed, capped at
 *       {@link ArtifactLimits#maxDefinitionsBytes()}. A large unrelated entry costs nothing but
 *       its compressed bytes.</li>
 *   <li>Folders and symbolic links are skipped. The wanted files are looked for at the top
 *       level first, in priority order; only if none is there, a single copy in a folder is
 *       accepted. Two copies at the same level are ambiguous and refused.</li>
 * </ul>
 *
 * <p>Stateless; safe to call from any thread.
 */
public final class ArtifactArchive {

    private static final int NAMES_LISTED = 10;

    private ArtifactArchive() {
    }

    /**
     * Reads an artifact with {@link ArtifactLimits#defaults()}, looking for
     * {@code imagedefinitions.json}, then {@code imageDetail.json}.
     *
     * @param zip the artifact as downloaded; read at most to 20 MB + 1 byte, not closed
     * @return the chosen definitions file and what it deploys
     * @throws ArtifactProblem as {@link #read(InputStream, ArtifactLimits, List)}
     * @throws IOException     when reading the stream itself fails
     */
    public static ReleaseArtifact read(InputStream zip) throws ArtifactProblem, IOException {
        return read(zip, ArtifactLimits.defaults(), DefinitionsFile.standard());
    }

    /**
     * Reads an artifact with the given limits, looking for {@code imagedefinitions.json}, then {@code imageDetail.json}.
     *
     * @param zip    the artifact as downloaded; read at most to {@code maxArchiveBytes + 1}, not closed
     * @param limits the limits to enforce
     * @return the chosen definitions file and what it deploys
     * @throws ArtifactProblem as {@link #read(InputStream, ArtifactLimits, List)}
     * @throws IOException     when reading the stream itself fails
     */
    public static ReleaseArtifact read(InputStream zip, ArtifactLimits limits) throws ArtifactProblem, IOException {
        return read(zip, limits, DefinitionsFile.standard());
    }

    /**
     * Reads an artifact from a stream, which is read at most to {@code maxArchiveBytes + 1} and not closed.
     *
     * @param zip    the artifact as downloaded
     * @param limits the limits to enforce
     * @param wanted the definitions files to look for, in priority order; not empty, no name twice
     * @return the chosen definitions file and what it deploys
     * @throws IllegalArgumentException when {@code wanted} is empty or names a file twice
     * @throws ArtifactProblem when the artifact is too large, not a zip, damaged, hostile, or holds
     *                         no readable definitions file; {@link ArtifactProblem#kind()} says which
     * @throws IOException     when reading the stream itself fails (a network problem, not the artifact's)
     */
    public static ReleaseArtifact read(InputStream zip, ArtifactLimits limits, List<DefinitionsFile> wanted)
            throws ArtifactProblem, IOException {
        Objects.requireNonNull(zip, "zip");
        Objects.requireNonNull(limits, "limits");
        byte[] bytes = zip.readNBytes(limits.maxArchiveBytes() + 1);
        return read(bytes, limits, wanted);
    }

    /**
     * Reads an artifact already in memory.
     *
     * @param zip    the artifact's bytes
     * @param limits the limits to enforce
     * @param wanted the definitions files to look for, in priority order; not empty, no name twice
     * @return the chosen definitions file and what it deploys
     * @throws ArtifactProblem          as {@link #read(InputStream, ArtifactLimits, List)}
     * @throws IllegalArgumentException when {@code wanted} is empty or names a file twice
     */
    public static ReleaseArtifact read(byte[] zip, ArtifactLimits limits, List<DefinitionsFile> wanted) throws ArtifactProblem {
        Objects.requireNonNull(zip, "zip");
        Objects.requireNonNull(limits, "limits");
        List<DefinitionsFile> priorities = checkWanted(wanted);
        if (zip.length > limits.maxArchiveBytes()) {
            throw new ArtifactProblem(ArtifactProblem.Kind.ARCHIVE_TOO_LARGE, "The artifact is larger than "
                    + DisplayText.bytes(limits.maxArchiveBytes()) + ", the most Tollgate reads; a deploy artifact usually needs a few KB");
        }
        CentralDirectory.Listing listing = CentralDirectory.read(zip, limits);
        List<Candidate> files = files(listing, limits, priorities);
        if (files.isEmpty()) {
            throw new ArtifactProblem(ArtifactProblem.Kind.EMPTY_ARCHIVE, listing.entries().isEmpty()
                    ? "The artifact zip is empty: it contains no files"
                    : "The artifact zip contains no files, only folders or links");
        }
        Candidate chosen = choose(files, priorities, listing);
        DefinitionsFile file = chosen.wanted().orElseThrow();
        byte[] json = EntryData.read(zip, listing, chosen.entry(), file.fileName(), limits.maxDefinitionsBytes());
        ImageDefinitions definitions = ImageDefinitions.parse(file, json, limits);
        List<String> others = files.stream()
                .filter(c -> c.wanted().isPresent() && !c.path().equals(chosen.path()))
                .map(Candidate::path)
                .toList();
        return new ReleaseArtifact(chosen.path(), definitions, others);
    }

    /** A regular file in the zip, with its normalised path and the wanted file it matches, if any. */
    private record Candidate(CentralDirectory.Entry entry, String path, Optional<DefinitionsFile> wanted) {

        boolean topLevel() {
            return EntryPath.isTopLevel(path);
        }
    }

    // Checks every entry (names, claimed sizes) and keeps the regular files, noting which carry a wanted name.
    private static List<Candidate> files(CentralDirectory.Listing listing, ArtifactLimits limits, List<DefinitionsFile> priorities)
            throws ArtifactProblem {
        List<Candidate> files = new ArrayList<>();
        long claimedTotal = 0;
        for (CentralDirectory.Entry entry : listing.entries()) {
            String path = EntryPath.normalize(entry.name());
            checkRatio(entry, limits);
            claimedTotal += entry.uncompressedSize();
            if (claimedTotal > limits.maxTotalUncompressedBytes() || claimedTotal < 0) {
                throw new ArtifactProblem(ArtifactProblem.Kind.ZIP_BOMB, "The artifact zip claims to unpack to more than "
                        + DisplayText.bytes(limits.maxTotalUncompressedBytes()) + " in total, the most Tollgate accepts; "
                        + "that is the mark of a zip bomb");
            }
            if (!entry.directory() && !entry.symlink() && !path.isEmpty()) {
                String name = EntryPath.fileName(path);
                Optional<DefinitionsFile> wanted = priorities.stream().filter(w -> w.fileName().equals(name)).findFirst();
                files.add(new Candidate(entry, path, wanted));
            }
        }
        return files;
    }

    private static void checkRatio(CentralDirectory.Entry entry, ArtifactLimits limits) throws ArtifactProblem {
        long unpacked = entry.uncompressedSize();
        long packed = Math.max(1, entry.compressedSize());
        if (unpacked >= limits.ratioFloorBytes() && unpacked / packed > limits.maxCompressionRatio()) {
            throw new ArtifactProblem(ArtifactProblem.Kind.ZIP_BOMB, "The artifact zip looks like a zip bomb: " + quote(entry.name())
                    + " would unpack " + DisplayText.bytes(entry.compressedSize()) + " into " + DisplayText.bytes(unpacked) + " ("
                    + DisplayText.count(unpacked / packed) + " to 1; Tollgate allows " + limits.maxCompressionRatio() + " to 1)");
        }
    }

    private static Candidate choose(List<Candidate> files, List<DefinitionsFile> priorities, CentralDirectory.Listing listing)
            throws ArtifactProblem {
        List<Candidate> matches = files.stream().filter(c -> c.wanted().isPresent()).toList();
        for (boolean topLevel : new boolean[] {true, false}) {
            for (DefinitionsFile wanted : priorities) {
                List<Candidate> found = matches.stream()
                        .filter(m -> m.wanted().orElseThrow().equals(wanted) && m.topLevel() == topLevel)
                        .toList();
                if (found.size() == 1) {
                    return found.get(0);
                }
                if (found.size() > 1) {
                    throw ambiguous(wanted, found, topLevel);
                }
            }
        }
        throw notFound(files, priorities, listing);
    }

    private static ArtifactProblem ambiguous(DefinitionsFile wanted, List<Candidate> found, boolean topLevel) {
        String where = topLevel ? " at its top level" : " inside folders and not at its top level";
        return new ArtifactProblem(ArtifactProblem.Kind.AMBIGUOUS_DEFINITIONS, "The artifact contains " + wanted.fileName() + " "
                + DisplayText.count(found.size()) + " times" + where + " ("
                + quotedList(found.stream().map(c -> c.entry().name()).toList(), NAMES_LISTED)
                + "); Tollgate cannot tell which one would be deployed");
    }

    private static ArtifactProblem notFound(List<Candidate> files, List<DefinitionsFile> priorities,
                                            CentralDirectory.Listing listing) {
        List<String> wantedNames = priorities.stream().map(DefinitionsFile::fileName).toList();
        String missing = switch (wantedNames.size()) {
            case 1 -> "has no " + wantedNames.get(0);
            case 2 -> "contains neither " + wantedNames.get(0) + " nor " + wantedNames.get(1);
            default -> "contains none of " + String.join(", ", wantedNames);
        };
        Set<String> wanted = new HashSet<>(wantedNames);
        List<String> links = listing.entries().stream()
                .filter(e -> e.symlink() && wanted.contains(lastSegment(e.name())))
                .map(CentralDirectory.Entry::name)
                .toList();
        String linkNote = links.isEmpty() ? "" : " (" + quotedList(links, links.size())
                + (links.size() == 1 ? " is a symbolic link" : " are symbolic links") + ", which Tollgate does not follow)";
        List<String> names = files.stream().map(c -> c.entry().name()).toList();
        return new ArtifactProblem(ArtifactProblem.Kind.DEFINITIONS_NOT_FOUND, "The artifact " + missing + linkNote + ". It holds "
                + (names.size() == 1 ? "1 file: " : DisplayText.count(names.size()) + " files: ") + quotedList(names, NAMES_LISTED));
    }

    private static String lastSegment(String rawName) {
        return EntryPath.fileName(rawName.replace('\\', '/'));
    }

    private static String quotedList(List<String> names, int limit) {
        String shown = names.stream().limit(limit).map(DisplayText::quote).collect(Collectors.joining(", "));
        return names.size() > limit ? shown + " and " + DisplayText.count(names.size() - limit) + " more" : shown;
    }

    private static List<DefinitionsFile> checkWanted(List<DefinitionsFile> wanted) {
        List<DefinitionsFile> copy = List.copyOf(wanted);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("At least one definitions file must be wanted");
        }
        Map<String, DefinitionsFile> byName = new LinkedHashMap<>();
        for (DefinitionsFile file : copy) {
            if (byName.putIfAbsent(file.fileName(), file) != null) {
                throw new IllegalArgumentException("The definitions file " + file.fileName() + " is wanted twice");
            }
        }
        return copy;
    }
}
