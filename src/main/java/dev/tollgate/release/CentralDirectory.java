package dev.tollgate.release;

import static dev.tollgate.release.DisplayText.quote;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the central directory of a zip held in memory: the index at the end of every zip that
 * {@code unzip}, {@code java.util.zip.ZipFile} and deployment tooling treat as the truth about
 * which entries exist, their names, sizes and file types.
 *
 * <p>Local headers are never trusted for sizes (with data descriptors they hold zeros); they
 * are only cross-checked when an entry is actually read (see {@link EntryData}). Every offset
 * and length is bounds-checked, so a hostile zip yields an {@link ArtifactProblem}, never an
 * index exception. ZIP64 fields are honoured; split archives are refused.
 */
final class CentralDirectory {

    static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;
    private static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int END_SIZE = 22;
    private static final int ZIP64_END_SIZE = 56;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int CENTRAL_HEADER_SIZE = 46;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final long ZIP64_MAGIC_32 = 0xFFFFFFFFL;
    private static final int ZIP64_MAGIC_16 = 0xFFFF;
    private static final int ZIP64_EXTRA_ID = 0x0001;
    private static final int UTF8_NAME_FLAG = 1 << 11;
    private static final int UNIX_HOST = 3;
    private static final int MAC_OS_X_HOST = 19;
    private static final int FILE_TYPE_MASK = 0xF000;
    private static final int SYMLINK_TYPE = 0xA000;
    private static final int DIRECTORY_TYPE = 0x4000;
    private static final int DOS_DIRECTORY_ATTRIBUTE = 0x10;

    /**
     * One entry as the central directory describes it.
     *
     * @param name              the raw name, decoded as UTF-8 (or ISO-8859-1 if it is not UTF-8)
     * @param nameOffset        where the raw name bytes start in the zip, to compare with the local header
     * @param nameLength        how many raw name bytes there are
     * @param flags             general purpose flags (bit 0: encrypted)
     * @param method            compression method (0 stored, 8 deflate)
     * @param crc               CRC-32 of the uncompressed data
     * @param compressedSize    bytes of compressed data
     * @param uncompressedSize  bytes after decompression, as claimed
     * @param localHeaderOffset where the entry's local header starts
     * @param directory         whether the entry is a folder
     * @param symlink           whether the entry is a Unix symbolic link
     */
    record Entry(String name, int nameOffset, int nameLength, int flags, int method, long crc,
                 long compressedSize, long uncompressedSize, long localHeaderOffset, boolean directory, boolean symlink) {

        boolean encrypted() {
            return (flags & 1) != 0;
        }
    }

    /**
     * The entries and where their data region ends (the start of the central directory).
     *
     * @param entries   in central directory order
     * @param dataLimit no entry's header or data may reach past this offset
     */
    record Listing(List<Entry> entries, long dataLimit) {
    }

    private final byte[] zip;

    private CentralDirectory(byte[] zip) {
        this.zip = zip;
    }

    /**
     * Lists the entries of {@code zip}, enforcing the entry count limit before reading them.
     *
     * @throws ArtifactProblem NOT_A_ZIP, TRUNCATED_ARCHIVE, CORRUPT_ARCHIVE or TOO_MANY_ENTRIES
     */
    static Listing read(byte[] zip, ArtifactLimits limits) throws ArtifactProblem {
        return new CentralDirectory(zip).read(limits);
    }

