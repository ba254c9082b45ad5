package dev.tollgate.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {

    static final String DIGEST = "sha256:" + "ab12".repeat(16);
    static final String ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";

    @Nested
    class Ecr {

        @Test
        void readsAccountRegionRepositoryAndTagOfAnEcrImage() {
            ImageRef ref = ImageRef.parse(ECR + "/team/payments-api:1.4.2");

            assertThat(ref.registry()).isEqualTo(ECR);
            assertThat(ref.repository()).isEqualTo("team/payments-api");
            assertThat(ref.tag()).contains("1.4.2");
            assertThat(ref.digest()).isEmpty();
            assertThat(ref.isEcr()).isTrue();
            assertThat(ref.ecr()).contains(new EcrRegistry("123456789012", "eu-west-1", false));
            assertThat(ref.isPublicEcr()).isFalse();
            assertThat(ref.tagImplied()).isFalse();
        }

        @Test
        void recognisesChinaFipsAndDualStackEcrHosts() {
            assertThat(ImageRef.parse("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1").ecr())
                    .contains(new EcrRegistry("123456789012", "cn-north-1", false));
            assertThat(ImageRef.parse("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app:1").ecr())
                    .contains(new EcrRegistry("123456789012", "us-gov-west-1", true));
            assertThat(ImageRef.parse("123456789012.dkr-ecr.ap-southeast-2.on.aws/app:1").ecr())
                    .contains(new EcrRegistry("123456789012", "ap-southeast-2", false));
        }

        @Test
        void recognisesEcrHostsWrittenInUppercase() {
            assertThat(ImageRef.parse("123456789012.DKR.ECR.EU-WEST-1.AMAZONAWS.COM/app:1").ecr())
                    .contains(new EcrRegistry("123456789012", "eu-west-1", false));
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "12345678901.dkr.ecr.eu-west-1.amazonaws.com/app:1",     // 11-digit account
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com:443/app:1", // explicit port
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.example/app:1",
            "evil.example/123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1",
            "public.ecr.aws/nginx/nginx:1.27",
        })
        void doesNotMistakeLookalikeHostsForPrivateEcr(String text) {
            assertThat(ImageRef.parse(text).isEcr()).isFalse();
        }

        @Test
        void recognisesPublicEcrSeparately() {
            ImageRef ref = ImageRef.parse("public.ecr.aws/nginx/nginx:1.27");

            assertThat(ref.isPublicEcr()).isTrue();
            assertThat(ref.registry()).isEqualTo("public.ecr.aws");
            assertThat(ref.repository()).isEqualTo("nginx/nginx");
        }
    }

    @Nested
    class DockerHub {

        @Test
        void expandsAnOfficialImageToLibraryOnDockerHubWithImpliedLatest() {
            ImageRef ref = ImageRef.parse("nginx");

            assertThat(ref.registry()).isEqualTo("docker.io");
            assertThat(ref.repository()).isEqualTo("library/nginx");
            assertThat(ref.tagImplied()).isTrue();
            assertThat(ref.effectiveTag()).contains("latest");
            assertThat(ref.isLatestTag()).isTrue();
            assertThat(ref.isDockerHub()).isTrue();
            assertThat(ref).hasToString("docker.io/library/nginx");
        }

        @Test
        void keepsAUserRepositoryOnDockerHubAsWritten() {
            assertThat(ImageRef.parse("bitnami/redis:7.2").name()).isEqualTo("docker.io/bitnami/redis");
        }

        @Test
        void normalisesIndexDockerIoToDockerIo() {
            assertThat(ImageRef.parse("index.docker.io/nginx:1").name()).isEqualTo("docker.io/library/nginx");
        }

        @Test
        void treatsAnExplicitLatestTagAsNotImpliedButStillLatest() {
            ImageRef ref = ImageRef.parse("nginx:latest");

            assertThat(ref.tagImplied()).isFalse();
            assertThat(ref.isLatestTag()).isTrue();
        }
    }

    @Nested
    class HostsPortsAndTags {

        @Test
        void readsAPortOnTheRegistryAndATagOnTheRepository() {
            ImageRef ref = ImageRef.parse("registry.local:5000/team/app:1.2");

            assertThat(ref.registry()).isEqualTo("registry.local:5000");
            assertThat(ref.host()).isEqualTo("registry.local");
            assertThat(ref.port()).isEqualTo(OptionalInt.of(5000));
            assertThat(ref.repository()).isEqualTo("team/app");
            assertThat(ref.tag()).contains("1.2");
            assertThat(ref.isEcr()).isFalse();
        }

        @Test
        void readsTheNumberAfterARepositoryWithoutSlashAsATagNotAPort() {
            ImageRef ref = ImageRef.parse("app:5000");

            assertThat(ref.registry()).isEqualTo("docker.io");
            assertThat(ref.repository()).isEqualTo("library/app");
            assertThat(ref.tag()).contains("5000");
            assertThat(ref.port()).isEmpty();
        }

        @Test
        void treatsAFirstComponentWithADotAsARegistryLikeDockerDoes() {
            ImageRef ref = ImageRef.parse("my.team/app:1");

            assertThat(ref.registry()).isEqualTo("my.team");
            assertThat(ref.repository()).isEqualTo("app");
        }

        @Test
        void treatsLocalhostAsARegistryEvenWithoutDotOrPort() {
            ImageRef ref = ImageRef.parse("localhost/app");

            assertThat(ref.registry()).isEqualTo("localhost");
            assertThat(ref.repository()).isEqualTo("app");
        }

        @Test
        void treatsAFirstComponentWithoutDotOrColonAsPartOfTheRepository() {
            ImageRef ref = ImageRef.parse("team/app:1");

            assertThat(ref.registry()).isEqualTo("docker.io");
            assertThat(ref.repository()).isEqualTo("team/app");
        }

        @Test
        void acceptsDeeplyNestedRepositoryPathsOnGhcr() {
            ImageRef ref = ImageRef.parse("ghcr.io/acme/platform/tools/app:v2");

            assertThat(ref.repository()).isEqualTo("acme/platform/tools/app");
            assertThat(ref.isEcr()).isFalse();
        }

        @Test
        void acceptsAnIpv6RegistryWithPort() {
            ImageRef ref = ImageRef.parse("[fd00::1]:5000/app:1");

            assertThat(ref.host()).isEqualTo("[fd00::1]");
            assertThat(ref.port()).isEqualTo(OptionalInt.of(5000));
        }

        @Test
        void acceptsSeparatorsTheGrammarAllows() {
            assertThat(ImageRef.parse("ghcr.io/a.b_c__d---e/f").repository()).isEqualTo("a.b_c__d---e/f");
        }
    }

    @Nested
    class Digests {

        @Test
        void readsADigestOnlyReferenceAsPinnedWithoutTag() {
            ImageRef ref = ImageRef.parse(ECR + "/app@" + DIGEST);

            assertThat(ref.digest()).contains(DIGEST);
            assertThat(ref.tag()).isEmpty();
            assertThat(ref.tagImplied()).isFalse();
            assertThat(ref.effectiveTag()).isEmpty();
            assertThat(ref.isLatestTag()).isFalse();
        }

        @Test
        void readsBothTagAndDigest() {
            ImageRef ref = ImageRef.parse(ECR + "/app:1.0@" + DIGEST);

            assertThat(ref.tag()).contains("1.0");
            assertThat(ref.digest()).contains(DIGEST);
            assertThat(ref).hasToString(ECR + "/app:1.0@" + DIGEST);
        }

        @Test
        void acceptsSha512Digests() {
            assertThat(ImageRef.parse("app@sha512:" + "0".repeat(128)).digest()).isPresent();
        }
    }

    @Nested
    class Rejections {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "''                                   | The image reference is empty",
            "MyRegistry.io/Team/App:1             | The repository name 'Team/App' must be lowercase, but 'Team' contains 'T'",
            "team/App:1                           | The repository name 'team/App' must be lowercase, but 'App' contains 'A'",
            "app:v1 .0                            | The image reference contains a space at position 7",
            "app:-rc1                             | The tag '-rc1' starts with '-'",
            "app:                                 | The tag is empty: nothing follows the ':'",
            "app:v1+build                         | The tag 'v1+build' contains '+' at position 3",
            "app@sha256:abc                       | A sha256 digest has 64 hex digits, but this one has 3",
            "app@md5:0123456789abcdef             | The digest algorithm 'md5' is not supported",
            "app@0123456789abcdef                 | The digest '0123456789abcdef' has no algorithm",
            "app@                                 | The image reference ends with '@' but has no digest after it",
            "@sha256:abc                          | The image reference has a digest but no repository name",
            "registry.local:99999/app             | The registry port '99999' is outside 1-65535",
            "registry.local:/app                  | The registry 'registry.local:' ends with ':' but has no port number",
            "registry.local:50a/app               | The registry port '50a' contains 'a'",
            "registry..local/app                  | The registry host 'registry..local' has an empty part between dots",
            "-registry.local/app                  | The registry host '-registry.local' contains '-' at position 1",
            "ghcr.io/team//app                    | The repository name 'team//app' has an empty part ('//')",
            "ghcr.io/team/app/                    | The repository name 'team/app/' ends with '/'",
            "ghcr.io/team/app-                    | has a part 'app-' that ends with '-'",
            "ghcr.io/team/a._b                    | has a part 'a._b' that has a separator followed by '_'",
            "ghcr.io/team/_app                    | has a part '_app' that starts with '_'",
            "ghcr.io/team/app!                    | The repository name 'team/app!' contains '!'",
            "https://ghcr.io/team/app:1           | The image reference starts with a URL scheme 'https://'",
            "[fd00::1/app                         | The registry '[fd00::1' opens '[' for an IPv6 address but never closes it",
        })
        void explainsWhatIsWrong(String text, String message) {
            assertThatThrownBy(() -> ImageRef.parse(text))
                    .isInstanceOf(ImageRefException.class)
                    .hasMessageContaining(message);
        }

        @Test
        void rejectsUppercaseHexInDigests() {
            assertThatThrownBy(() -> ImageRef.parse("app@sha256:" + "AB12".repeat(16)))
                    .isInstanceOf(ImageRefException.class)
                    .hasMessage("The sha256 digest must be lowercase hex, but has 'A' at hex position 1");
        }

        @Test
        void rejectsNullWithItsOwnException() {
            assertThatThrownBy(() -> ImageRef.parse(null))
                    .isInstanceOf(ImageRefException.class)
                    .hasMessage("No image reference was given");
        }

        @Test
        void rejectsAReferenceOverTheInputLimitBeforeParsingIt() {
            String huge = "a".repeat(3000);

            assertThatThrownBy(() -> ImageRef.parse(huge))
                    .isInstanceOf(ImageRefException.class)
                    .hasMessage("The image reference is 3,000 characters long; Tollgate reads at most 2,048");
        }

        @Test
        void rejectsATagLongerThan128Characters() {
            assertThatThrownBy(() -> ImageRef.parse("app:" + "t".repeat(129)))
                    .isInstanceOf(ImageRefException.class)
                    .hasMessage("The tag is 129 characters long; Docker allows at most 128");
        }

        @Test
        void rejectsANameLongerThanDockersLimit() {
            String path = "a".repeat(62) + "/" + "b".repeat(62) + "/" + "c".repeat(62) + "/" + "d".repeat(62);

            assertThatThrownBy(() -> ImageRef.parse("ghcr.io/" + path + ":1"))
                    .isInstanceOf(ImageRefException.class)
                    .hasMessage("The image name is 259 characters long; Docker allows at most 255 for registry and repository together");
        }

        @Test
        void rejectsInvisibleAndNonAsciiCharactersByCodePoint() {
            assertThatThrownBy(() -> ImageRef.parse("app:1\u202Egnp"))
                    .hasMessage("The image reference contains the invisible character U+202E at position 6");
            assertThatThrownBy(() -> ImageRef.parse("äpp"))
                    .hasMessage("The image reference contains the non-ASCII character 'ä' (U+00E4) at position 1");
            assertThatThrownBy(() -> ImageRef.parse("app:1\n"))
                    .hasMessage("The image reference contains a line break at position 6");
        }

        @Test
        void quotesHostileTextShortenedAndEscapedInMessages() {
            String longTag = "v" + "x".repeat(100) + "+";

            assertThatThrownBy(() -> ImageRef.parse("app:" + longTag))
                    .hasMessageStartingWith("The tag 'v" + "x".repeat(79) + "…' contains '+' at position 102");
        }
    }

    @Test
    void validatesPartsPassedToTheConstructorToo() {
        assertThatThrownBy(() -> new ImageRef("ghcr.io", "Team/app", Optional.empty(), Optional.empty()))
                .isInstanceOf(ImageRefException.class)
                .hasMessageContaining("must be lowercase");
        assertThat(new ImageRef("docker.io", "nginx", Optional.of("1"), Optional.empty()).repository())
                .isEqualTo("library/nginx");
    }
}
