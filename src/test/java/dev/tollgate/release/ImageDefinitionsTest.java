package dev.tollgate.release;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageDefinitionsTest {

    static final String ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    static final String DIGEST = "sha256:" + "9c".repeat(32);

    static ImageDefinitions imageDefinitions(String json) throws ArtifactProblem {
        return ImageDefinitions.parse(DefinitionsFile.IMAGE_DEFINITIONS, json.getBytes(UTF_8));
    }

    static ArtifactProblem problemWith(String json) {
        return problemWith(json.getBytes(UTF_8));
    }

    static ArtifactProblem problemWith(byte[] json) {
        return catchThrowableOfType(ArtifactProblem.class, () -> ImageDefinitions.parse(DefinitionsFile.IMAGE_DEFINITIONS, json));
    }

    @Nested
    class ImageDefinitionsJson {

        @Test
        void readsEveryContainerInFileOrder() throws ArtifactProblem {
            ImageDefinitions definitions = imageDefinitions("""
                    [
                      {"name": "web", "imageUri": "%s/shop/web:2.1.0"},
                      {"name": "worker", "imageUri": "%s/shop/worker@%s"},
                      {"name": "envoy", "imageUri": "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29"}
                    ]""".formatted(ECR, ECR, DIGEST));

            assertThat(definitions.source()).isEqualTo(DefinitionsFile.IMAGE_DEFINITIONS);
            assertThat(definitions.containers()).extracting(c -> c.containerName().orElseThrow())
                    .containsExactly("web", "worker", "envoy");
            assertThat(definitions.container("web").orElseThrow().image().tag()).contains("2.1.0");
            assertThat(definitions.container("worker").orElseThrow().image().digest()).contains(DIGEST);
            assertThat(definitions.container("worker").orElseThrow().rawUri()).isEqualTo(ECR + "/shop/worker@" + DIGEST);
            assertThat(definitions.container("envoy").orElseThrow().image().isPublicEcr()).isTrue();
            assertThat(definitions.container("db")).isEmpty();
        }

        @Test
        void acceptsUnknownExtraFieldsOfAnyShape() throws ArtifactProblem {
            ImageDefinitions definitions = imageDefinitions("""
                    [{"name": "web", "imageUri": "nginx:1.27", "comment": {"built-by": ["ci", 3]}, "cpu": 256}]""");

            assertThat(definitions.containers()).singleElement()
                    .extracting(ContainerImage::image).hasToString("docker.io/library/nginx:1.27");
        }

        @Test
        void acceptsNonEcrRegistries() throws ArtifactProblem {
            ImageDefinitions definitions = imageDefinitions("""
                    [{"name": "a", "imageUri": "nginx"},
                     {"name": "b", "imageUri": "ghcr.io/acme/tools/b:1"},
                     {"name": "c", "imageUri": "registry.local:5000/team/app:1.2"}]""");

            assertThat(definitions.containers()).extracting(c -> c.image().registry())
                    .containsExactly("docker.io", "ghcr.io", "registry.local:5000");
            assertThat(definitions.containers()).noneMatch(c -> c.image().isEcr());
        }

        @Test
        void acceptsAUtf8ByteOrderMark() throws ArtifactProblem {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] json = "[{\"name\":\"web\",\"imageUri\":\"nginx:1\"}]".getBytes(UTF_8);
            byte[] both = new byte[bom.length + json.length];
            System.arraycopy(bom, 0, both, 0, bom.length);
            System.arraycopy(json, 0, both, bom.length, json.length);

            assertThat(ImageDefinitions.parse(DefinitionsFile.IMAGE_DEFINITIONS, both).containers()).hasSize(1);
        }

        @Test
        void rejectsAnEmptyArrayAsNoContainers() {
            ArtifactProblem problem = problemWith("[]");

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.NO_CONTAINERS);
            assertThat(problem).hasMessage("imagedefinitions.json lists no containers, so this release would deploy nothing");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"name\":\"web\",\"imageUri\":\"nginx\"}  | imagedefinitions.json must be a JSON array of {\"name\", \"imageUri\"} objects, but it holds an object",
            "\"nginx\"                                  | imagedefinitions.json must be a JSON array of {\"name\", \"imageUri\"} objects, but it holds a string",
            "[\"nginx\"]                                | Entry 1 in imagedefinitions.json must be an object with \"name\" and \"imageUri\", but it is a string",
            "[{\"name\":\"web\"}]                       | Entry 1 in imagedefinitions.json has no \"imageUri\" field",
            "[{\"name\":\"web\",\"ImageUri\":\"x\"}]    | Entry 1 in imagedefinitions.json has no \"imageUri\" field (it has 'ImageUri'; field names are case-sensitive)",
            "[{\"name\":\"web\",\"imageUri\":42}]       | Entry 1 in imagedefinitions.json has a \"imageUri\" that is a number, not a string",
            "[{\"name\":\"web\",\"imageUri\":null}]     | Entry 1 in imagedefinitions.json has a \"imageUri\" that is null, not a string",
            "[{\"name\":\"web\",\"imageUri\":\"\"}]     | Entry 1 in imagedefinitions.json has an empty \"imageUri\"",
            "[{\"imageUri\":\"nginx\"}]                 | Entry 1 in imagedefinitions.json has no \"name\" field",
            "[{\"name\":[\"web\"],\"imageUri\":\"x\"}]  | Entry 1 in imagedefinitions.json has a \"name\" that is an array, not a string",
            "[{\"name\":\"web app\",\"imageUri\":\"x\"}] | Entry 1 in imagedefinitions.json names its container 'web app', which is not a valid ECS container name",
        })
        void namesTheFieldThatBreaksTheSchema(String json, String message) {
            ArtifactProblem problem = problemWith(json);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.WRONG_SCHEMA);
            assertThat(problem.getMessage()).startsWith(message);
        }

        @Test
        void rejectsTheSameContainerListedTwice() {
            ArtifactProblem problem = problemWith("""
                    [{"name":"web","imageUri":"nginx:1"},{"name":"api","imageUri":"nginx:2"},{"name":"web","imageUri":"nginx:3"}]""");

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.WRONG_SCHEMA);
            assertThat(problem).hasMessage("imagedefinitions.json lists container 'web' twice (entries 1 and 3); ECS would deploy only one of them");
        }

        @Test
        void rejectsAnInvalidImageUriNamingTheContainerAndTheFault() {
            ArtifactProblem problem = problemWith("[{\"name\":\"web\",\"imageUri\":\"ghcr.io/Acme/web:1\"}]");

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.INVALID_IMAGE_URI);
            assertThat(problem).hasMessage("Container 'web' in imagedefinitions.json has an imageUri that is not a valid image reference: "
                    + "The repository name 'Acme/web' must be lowercase, but 'Acme' contains 'A'");
        }
    }

    @Nested
    class ImageDetailJson {

        static ImageDefinitions imageDetail(String json) throws ArtifactProblem {
            return ImageDefinitions.parse(DefinitionsFile.IMAGE_DETAIL, json.getBytes(UTF_8));
        }

        @Test
        void readsTheSingleImageWithoutAContainerName() throws ArtifactProblem {
            ImageDefinitions definitions = imageDetail("{\"ImageURI\": \"" + ECR + "/shop/web@" + DIGEST + "\"}");

            assertThat(definitions.containers()).singleElement().satisfies(c -> {
                assertThat(c.containerName()).isEmpty();
                assertThat(c.image().digest()).contains(DIGEST);
                assertThat(c.image().isEcr()).isTrue();
            });
        }

        @Test
        void acceptsTheExtraFieldsAnEcrSourceActionWrites() throws ArtifactProblem {
            ImageDefinitions definitions = imageDetail("""
                    {"ImageSizeInBytes": "44728918", "ImageDigest": "%s", "Version": "1.0",
                     "ImagePushedAt": "Mon Jan 21 20:04:00 UTC 2019", "RegistryId": "123456789012",
                     "RepositoryName": "shop/web", "ImageURI": "%s/shop/web@%s", "ImageTags": ["latest"]}"""
                    .formatted(DIGEST, ECR, DIGEST));

            assertThat(definitions.containers().get(0).image().repository()).isEqualTo("shop/web");
        }

        @Test
        void rejectsAnArrayWhereTheObjectBelongs() {
            ArtifactProblem problem = catchThrowableOfType(ArtifactProblem.class, () -> imageDetail("[{\"ImageURI\":\"nginx\"}]"));

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.WRONG_SCHEMA);
            assertThat(problem).hasMessage("imageDetail.json must be a JSON object with an \"ImageURI\" field, but it holds an array");
        }

        @Test
        void rejectsAMissingImageUriWithACaseHint() {
            ArtifactProblem problem = catchThrowableOfType(ArtifactProblem.class, () -> imageDetail("{\"imageUri\":\"nginx\"}"));

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.WRONG_SCHEMA);
            assertThat(problem).hasMessage("imageDetail.json has no \"ImageURI\" field (it has 'imageUri'; field names are case-sensitive)");
        }
    }

    @Nested
    class MalformedInput {

        @Test
        void rejectsInvalidJsonWithItsPosition() {
            ArtifactProblem problem = problemWith("[{\"name\": \"web\",\n  \"imageUri\": \"nginx\",}]");

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.INVALID_JSON);
            assertThat(problem.getMessage()).startsWith("imagedefinitions.json is not valid JSON (line 2, column 23): Unexpected character ('}'");
            assertThat(problem.getMessage()).doesNotContain("Exception", "\tat ", "Source");
        }

        @Test
        void rejectsTruncatedJson() {
            ArtifactProblem problem = problemWith("[{\"name\": \"web\", \"imageUri\": \"ngi");

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.INVALID_JSON);
            assertThat(problem.getMessage()).startsWith("imagedefinitions.json is not valid JSON (line 1, column 34)");
            assertThat(problem.getMessage()).doesNotContain("Source", "REDACTED", "StreamReadFeature");
        }

        @Test
        void keepsParserInternalsOutOfTheMessageForAnUnclosedArray() {
            ArtifactProblem problem = problemWith("[{\"name\": \"web\", \"imageUri\": \"nginx\"}");

            assertThat(problem).hasMessage("imagedefinitions.json is not valid JSON (line 1, column 38): "
                    + "Unexpected end-of-input: expected close marker for Array");
        }

        @Test
        void rejectsContentAfterTheJsonValue() {
            ArtifactProblem problem = problemWith("[{\"name\":\"web\",\"imageUri\":\"nginx:1\"}] [{\"name\":\"web\",\"imageUri\":\"evil:1\"}]");

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.INVALID_JSON);
            assertThat(problem).hasMessage("imagedefinitions.json has more content after its JSON value (line 1, column 39); it must hold exactly one JSON value");
        }

        @Test
        void rejectsARepeatedFieldBecauseEcsCouldReadEitherValue() {
            ArtifactProblem problem = problemWith("[{\"name\":\"web\",\"imageUri\":\"nginx:1\",\"imageUri\":\"evil:1\"}]");

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.INVALID_JSON);
            assertThat(problem.getMessage()).startsWith("imagedefinitions.json repeats the field 'imageUri' in one object (line 1, column ");
            assertThat(problem.getMessage()).endsWith("; ECS could read either value, so Tollgate does not guess");
        }

        @Test
        void rejectsAnEmptyFile() {
            ArtifactProblem problem = problemWith("  \n ");

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.INVALID_JSON);
            assertThat(problem).hasMessage("imagedefinitions.json is empty");
        }

        @Test
        void rejectsBytesThatAreNotUtf8WithTheirOffset() {
            byte[] json = "[{\"name\":\"w\u00e9b\",\"imageUri\":\"nginx\"}]".getBytes(StandardCharsets.ISO_8859_1);

            ArtifactProblem problem = problemWith(json);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.NOT_UTF8);
            assertThat(problem).hasMessage("imagedefinitions.json is not valid UTF-8: the byte 0xE9 at offset 11 does not form a character");
        }

        @Test
        void rejectsUtf16TextSayingSo() {
            byte[] json = "\uFEFF[{\"name\":\"web\",\"imageUri\":\"nginx\"}]".getBytes(StandardCharsets.UTF_16LE);

            ArtifactProblem problem = problemWith(json);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.NOT_UTF8);
            assertThat(problem).hasMessage("imagedefinitions.json is UTF-16 text (it starts with a UTF-16 byte order mark); "
                    + "Tollgate reads definitions files only as UTF-8");
        }

        @Test
        void rejects100kOpeningBracketsWithoutOverflowingTheStack() {
            ArtifactProblem problem = problemWith("[".repeat(100_000));

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.JSON_TOO_DEEP);
            assertThat(problem).hasMessage("imagedefinitions.json nests JSON deeper than 32 levels (at character 33); "
                    + "a definitions file needs two, so Tollgate does not read it");
        }

        @Test
        void countsOnlyBracketsOutsideStringsAsNesting() throws ArtifactProblem {
            String json = "[{\"name\":\"web\",\"imageUri\":\"nginx:1\",\"note\":\"" + "[{".repeat(100) + "\\\"]\"}]";

            assertThat(imageDefinitions(json).containers()).hasSize(1);
        }

        @Test
        void rejectsAFileOverTheSizeLimitWithItsSize() {
            byte[] json = new byte[240 * 1024];

            ArtifactProblem problem = problemWith(json);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.DEFINITIONS_TOO_LARGE);
            assertThat(problem).hasMessage("imagedefinitions.json is 240 KB, over the 100 KB limit Tollgate reads");
        }

        @Test
        void reportsASizeJustOverTheLimitAsLargerThanTheLimit() {
            ArtifactProblem problem = problemWith(new byte[100 * 1024 + 1]);

            assertThat(problem).hasMessage("imagedefinitions.json is 100.1 KB, over the 100 KB limit Tollgate reads");
        }

        @Test
        void escapesControlCharactersEchoedFromTheFile() {
            ArtifactProblem problem = problemWith("[{\"name\":\"web\",\"imageUri\":\"nginx\"}] \u001b[31mAPPROVED");

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.INVALID_JSON);
            assertThat(problem.getMessage()).doesNotContain("\u001b");
        }
    }

    @Test
    void keepsTheContainerNameEmptyOnlyForImageDetail() throws ArtifactProblem {
        assertThat(imageDefinitions("[{\"name\":\"web\",\"imageUri\":\"nginx\"}]").containers().get(0).containerName()).isEqualTo(Optional.of("web"));
    }
}
