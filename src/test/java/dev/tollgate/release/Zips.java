package dev.tollgate.release;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds honest zips with the JDK's own writer, which uses data descriptors for deflated entries. */
final class Zips {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, Boolean> storedEntries = new LinkedHashMap<>();

    static Zips zip() {
        return new Zips();
    }

    Zips with(String name, String content) {
        return with(name, content.getBytes(UTF_8));
    }

    Zips with(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    /** Adds an entry without compression, as zips hold already-compressed files. */
    Zips withStored(String name, byte[] content) {
        storedEntries.put(name, true);
        return with(name, content);
    }

    Zips withFolder(String name) {
        return with(name.endsWith("/") ? name : name + "/", new byte[0]);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (storedEntries.containsKey(e.getKey())) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
