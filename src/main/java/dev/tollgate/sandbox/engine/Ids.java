package dev.tollgate.sandbox.engine;

import java.util.Random;
import java.util.UUID;

/** Identifiers drawn from the engine's seeded random source, so a seed reproduces the same ids. */
public final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Random random;

    public Ids(Random random) {
        this.random = random;
    }

    /** A version-4 style UUID, as CodePipeline uses for execution ids and approval tokens. */
    public String uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    public String hex(int length) {
        return draw(HEX, length);
    }

    public String alphanumeric(int length) {
        return draw(ALNUM, length);
    }

    private String draw(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
