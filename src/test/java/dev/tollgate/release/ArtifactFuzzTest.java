package dev.tollgate.release;

import static dev.tollgate.release.RawZip.file;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged and hostile variants of valid artifacts: reading one may succeed or fail with an
 * {@link ArtifactProblem}, but must never throw anything else, hang, or exhaust memory.
 */
class ArtifactFuzzTest {

    private static final long SEED = 0xA27_1FAC7L;
    private static final String JSON = "[{\"name\":\"web\",\"imageUri\":\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:1@sha256:"
            + "ab".repeat(32) + "\",\"x\":[1,{\"y\":null}]},{\"name\":\"proxy\",\"imageUri\":\"nginx\"}]";
    private static final List<byte[]> ARTIFACTS = List.of(
            Zips.zip().with("appspec.yaml", "version: 0.0").with("imagedefinitions.json", JSON).bytes(),
            Zips.zip().withFolder("build").with("build/imageDetail.json", "{\"ImageURI\":\"nginx:1\"}").bytes(),
            new RawZip().add(file("imagedefinitions.json", JSON).stored()).bytes(),
            new RawZip().zip64().add(file("a", "a")).add(file("imagedefinitions.json", JSON)).bytes(),
            new RawZip().add(file("imagedefinitions.json", "/x").stored().symlink()).add(file("b/imagedefinitions.json", JSON)).bytes());
    private static final int[] INTERESTING = {0, 1, 0x7F, 0x80, 0xFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF};

    @Test
    void mutatedArtifactsFailOnlyWithArtifactProblems() {
        Random random = new Random(SEED);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 30_000; i++) {
                byte[] zip = mutate(random, ARTIFACTS.get(random.nextInt(ARTIFACTS.size())));
                readExpectingOnlyArtifactProblems(zip, i);
            }
        });
    }

    @Test
    void mutatedDefinitionsFailOnlyWithArtifactProblems() {
        Random random = new Random(SEED + 1);
        byte[] json = JSON.getBytes(UTF_8);
        byte[] detail = "{\"ImageURI\":\"nginx:1\",\"Other\":[{}]}".getBytes(UTF_8);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 30_000; i++) {
                boolean useDetail = random.nextBoolean();
                byte[] mutated = mutateText(random, useDetail ? detail : json);
                try {
                    ImageDefinitions.parse(useDetail ? DefinitionsFile.IMAGE_DETAIL : DefinitionsFile.IMAGE_DEFINITIONS, mutated);
                } catch (ArtifactProblem expected) {
                    // any documented failure is fine
                } catch (RuntimeException | StackOverflowError unexpected) {
                    fail("iteration %d (seed %s) on %s threw %s", i, SEED + 1, new String(mutated, UTF_8), unexpected, unexpected);
                }
            }
        });
    }

    private static void readExpectingOnlyArtifactProblems(byte[] zip, int iteration) {
        try {
            ArtifactArchive.read(zip, ArtifactLimits.defaults(), DefinitionsFile.standard());
        } catch (ArtifactProblem expected) {
            if (expected.getMessage().isBlank()) {
                fail("iteration %d produced an empty message", iteration);
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError unexpected) {
            fail("iteration %d (seed %s) threw %s for %s", iteration, SEED, unexpected, Arrays.toString(zip), unexpected);
        }
    }

    private static byte[] mutate(Random random, byte[] original) {
        byte[] zip = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    zip[random.nextInt(zip.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> zip = Arrays.copyOf(zip, random.nextInt(zip.length));
            case 2 -> {
                // Clobber what may be a size, offset, count or length field with an edge value.
                int at = random.nextInt(zip.length - 4);
                int value = INTERESTING[random.nextInt(INTERESTING.length)];
                int width = random.nextBoolean() ? 2 : 4;
                for (int b = 0; b < width; b++) {
                    zip[at + b] = (byte) (value >>> (8 * b));
                }
            }
            default -> {
                int at = random.nextInt(zip.length);
                byte[] grown = new byte[zip.length + 1 + random.nextInt(16)];
                System.arraycopy(zip, 0, grown, 0, at);
                System.arraycopy(zip, at, grown, grown.length - (zip.length - at), zip.length - at);
                zip = grown;
            }
        }
        return zip;
    }

    private static byte[] mutateText(Random random, byte[] original) {
        byte[] text = original.clone();
        String specials = "[]{}\",:\\ \u0000";
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int at = random.nextInt(text.length);
            text[at] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : (byte) specials.charAt(random.nextInt(specials.length()));
        }
        return random.nextInt(5) == 0 ? Arrays.copyOf(text, random.nextInt(text.length)) : text;
    }
}
