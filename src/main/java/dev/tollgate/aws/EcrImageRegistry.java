package dev.tollgate.aws;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.release.EcrImageFacts;
import dev.tollgate.release.EcrRegistry;
import dev.tollgate.release.ImageRef;
import dev.tollgate.release.ImageRegistry;
import dev.tollgate.release.ScanStatus;
import dev.tollgate.release.Severity;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/**
 * {@link ImageRegistry} over ECR's DescribeImages. One call gives digest, push time, size, tags and the
 * scan summary; the registry id is the account in the image's host name, so cross-account images resolve.
 */
public final class EcrImageRegistry implements ImageRegistry {

    private final EcrClient ecr;

    public EcrImageRegistry(EcrClient ecr) {
        this.ecr = ecr;
    }

    @Override
    public EcrImageFacts describe(ImageRef image) {
        EcrRegistry registry = image.ecr().orElseThrow(() -> new GatewayException(GatewayException.Problem.INVALID_REQUEST,
                image + " is not in a private ECR registry."));
        ImageIdentifier id = image.digest()
                .map(digest -> ImageIdentifier.builder().imageDigest(digest).build())
                .orElseGet(() -> ImageIdentifier.builder().imageTag(image.effectiveTag().orElse("latest")).build());
        try {
            ImageDetail detail = ecr.describeImages(request -> request
                            .registryId(registry.accountId())
                            .repositoryName(image.repository())
                            .imageIds(id))
                    .imageDetails().stream().findFirst()
                    .orElseThrow(() -> new GatewayException(GatewayException.Problem.NOT_FOUND,
                            "ECR has no image " + image + "."));
            return toFacts(detail);
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not look up " + image.repository() + " in ECR", e);
        }
    }

    private static EcrImageFacts toFacts(ImageDetail detail) {
        Map<Severity, Integer> findings = new EnumMap<>(Severity.class);
        if (detail.imageScanFindingsSummary() != null) {
            detail.imageScanFindingsSummary().findingSeverityCountsAsStrings()
                    .forEach((severity, count) -> findings.merge(Severity.fromEcr(severity), count, Integer::sum));
        }
        ScanStatus scan = detail.imageScanStatus() == null ? ScanStatus.NOT_SCANNED
                : ScanStatus.fromEcr(detail.imageScanStatus().statusAsString());
        return new EcrImageFacts(
                detail.imageDigest(),
                detail.imagePushedAt(),
                detail.imageSizeInBytes() == null ? 0 : detail.imageSizeInBytes(),
                detail.imageTags(),
                scan,
                findings);
    }
}
