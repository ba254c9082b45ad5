package dev.tollgate.release;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zips byte by byte so tests can build what {@code ZipOutputStream} refuses to: duplicate
 * names, lying sizes and checksums, symbolic links, encrypted flags, foreign methods, ZIP64
 * records, and local headers that disagree with the central directory.
 */
final class RawZip {

    private static final int UNIX = 3;
    private static final int UTF8_FLAG = 1 << 11;

    private final List<Entry> entries = new ArrayList<>();
    private boolean zip64;

    /** One entry and the ways it may deviate from an honest zip. */
    static final class Entry {
        private final String name;
        private final byte[] content;
        private int method = 8;
        private int unixMode = 0100644;
        private int flags = UTF8_FLAG;
        private Long claimedSize;
        private Long claimedCrc;
        private String localName;

        private Entry(String name, byte[] content) {
            this.name = name;
            this.content = content;
        }

        Entry stored() {
            method = 0;
            return this;
        }

        /** Declares a method but stores the bytes as they are. */
        Entry method(int method) {
            this.method = method;
            return this;
        }

        Entry symlink() {
            unixMode = 0120777;
            return this;
        }

        Entry encrypted() {
            flags |= 1;
            return this;
        }

        Entry claimingSize(long size) {
            claimedSize = size;
            return this;
        }

        Entry claimingCrc(long crc) {
            claimedCrc = crc;
            return this;
        }

        /** Writes another name into the local header than into the central directory. */
        Entry localName(String name) {
            localName = name;
            return this;
        }
    }

    static Entry file(String name, String content) {
        return new Entry(name, content.getBytes(UTF_8));
    }

    static Entry file(String name, byte[] content) {
        return new Entry(name, content);
    }

    RawZip add(Entry entry) {
        entries.add(entry);
        return this;
    }

    RawZip zip64() {
        zip64 = true;
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] data = e.method == 8 ? deflate(e.content) : e.content;
            CRC32 crc = new CRC32();
            crc.update(e.content);
            long crcValue = e.claimedCrc != null ? e.claimedCrc : crc.getValue();
            long size = e.claimedSize != null ? e.claimedSize : e.content.length;
            long offset = out.size();
            byte[] localName = (e.localName != null ? e.localName : e.name).getBytes(UTF_8);
            byte[] name = e.name.getBytes(UTF_8);

            byte[] localExtra = zip64 ? zip64Extra(size, data.length, -1) : new byte[0];
            u32(out, 0x04034b50);
            u16(out, zip64 ? 45 : 20);
            u16(out, e.flags);
            u16(out, e.method);
            u16(out, 0);
            u16(out, 0x21);
            u32(out, crcValue);
            u32(out, zip64 ? 0xFFFFFFFFL : data.length);
            u32(out, zip64 ? 0xFFFFFFFFL : size);
            u16(out, localName.length);
            u16(out, localExtra.length);
            out.writeBytes(localName);
            out.writeBytes(localExtra);
            out.writeBytes(data);

            byte[] extra = zip64 ? zip64Extra(size, data.length, offset) : new byte[0];
            u32(directory, 0x02014b50);
            u16(directory, UNIX << 8 | 20);
            u16(directory, zip64 ? 45 : 20);
            u16(directory, e.flags);
            u16(directory, e.method);
            u16(directory, 0);
            u16(directory, 0x21);
            u32(directory, crcValue);
            u32(directory, zip64 ? 0xFFFFFFFFL : data.length);
            u32(directory, zip64 ? 0xFFFFFFFFL : size);
            u16(directory, name.length);
            u16(directory, extra.length);
            u16(directory, 0);
            u16(directory, 0);
            u16(directory, 0);
            u32(directory, (long) e.unixMode << 16);
            u32(directory, zip64 ? 0xFFFFFFFFL : offset);
            directory.writeBytes(name);
            directory.writeBytes(extra);
        }
        long directoryOffset = out.size();
        out.writeBytes(directory.toByteArray());
        if (zip64) {
            long zip64End = out.size();
            u32(out, 0x06064b50);
            u64(out, 44);
            u16(out, 45);
            u16(out, 45);
            u32(out, 0);
            u32(out, 0);
            u64(out, entries.size());
            u64(out, entries.size());
            u64(out, directory.size());
            u64(out, directoryOffset);
            u32(out, 0x07064b50);
            u32(out, 0);
            u64(out, zip64End);
            u32(out, 1);
        }
        u32(out, 0x06054b50);
        u16(out, 0);
        u16(out, 0);
        u16(out, zip64 ? 0xFFFF : entries.size());
        u16(out, zip64 ? 0xFFFF : entries.size());
        u32(out, zip64 ? 0xFFFFFFFFL : directory.size());
        u32(out, zip64 ? 0xFFFFFFFFL : directoryOffset);
        u16(out, 0);
        return out.toByteArray();
    }

    private static byte[] zip64Extra(long size, long compressedSize, long offset) {
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        u16(extra, 0x0001);
        u16(extra, offset < 0 ? 16 : 24);
        u64(extra, size);
        u64(extra, compressedSize);
        if (offset >= 0) {
            u64(extra, offset);
        }
        return extra.toByteArray();
    }

    static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >>> 8 & 0xFF);
    }

    private static void u32(ByteArrayOutputStream out, long value) {
        u16(out, (int) (value & 0xFFFF));
        u16(out, (int) (value >>> 16 & 0xFFFF));
    }

    private static void u64(ByteArrayOutputStream out, long value) {
        u32(out, value & 0xFFFFFFFFL);
        u32(out, value >>> 32);
    }
}
