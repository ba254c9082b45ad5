package dev.tollgate.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionDetail;
import software.amazon.awssdk.services.codepipeline.model.S3Location;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step 2: build artifacts in the sandbox S3 and pushed images in the sandbox ECR, read with the real SDK clients. */
@ExtendWith(QuietLogs.class)
class ArtifactsAndImagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Sandbox sandbox;
    private static CodePipelineClient codePipeline;
    private static S3Client s3;
    private static EcrClient ecr;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(DemoSandboxTest.START)));
        codePipeline = SdkClients.codePipeline(sandbox);
        s3 = SdkClients.s3(sandbox);
        ecr = SdkClients.ecr(sandbox);
    }

    @AfterAll
    static void stop() {
        codePipeline.close();
        s3.close();
        ecr.close();
        sandbox.close();
    }

    @Test
    void theBuildArtifactIsAZipWithImageDefinitionsPointingAtThePushedImage() throws IOException {
        String commit = latestCommit("ecs-webapp");
        S3Location location = buildOutput("ecs-webapp");

        ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.key()));
        assertThat(object.response().contentType()).isEqualTo("application/zip");
        assertThat(object.response().eTag()).matches("\"[0-9a-f]{32}\"");
        Map<String, String> files = unzip(object.asByteArray());
        JsonNode definitions = JSON.readTree(files.get("imagedefinitions.json"));
        assertThat(definitions).hasSize(1);
        assertThat(definitions.get(0).path("name").asText()).isEqualTo("webapp");
        assertThat(definitions.get(0).path("imageUri").asText())
                .isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-webapp:" + commit.substring(0, 7));

        HeadObjectResponse head = s3.headObject(b -> b.bucket(location.bucket()).key(location.key()));
        assertThat(head.contentLength()).isEqualTo(object.asByteArray().length);
        assertThat(head.eTag()).isEqualTo(object.response().eTag());
        assertThat(head.lastModified()).isNotNull();
    }

    @Test
    void blueGreenBuildsWriteImageDetail() throws IOException {
        S3Location location = buildOutput("storefront-bluegreen");
        Map<String, String> files = unzip(s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.key())).asByteArray());
        assertThat(files).containsOnlyKeys("imageDetail.json");
        assertThat(JSON.readTree(files.get("imageDetail.json")).path("ImageURI").asText())
                .startsWith("123456789012.dkr.ecr.us-east-1.amazonaws.com/storefront:");
    }

    @Test
    void missingObjectsAndBucketsAreS3Errors() {
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket(Sandbox.ARTIFACT_BUCKET).key("ecs-webapp/BuildArtif/nope123")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("no-such-bucket").key("x")))
                .isInstanceOf(NoSuchBucketException.class);
        // HEAD carries no body, so the SDK can only report the status code.
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(Sandbox.ARTIFACT_BUCKET).key("missing")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void describesRepositories() {
        assertThat(ecr.describeRepositories().repositories()).extracting(Repository::repositoryName)
                .contains("billing-api", "ecs-webapp", "payments-service", "storefront");
        Repository repo = ecr.describeRepositories(b -> b.repositoryNames("ecs-webapp")).repositories().get(0);
        assertThat(repo.repositoryUri()).isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-webapp");
        assertThat(repo.repositoryArn()).isEqualTo("arn:aws:ecr:us-east-1:123456789012:repository/ecs-webapp");
        assertThat(repo.imageScanningConfiguration().scanOnPush()).isTrue();
        assertThatThrownBy(() -> ecr.describeRepositories(b -> b.repositoryNames("nope")))
                .isInstanceOf(RepositoryNotFoundException.class);
    }

    @Test
    void describesTheImageOfTheWaitingExecutionByTagAndDigest() {
        String tag = latestCommit("ecs-webapp").substring(0, 7);
        ImageDetail byTag = ecr.describeImages(b -> b.repositoryName("ecs-webapp").imageIds(i -> i.imageTag(tag)))
                .imageDetails().get(0);
        assertThat(byTag.imageTags()).contains(tag, "latest");
        assertThat(byTag.imageDigest()).matches("sha256:[0-9a-f]{64}");
        assertThat(byTag.imageSizeInBytes()).isBetween(60_000_000L, 260_000_000L);
        assertThat(byTag.imagePushedAt()).isBefore(DemoSandboxTest.START);
        assertThat(byTag.imageScanStatus().statusAsString()).isEqualTo("COMPLETE");
        assertThat(byTag.imageScanFindingsSummary().findingSeverityCountsAsStrings()).isNotNull();

        ImageDetail byDigest = ecr.describeImages(b -> b.repositoryName("ecs-webapp")
                .imageIds(i -> i.imageDigest(byTag.imageDigest()))).imageDetails().get(0);
        assertThat(byDigest).isEqualTo(byTag);

        assertThat(ecr.describeImages(b -> b.repositoryName("ecs-webapp")).imageDetails()).hasSizeGreaterThan(5);
        assertThatThrownBy(() -> ecr.describeImages(b -> b.repositoryName("ecs-webapp").imageIds(i -> i.imageTag("nope"))))
                .isInstanceOf(ImageNotFoundException.class);
        assertThatThrownBy(() -> ecr.describeImages(b -> b.repositoryName("nope")))
                .isInstanceOf(RepositoryNotFoundException.class);
    }

    @Test
    void scanFindingsMatchTheSummaryCounts() {
        ImageDetail image = ecr.describeImages(b -> b.repositoryName("ecs-webapp")).imageDetails().stream()
                .filter(i -> !i.imageScanFindingsSummary().findingSeverityCountsAsStrings().isEmpty())
                .findFirst().orElseThrow();
        DescribeImageScanFindingsResponse findings = ecr.describeImageScanFindings(b -> b.repositoryName("ecs-webapp")
                .imageId(i -> i.imageDigest(image.imageDigest())));

        assertThat(findings.imageScanStatus().statusAsString()).isEqualTo("COMPLETE");
        Map<String, Integer> counts = findings.imageScanFindings().findingSeverityCountsAsStrings();
        assertThat(counts).isEqualTo(image.imageScanFindingsSummary().findingSeverityCountsAsStrings());
        assertThat(findings.imageScanFindings().findings()).hasSize(counts.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(findings.imageScanFindings().findings().get(0).name()).startsWith("CVE-");
    }

    @Test
    void batchGetImageReturnsManifestsAndFailures() throws IOException {
        String tag = latestCommit("ecs-webapp").substring(0, 7);
        BatchGetImageResponse response = ecr.batchGetImage(b -> b.repositoryName("ecs-webapp")
                .imageIds(i -> i.imageTag(tag), i -> i.imageTag("does-not-exist")));

        assertThat(response.images()).singleElement().satisfies(image -> {
            assertThat(image.imageId().imageTag()).isEqualTo(tag);
            assertThat(image.imageManifestMediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        });
        JsonNode manifest = JSON.readTree(response.images().get(0).imageManifest());
        long layers = 0;
        for (JsonNode layer : manifest.path("layers")) {
            layers += layer.path("size").asLong();
        }
        ImageDetail detail = ecr.describeImages(b -> b.repositoryName("ecs-webapp").imageIds(i -> i.imageTag(tag))).imageDetails().get(0);
        assertThat(layers).isEqualTo(detail.imageSizeInBytes());
        assertThat(response.failures()).singleElement().satisfies(f -> {
            assertThat(f.failureCodeAsString()).isEqualTo("ImageNotFound");
            assertThat(f.imageId().imageTag()).isEqualTo("does-not-exist");
        });
    }

    private static String latestCommit(String pipeline) {
        return codePipeline.listPipelineExecutions(b -> b.pipelineName(pipeline).maxResults(1))
                .pipelineExecutionSummaries().get(0).sourceRevisions().get(0).revisionId();
    }

    private static S3Location buildOutput(String pipeline) {
        String id = codePipeline.listPipelineExecutions(b -> b.pipelineName(pipeline).maxResults(1))
                .pipelineExecutionSummaries().get(0).pipelineExecutionId();
        ActionExecutionDetail build = codePipeline.listActionExecutions(b -> b.pipelineName(pipeline)
                        .filter(f -> f.pipelineExecutionId(id))).actionExecutionDetails().stream()
                .filter(d -> d.actionName().equals("Build")).findFirst().orElseThrow();
        return build.output().outputArtifacts().get(0).s3location();
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
