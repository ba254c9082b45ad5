package dev.tollgate.aws;

import dev.tollgate.pipeline.ArtifactLocation;
import dev.tollgate.release.ArtifactProblem;
import dev.tollgate.release.ArtifactSource;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Streams artifacts from the pipeline's S3 artifact store. The object's declared size is checked before any
 * byte is read, so an oversized artifact costs one request, not a download.
 */
public final class S3ArtifactSource implements ArtifactSource {

    private final S3Client s3;

    public S3ArtifactSource(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public InputStream open(ArtifactLocation location, long maxBytes) throws ArtifactProblem, IOException {
        ResponseInputStream<GetObjectResponse> stream;
        try {
            stream = s3.getObject(request -> request.bucket(location.bucket()).key(location.key()));
        } catch (SdkException e) {
            var error = AwsErrors.translate("Could not download the build artifact " + location.artifactName(), e);
            if (error.problem() == dev.tollgate.pipeline.GatewayException.Problem.NOT_FOUND) {
                throw new ArtifactProblem(ArtifactProblem.Kind.DEFINITIONS_NOT_FOUND,
                        "The build artifact " + location.artifactName() + " is no longer in the artifact store "
                                + "(s3://" + location.bucket() + "/" + location.key() + ").", e);
            }
            throw error;
        }
        Long length = stream.response().contentLength();
        if (length != null && length > maxBytes) {
            // Closing without abort() would drain the rest of the body first.
            stream.abort();
            throw new ArtifactProblem(ArtifactProblem.Kind.ARCHIVE_TOO_LARGE, "The build artifact "
                    + location.artifactName() + " is " + (length / 1024 / 1024) + " MB, over the "
                    + (maxBytes / 1024 / 1024) + " MB Tollgate reads.");
        }
        return new AbortingStream(stream);
    }

    /** Aborts the HTTP response when closed early, instead of downloading what nobody will read. */
    private static final class AbortingStream extends java.io.FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> response;

        AbortingStream(ResponseInputStream<GetObjectResponse> response) {
            super(response);
            this.response = response;
        }

        @Override
        public void close() throws IOException {
            response.abort();
            response.close();
        }
    }
}
