package dev.tollgate.sandbox.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** An object in the sandbox S3; the ETag is the MD5 of the bytes, as S3 computes it for single-part uploads. */
public record StoredObject(byte[] content, String contentType, String etag, Instant lastModified) {

    public static StoredObject of(byte[] content, String contentType, Instant lastModified) {
        return new StoredObject(content.clone(), contentType, "\"" + md5(content) + "\"", lastModified);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK ships MD5", e);
        }
    }
}
