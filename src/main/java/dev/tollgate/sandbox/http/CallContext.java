package dev.tollgate.sandbox.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who made a request, from its SigV4 Authorization header. The sandbox accepts any credentials; it only
 * reads the access key id so that approvals record who gave them. The signature is never read or logged.
 */
public record CallContext(String requestId, Optional<String> accessKeyId, String accountId) {

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Za-z0-9]+)/");

    public static CallContext from(String requestId, String authorization, String accountId) {
        Optional<String> akid = Optional.empty();
        if (authorization != null) {
            Matcher m = CREDENTIAL.matcher(authorization);
            if (m.find()) {
                akid = Optional.of(m.group(1));
            }
        }
        return new CallContext(requestId, akid, accountId);
    }

    /**
     * The caller as an assumed-role session ARN, as CodePipeline records it in lastUpdatedBy; the session
     * name is the caller's access key id.
     */
    public String identityArn() {
        return "arn:aws:sts::" + accountId + ":assumed-role/Approver/" + accessKeyId.orElse("anonymous");
    }
}
