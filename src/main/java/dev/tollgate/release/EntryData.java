package dev.tollgate.release;

import static dev.tollgate.release.CentralDirectory.corrupt;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the bytes of one zip entry, trusting nothing it has not checked.
 *
 * <p>The local header must agree with the central directory on name and method; the output is
 * capped while inflating (headers may lie about sizes, and data descriptors leave them blank in
 * local headers), and the result must match the directory's size and CRC-32.
 */
final class EntryData {

    private static final int LOCAL_HEADER_SIZE = 30;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    private EntryData() {
    }

    /**
     * Returns the entry's uncompressed bytes.
     *
     * @param zip      the whole archive
     * @param listing  the archive's directory, for the data region's end
     * @param entry    the entry to read
     * @param label    how messages name the entry, e.g. {@code imagedefinitions.json}
     * @param maxBytes the most uncompressed bytes to accept
     * @throws ArtifactProblem UNSUPPORTED_ENTRY, DEFINITIONS_TOO_LARGE or CORRUPT_ARCHIVE
     */
    static byte[] read(byte[] zip, CentralDirectory.Listing listing, CentralDirectory.Entry entry, String label, int maxBytes)
            throws ArtifactProblem {
        if (entry.encrypted()) {
            throw new ArtifactProblem(ArtifactProblem.Kind.UNSUPPORTED_ENTRY, label + " is encrypted in the artifact zip; Tollgate cannot read it");
        }
        if (entry.method() != STORED && entry.method() != DEFLATED) {
            throw new ArtifactProblem(ArtifactProblem.Kind.UNSUPPORTED_ENTRY, label + " is compressed with " + methodName(entry.method())
                    + ", which Tollgate cannot read; zip tools use deflate by default");
        }
        if (entry.uncompressedSize() > maxBytes) {
            throw new ArtifactProblem(ArtifactProblem.Kind.DEFINITIONS_TOO_LARGE, label + " is " + DisplayText.bytes(entry.uncompressedSize())
                    + ", over the " + DisplayText.bytes(maxBytes) + " limit Tollgate reads");
        }
        int header = (int) entry.localHeaderOffset();
        if (listing.dataLimit() - header < LOCAL_HEADER_SIZE || u32(zip, header) != CentralDirectory.LOCAL_HEADER_SIGNATURE) {
            throw corrupt("the header of " + label + " is missing where the zip's directory says it is");
        }
        int nameLength = u16(zip, header + 26);
        int extraLength = u16(zip, header + 28);
        long dataStart = (long) header + LOCAL_HEADER_SIZE + nameLength + extraLength;
        if (dataStart > listing.dataLimit() || !Arrays.equals(zip, header + LOCAL_HEADER_SIZE, header + LOCAL_HEADER_SIZE + nameLength,
                zip, entry.nameOffset(), entry.nameOffset() + entry.nameLength())) {
            throw corrupt("the zip's directory and the entry's own header disagree about the name of " + label);
        }
        if (u16(zip, header + 8) != entry.method()) {
            throw corrupt("the zip's directory and the entry's own header disagree about how " + label + " is compressed");
        }
        if (entry.compressedSize() > listing.dataLimit() - dataStart) {
            throw corrupt("the data of " + label + " runs past the end of the entries");
        }
        int start = (int) dataStart;
        int length = (int) entry.compressedSize();
        byte[] data = entry.method() == STORED ? stored(zip, start, length, entry, label) : inflate(zip, start, length, label, maxBytes);
        if (data.length != entry.uncompressedSize()) {
            throw corrupt(label + " unpacks to " + DisplayText.bytes(data.length) + " but the zip says "
                    + DisplayText.bytes(entry.uncompressedSize()));
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        if (crc.getValue() != entry.crc()) {
            throw corrupt(label + " fails its checksum, so its content is not what was zipped");
        }
        return data;
    }

    private static byte[] stored(byte[] zip, int start, int length, CentralDirectory.Entry entry, String label) throws ArtifactProblem {
        if (length != entry.uncompressedSize()) {
            throw corrupt(label + " is stored uncompressed, yet its two sizes differ");
        }
        return Arrays.copyOfRange(zip, start, start + length);
    }

    private static byte[] inflate(byte[] zip, int start, int length, String label, int maxBytes) throws ArtifactProblem {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(zip, start, length);
            // One byte of room past the limit tells "exactly at the limit" from "over it".
            byte[] out = new byte[Math.min(maxBytes + 1, 64 * 1024)];
            int written = 0;
            boolean paddedInput = false;
            while (!inflater.finished()) {
                if (written == out.length) {
                    if (out.length > maxBytes) {
                        throw new ArtifactProblem(ArtifactProblem.Kind.DEFINITIONS_TOO_LARGE, label + " unpacks to more than "
                                + DisplayText.bytes(maxBytes) + " although the zip claims less; Tollgate stops reading at its limit");
                    }
                    out = Arrays.copyOf(out, Math.min(out.length * 2, maxBytes + 1));
                }
                int n = inflater.inflate(out, written, out.length - written);
                written += n;
                if (n == 0 && inflater.needsInput()) {
                    // Raw inflate may want one byte past the data to see the end of the stream, as ZipFile supplies.
                    if (paddedInput) {
                        throw corrupt("the compressed data of " + label + " ends before the file does");
                    }
                    inflater.setInput(new byte[1]);
                    paddedInput = true;
                } else if (n == 0 && !inflater.finished()) {
                    throw corrupt("the compressed data of " + label + " cannot be unpacked");
                }
            }
            return Arrays.copyOf(out, written);
        } catch (DataFormatException e) {
            throw new ArtifactProblem(ArtifactProblem.Kind.CORRUPT_ARCHIVE, "The artifact zip is damaged: the compressed data of "
                    + label + " is invalid", e);
        } finally {
            inflater.end();
        }
    }

    private static String methodName(int method) {
        return switch (method) {
            case 9 -> "Deflate64 (method 9)";
            case 12 -> "bzip2 (method 12)";
            case 14 -> "LZMA (method 14)";
            case 93 -> "Zstandard (method 93)";
            case 95 -> "XZ (method 95)";
            case 99 -> "AES encryption (method 99)";
            default -> "compression method " + method;
        };
    }

    private static int u16(byte[] zip, int at) {
        return (zip[at] & 0xFF) | (zip[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] zip, int at) {
        return (u16(zip, at) | (long) u16(zip, at + 2) << 16) & 0xFFFFFFFFL;
    }
}