    private Listing read(ArtifactLimits limits) throws ArtifactProblem {
        requireZipSignature();
        int end = findEnd();
        if (end < 0) {
            throw new ArtifactProblem(ArtifactProblem.Kind.TRUNCATED_ARCHIVE, "The artifact zip is incomplete: it stops before the "
                    + "directory every zip ends with, so the upload or download was probably cut short");
        }
        long diskNumber = u16(end + 4);
        long directoryDisk = u16(end + 6);
        long totalEntries = u16(end + 10);
        long directorySize = u32(end + 12);
        long directoryOffset = u32(end + 16);
        long directoryLimit = end;

        int locator = end - ZIP64_LOCATOR_SIZE;
        if (locator >= 0 && u32(locator) == ZIP64_LOCATOR_SIGNATURE) {
            long zip64End = u64(locator + 8);
            if (zip64End < 0 || zip64End > locator - ZIP64_END_SIZE || u32((int) zip64End) != ZIP64_END_SIGNATURE) {
                throw corrupt("its ZIP64 end record is missing or misplaced");
            }
            int at = (int) zip64End;
            diskNumber = u32(at + 16);
            directoryDisk = u32(at + 20);
            totalEntries = u64(at + 32);
            directorySize = u64(at + 40);
            directoryOffset = u64(at + 48);
            directoryLimit = at;
        }
        if (diskNumber != 0 || directoryDisk != 0) {
            throw corrupt("it is one part of a zip split across several files; Tollgate reads only single-file zips");
        }
        if (totalEntries < 0 || totalEntries > limits.maxEntries()) {
            throw new ArtifactProblem(ArtifactProblem.Kind.TOO_MANY_ENTRIES, "The artifact zip has "
                    + (totalEntries < 0 ? "an impossible number of" : DisplayText.count(totalEntries)) + " entries, more than the "
                    + DisplayText.count(limits.maxEntries()) + " Tollgate reads");
        }
        if (directoryOffset < 0 || directorySize < 0 || directoryOffset > directoryLimit || directorySize > directoryLimit - directoryOffset) {
            throw corrupt("its directory points outside the file");
        }
        List<Entry> entries = new ArrayList<>((int) totalEntries);
        int position = (int) directoryOffset;
        int directoryEnd = (int) (directoryOffset + directorySize);
        for (int i = 0; i < totalEntries; i++) {
            if (directoryEnd - position < CENTRAL_HEADER_SIZE || u32(position) != CENTRAL_HEADER_SIGNATURE) {
                throw corrupt("its directory lists " + DisplayText.count(totalEntries) + " entries but entry " + (i + 1) + " is missing or damaged");
            }
            Entry entry = readEntry(position, directoryEnd, directoryOffset);
            entries.add(entry);
            position = entry.nameOffset() + u16(position + 28) + u16(position + 30) + u16(position + 32);
        }
        if (position != directoryEnd) {
            throw corrupt("its directory is larger than the entries it lists");
        }
        return new Listing(List.copyOf(entries), directoryOffset);
    }

    private Entry readEntry(int at, int directoryEnd, long dataLimit) throws ArtifactProblem {
        int versionMadeBy = u16(at + 4);
        int flags = u16(at + 8);
        int method = u16(at + 10);
        long crc = u32(at + 16);
        long compressedSize = u32(at + 20);
        long uncompressedSize = u32(at + 24);
        int nameLength = u16(at + 28);
        int extraLength = u16(at + 30);
        int commentLength = u16(at + 32);
        long externalAttributes = u32(at + 38);
        long localHeaderOffset = u32(at + 42);
        int nameOffset = at + CENTRAL_HEADER_SIZE;
        if ((long) nameOffset + nameLength + extraLength + commentLength > directoryEnd) {
            throw corrupt("an entry in its directory runs past the directory's end");
        }
        String name = decodeName(nameOffset, nameLength, flags);

        // ZIP64 extra field: 8-byte values appear only for fields whose 32-bit value is the magic 0xFFFFFFFF, in this order.
        int extra = nameOffset + nameLength;
        int extraEnd = extra + extraLength;
        while (extraEnd - extra >= 4) {
            int id = u16(extra);
            int size = u16(extra + 2);
            int data = extra + 4;
            if (size > extraEnd - data) {
                throw corrupt("the entry " + quote(name) + " has a damaged extra field");
            }
            if (id == ZIP64_EXTRA_ID) {
                int cursor = data;
                int dataEnd = data + size;
                if (uncompressedSize == ZIP64_MAGIC_32) {
                    uncompressedSize = zip64Value(name, cursor, dataEnd);
                    cursor += 8;
                }
                if (compressedSize == ZIP64_MAGIC_32) {
                    compressedSize = zip64Value(name, cursor, dataEnd);
                    cursor += 8;
                }
                if (localHeaderOffset == ZIP64_MAGIC_32) {
                    localHeaderOffset = zip64Value(name, cursor, dataEnd);
                }
            }
            extra = data + size;
        }
        if (uncompressedSize < 0 || compressedSize < 0 || localHeaderOffset < 0) {
            throw corrupt("the entry " + quote(name) + " claims an impossible size or position");
        }
        if (localHeaderOffset > dataLimit || compressedSize > dataLimit - localHeaderOffset) {
            throw corrupt("the entry " + quote(name) + " points outside the file");
        }

        int host = versionMadeBy >>> 8;
        int unixMode = (int) (externalAttributes >>> 16);
        boolean unixAttributes = host == UNIX_HOST || host == MAC_OS_X_HOST;
        boolean symlink = unixAttributes && (unixMode & FILE_TYPE_MASK) == SYMLINK_TYPE;
        boolean directory = name.endsWith("/") || name.endsWith("\\")
                || (unixAttributes && (unixMode & FILE_TYPE_MASK) == DIRECTORY_TYPE)
                || (host == 0 && (externalAttributes & DOS_DIRECTORY_ATTRIBUTE) != 0);
        return new Entry(name, nameOffset, nameLength, flags, method, crc, compressedSize, uncompressedSize,
                localHeaderOffset, directory, symlink);
    }

