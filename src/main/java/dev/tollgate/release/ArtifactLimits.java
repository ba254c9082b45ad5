package dev.tollgate.release;

/**
 * The hard limits Tollgate applies to a build artifact before trusting anything in it.
 *
 * <p>{@link #defaults()} fits real CodeBuild output (a definitions file of a few hundred bytes,
 * sometimes next to other build outputs) with a wide margin, while bounding memory and time.
 *
 * @param maxArchiveBytes           most compressed bytes read from the artifact stream (default 20 MB);
 *                                  the zip is held in memory up to this size
 * @param maxEntries                most entries in the zip's central directory (default 10,000)
 * @param maxDefinitionsBytes       largest definitions file, uncompressed (default 100 KB)
 * @param maxTotalUncompressedBytes most bytes all entries together may claim to unpack to (default 1 GB)
 * @param maxCompressionRatio       highest uncompressed:compressed ratio of one entry (default 100)
 * @param ratioFloorBytes           entries smaller than this (uncompressed) skip the ratio check, since a
 *                                  small file of spaces compresses 1000:1 harmlessly (default 1 MB)
 * @param maxJsonDepth              deepest JSON nesting in a definitions file (default 32; the format needs 2)
 */
public record ArtifactLimits(
        int maxArchiveBytes,
        int maxEntries,
        int maxDefinitionsBytes,
        long maxTotalUncompressedBytes,
        int maxCompressionRatio,
        long ratioFloorBytes,
        int maxJsonDepth) {

    private static final int KB = 1024;
    private static final int MB = 1024 * KB;

    /** Checks every limit is positive and that the archive fits in a Java array. */
    public ArtifactLimits {
        requirePositive(maxArchiveBytes, "maxArchiveBytes");
        requirePositive(maxEntries, "maxEntries");
        requirePositive(maxDefinitionsBytes, "maxDefinitionsBytes");
        requirePositive(maxTotalUncompressedBytes, "maxTotalUncompressedBytes");
        requirePositive(maxCompressionRatio, "maxCompressionRatio");
        requirePositive(maxJsonDepth, "maxJsonDepth");
        if (ratioFloorBytes < 0) {
            throw new IllegalArgumentException("ratioFloorBytes must not be negative: " + ratioFloorBytes);
        }
        if (maxArchiveBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxArchiveBytes must fit in an array: " + maxArchiveBytes);
        }
        if (maxJsonDepth > 1000) {
            throw new IllegalArgumentException("maxJsonDepth above 1000 risks a stack overflow: " + maxJsonDepth);
        }
    }

    /** The limits Tollgate uses unless configured otherwise. */
    public static ArtifactLimits defaults() {
        return new ArtifactLimits(20 * MB, 10_000, 100 * KB, 1024L * MB, 100, MB, 32);
    }

    /** A copy with another archive size limit. */
    public ArtifactLimits withMaxArchiveBytes(int bytes) {
        return new ArtifactLimits(bytes, maxEntries, maxDefinitionsBytes, maxTotalUncompressedBytes, maxCompressionRatio, ratioFloorBytes, maxJsonDepth);
    }

    /** A copy with another entry count limit. */
    public ArtifactLimits withMaxEntries(int entries) {
        return new ArtifactLimits(maxArchiveBytes, entries, maxDefinitionsBytes, maxTotalUncompressedBytes, maxCompressionRatio, ratioFloorBytes, maxJsonDepth);
    }

    /** A copy with another definitions file size limit. */
    public ArtifactLimits withMaxDefinitionsBytes(int bytes) {
        return new ArtifactLimits(maxArchiveBytes, maxEntries, bytes, maxTotalUncompressedBytes, maxCompressionRatio, ratioFloorBytes, maxJsonDepth);
    }

    /** A copy with another limit on what the whole zip may unpack to. */
    public ArtifactLimits withMaxTotalUncompressedBytes(long bytes) {
        return new ArtifactLimits(maxArchiveBytes, maxEntries, maxDefinitionsBytes, bytes, maxCompressionRatio, ratioFloorBytes, maxJsonDepth);
    }

    /** A copy with another compression ratio limit. */
    public ArtifactLimits withMaxCompressionRatio(int ratio) {
        return new ArtifactLimits(maxArchiveBytes, maxEntries, maxDefinitionsBytes, maxTotalUncompressedBytes, ratio, ratioFloorBytes, maxJsonDepth);
    }

    /** A copy with another JSON nesting limit. */
    public ArtifactLimits withMaxJsonDepth(int depth) {
        return new ArtifactLimits(maxArchiveBytes, maxEntries, maxDefinitionsBytes, maxTotalUncompressedBytes, maxCompressionRatio, ratioFloorBytes, depth);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
