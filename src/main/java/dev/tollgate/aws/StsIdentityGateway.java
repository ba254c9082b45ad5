package dev.tollgate.aws;

import dev.tollgate.identity.CallerIdentity;
import dev.tollgate.identity.IdentityGateway;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * {@code sts:GetCallerIdentity} for one connection. It needs no IAM permission, so it works for every
 * identity that has valid credentials, and fails only when they are missing or expired.
 */
public final class StsIdentityGateway implements IdentityGateway {

    private final StsClient sts;

    public StsIdentityGateway(StsClient sts) {
        this.sts = sts;
    }

    @Override
    public CallerIdentity whoAmI() {
        try {
            GetCallerIdentityResponse response = sts.getCallerIdentity();
            return new CallerIdentity(response.arn(), response.account(), response.userId());
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not find out who you are signed in as", e);
        }
    }
}