    private long zip64Value(String name, int at, int end) throws ArtifactProblem {
        if (end - at < 8) {
            throw corrupt("the entry " + quote(name) + " has a ZIP64 field that is too short");
        }
        return u64(at);
    }

    // Many tools write UTF-8 names without setting the UTF-8 flag; ISO-8859-1 keeps any other bytes visible.
    private String decodeName(int offset, int length, int flags) throws ArtifactProblem {
        ByteBuffer bytes = ByteBuffer.wrap(zip, offset, length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            if ((flags & UTF8_NAME_FLAG) != 0) {
                throw corrupt("an entry name is marked as UTF-8 but is not");
            }
            return new String(zip, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    private void requireZipSignature() throws ArtifactProblem {
        if (zip.length == 0) {
            throw notAZip("it is empty (0 bytes)");
        }
        if (zip.length >= 4 && (u32(0) == LOCAL_HEADER_SIGNATURE || u32(0) == END_SIGNATURE)) {
            return;
        }
        if (zip.length >= 2 && (zip[0] & 0xFF) == 0x1F && (zip[1] & 0xFF) == 0x8B) {
            throw notAZip("it looks like a gzip file");
        }
        int first = 0;
        while (first < zip.length && first < 64 && Character.isWhitespace(zip[first])) {
            first++;
        }
        if (first < zip.length && (zip[first] == '[' || zip[first] == '{')) {
            throw notAZip("it looks like JSON; CodePipeline passes build output between actions as zip files");
        }
        throw notAZip(null);
    }

    // The end record is the last 22 bytes plus a comment of up to 64 KB; search backwards from the end.
    private int findEnd() {
        int lowest = Math.max(0, zip.length - END_SIZE - MAX_COMMENT);
        for (int at = zip.length - END_SIZE; at >= lowest; at--) {
            if (u32(at) == END_SIGNATURE && at + END_SIZE + u16(at + 20) <= zip.length) {
                return at;
            }
        }
        return -1;
    }

    private int u16(int at) {
        return (zip[at] & 0xFF) | (zip[at + 1] & 0xFF) << 8;
    }

    private long u32(int at) {
        return (u16(at) | (long) u16(at + 2) << 16) & 0xFFFFFFFFL;
    }

    // Values above Long.MAX_VALUE come back negative, which callers treat as impossible.
    private long u64(int at) {
        return u32(at) | u32(at + 4) << 32;
    }

    private static ArtifactProblem notAZip(String hint) {
        return new ArtifactProblem(ArtifactProblem.Kind.NOT_A_ZIP, "The artifact is not a zip archive" + (hint == null ? "" : ": " + hint));
    }

    static ArtifactProblem corrupt(String what) {
        return new ArtifactProblem(ArtifactProblem.Kind.CORRUPT_ARCHIVE, "The artifact zip is damaged: " + what);
    }
}
