package dev.tollgate.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property tests: whatever string arrives, {@link ImageRef#parse} either returns a reference that
 * survives a round trip or throws {@link ImageRefException}, and it does so quickly.
 */
class ImageRefFuzzTest {

    private static final long SEED = 0x7011_6A7EL;
    private static final String ALPHABET = "abcxyz019ABZ._-:/@[]+ \t\u00e4\u202e%";
    private static final List<String> SEEDS = List.of(
            "nginx",
            "nginx:1.27",
            "registry.local:5000/team/app:1.2",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1.0@sha256:" + "0f".repeat(32),
            "public.ecr.aws/nginx/nginx@sha256:" + "a1".repeat(32),
            "[fd00::1]:5000/app",
            "ghcr.io/a.b_c__d---e/f:v_1.2-rc");

    @Test
    void randomStringsEitherParseAndRoundTripOrThrowImageRefException() {
        Random random = new Random(SEED);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 100_000; i++) {
                checkOne(randomString(random, random.nextInt(60)));
            }
        });
    }

    @Test
    void mutatedValidReferencesEitherParseAndRoundTripOrThrowImageRefException() {
        Random random = new Random(SEED + 1);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 100_000; i++) {
                String text = SEEDS.get(random.nextInt(SEEDS.size()));
                int mutations = 1 + random.nextInt(4);
                for (int m = 0; m < mutations; m++) {
                    text = mutate(random, text);
                }
                checkOne(text);
            }
        });
    }

    @Test
    void pathologicalLongInputsAreAnsweredQuickly() {
        List<String> inputs = List.of(
                "a-".repeat(1023) + "a",
                "a".repeat(2048),
                "a".repeat(2049),
                "x".repeat(10_000_000),
                "a/".repeat(1024),
                "[" + ":".repeat(2040) + "]/a",
                "a." .repeat(1023) + "a/b",
                "app:" + "1".repeat(2000),
                "app@sha256:" + "0".repeat(2000),
                "a" + "__a".repeat(680));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> inputs.forEach(ImageRefFuzzTest::checkOne));
    }

    @Test
    void referencesBuiltFromTheGrammarAlwaysParseBackToTheirParts() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 20_000; i++) {
            String registry = random.nextBoolean() ? randomHost(random) : null;
            String repository = randomPath(random, registry == null);
            Optional<String> tag = random.nextBoolean() ? Optional.of(randomTag(random)) : Optional.empty();
            Optional<String> digest = random.nextInt(3) == 0 ? Optional.of(randomDigest(random)) : Optional.empty();
            String text = (registry == null ? "" : registry + "/") + repository
                    + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
            if ((registry == null ? 10 : registry.length()) + 1 + repository.length() > 240) {
                continue;
            }

            ImageRef ref = ImageRef.parse(text);

            assertThat(ref.tag()).as(text).isEqualTo(tag);
            assertThat(ref.digest()).as(text).isEqualTo(digest);
            if (registry != null) {
                assertThat(ref.registry()).as(text).isEqualTo(registry);
                assertThat(ref.repository()).as(text).isEqualTo(repository);
            } else {
                assertThat(ref.registry()).as(text).isEqualTo("docker.io");
                assertThat(ref.repository()).as(text).endsWith(repository);
            }
        }
    }

    private static void checkOne(String text) {
        ImageRef ref;
        try {
            ref = ImageRef.parse(text);
        } catch (ImageRefException expected) {
            assertThat(expected.getMessage()).as("message for %s", text).isNotBlank().doesNotContain("Exception");
            return;
        } catch (RuntimeException | StackOverflowError unexpected) {
            fail("ImageRef.parse(%s) threw %s (seed %s)", DisplayText.quote(text), unexpected, SEED, unexpected);
            return;
        }
        assertThat(ImageRef.parse(ref.toString())).as("round trip of %s", text).isEqualTo(ref);
        assertThat(ref.name().length()).isLessThanOrEqualTo(255);
    }

    private static String randomString(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static String mutate(Random random, String text) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        return switch (random.nextInt(5)) {
            case 0 -> text.substring(0, at) + c + text.substring(at);
            case 1 -> text.isEmpty() ? text : text.substring(0, at) + text.substring(at + 1);
            case 2 -> text.isEmpty() ? text : text.substring(0, at) + c + text.substring(at + 1);
            case 3 -> text.substring(0, at);
            default -> text + text.substring(at);
        };
    }

    private static String randomHost(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "localhost";
            case 1 -> "registry-" + random.nextInt(100) + ".example.com";
            case 2 -> "reg.local:" + (1 + random.nextInt(65535));
            default -> String.format("%012d.dkr.ecr.eu-west-%d.amazonaws.com", Math.abs(random.nextLong() % 1_000_000_000_000L), 1 + random.nextInt(3));
        };
    }

    private static String randomPath(Random random, boolean onDockerHub) {
        int parts = 1 + random.nextInt(onDockerHub ? 2 : 4);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                path.append('/');
            }
            path.append(randomAlnum(random, 1 + random.nextInt(6)));
            // Without a registry, a '.' in the first part would make Docker read that part as a host.
            List<String> separators = onDockerHub && i == 0 ? List.of("_", "__", "-", "---") : List.of(".", "_", "__", "-", "---");
            int separated = random.nextInt(3);
            for (int s = 0; s < separated; s++) {
                path.append(separators.get(random.nextInt(separators.size()))).append(randomAlnum(random, 1 + random.nextInt(4)));
            }
        }
        return path.toString();
    }

    private static String randomAlnum(Random random, int length) {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(chars.charAt(random.nextInt(chars.length())));
        }
        return out.toString();
    }

    private static String randomTag(Random random) {
        String first = "abcXYZ019_";
        String rest = "abcXYZ019_.-";
        StringBuilder out = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        int length = random.nextInt(random.nextInt(10) == 0 ? 128 : 12);
        for (int i = 0; i < length; i++) {
            out.append(rest.charAt(random.nextInt(rest.length())));
        }
        return out.toString();
    }

    private static String randomDigest(Random random) {
        StringBuilder hex = new StringBuilder("sha256:");
        for (int i = 0; i < 64; i++) {
            hex.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return hex.toString();
    }
}
