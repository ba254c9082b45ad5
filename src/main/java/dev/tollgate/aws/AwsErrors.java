package dev.tollgate.aws;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.GatewayException.Problem;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Translates SDK exceptions into {@link GatewayException}s whose message says, in one sentence, what failed
 * and why, naming the pipeline, stage or action concerned.
 */
final class AwsErrors {

    private static final Set<String> NOT_FOUND = Set.of("PipelineNotFoundException", "StageNotFoundException",
            "ActionNotFoundException", "PipelineExecutionNotFoundException", "RepositoryNotFoundException",
            "ImageNotFoundException", "NoSuchKey", "NoSuchBucket", "ResourceNotFoundException");
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedException", "NotAuthorized");
    private static final Set<String> THROTTLED = Set.of("ThrottlingException", "Throttling", "TooManyRequestsException",
            "RequestLimitExceeded", "SlowDown", "LimitExceededException");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException", "SignatureDoesNotMatch");

    // IAM's own wording, which every service uses: "User: <arn> is not authorized to perform: <action> on resource: ..."
    private static final Pattern IAM_DENIAL = Pattern.compile("User: (\\S+) is not authorized to perform: ([A-Za-z0-9-]+:[A-Za-z0-9]+)");

    private AwsErrors() {
    }

    /**
     * @param action what Tollgate was doing, as the start of a sentence: "Could not load ecs-webapp"
     */
    static GatewayException translate(String action, SdkException error) {
        // Raised by Tollgate's Identity Center credentials when only a new sign-in helps.
        if (hasCause(error, software.amazon.awssdk.services.sso.auth.ExpiredTokenException.class)) {
            return new GatewayException(Problem.EXPIRED_CREDENTIALS,
                    action + ": your IAM Identity Center sign-in has expired. Sign in again.", error);
        }
        if (error instanceof AwsServiceException service) {
            return fromService(action, service);
        }
        if (error instanceof ApiCallTimeoutException) {
            return new GatewayException(Problem.UNREACHABLE, action + ": AWS did not answer in time.", error);
        }
        if (error instanceof SdkClientException && hasCause(error, IOException.class)) {
            return new GatewayException(Problem.UNREACHABLE,
                    action + ": AWS cannot be reached (" + rootMessage(error) + ").", error);
        }
        String message = String.valueOf(error.getMessage());
        if (message.contains("Unable to load credentials") || message.contains("profile file")) {
            return new GatewayException(Problem.NO_CREDENTIALS,
                    action + ": no usable AWS credentials. Sign in again or pick another profile.", error);
        }
        if (message.contains("token") && message.contains("expired")) {
            return new GatewayException(Problem.EXPIRED_CREDENTIALS,
                    action + ": your sign-in has expired. Sign in again.", error);
        }
        return new GatewayException(Problem.SERVICE_ERROR, action + ": " + firstLine(message), error);
    }

    private static GatewayException fromService(String action, AwsServiceException error) {
        String code = error.awsErrorDetails() == null ? "" : String.valueOf(error.awsErrorDetails().errorCode());
        String reason = error.awsErrorDetails() == null ? "" : firstLine(error.awsErrorDetails().errorMessage());
        if (NOT_FOUND.contains(code)) {
            return new GatewayException(Problem.NOT_FOUND, action + ": " + orDefault(reason, "it no longer exists") + ".", error);
        }
        if (ACCESS_DENIED.contains(code)) {
            Matcher denial = IAM_DENIAL.matcher(reason);
            if (denial.find()) {
                return new GatewayException(Problem.ACCESS_DENIED,
                        action + ": " + denial.group(2) + " is not allowed for " + denial.group(1) + ".", error);
            }
            return new GatewayException(Problem.ACCESS_DENIED,
                    action + ": access denied. " + orDefault(reason, "Your IAM permissions do not allow it."), error);
        }
        if (THROTTLED.contains(code) || error.isThrottlingException()) {
            return new GatewayException(Problem.THROTTLED, action + ": AWS is throttling requests; Tollgate will retry.", error);
        }
        if (EXPIRED.contains(code)) {
            return new GatewayException(Problem.EXPIRED_CREDENTIALS, action + ": your credentials are expired or invalid. Sign in again.", error);
        }
        // AWS's own messages for these two can quote the token; Tollgate words them itself.
        if ("ApprovalAlreadyCompletedException".equals(code)) {
            return new GatewayException(Problem.APPROVAL_ALREADY_DECIDED,
                    action + ": this approval was already decided.", error);
        }
        if ("InvalidApprovalTokenException".equals(code)) {
            return new GatewayException(Problem.APPROVAL_TOKEN_CHANGED,
                    action + ": the approval you reviewed is no longer the one waiting (a newer execution or a retry replaced it).", error);
        }
        if ("ValidationException".equals(code) || "InvalidParameterException".equals(code)) {
            return new GatewayException(Problem.INVALID_REQUEST, action + ": " + orDefault(reason, "AWS rejected the request") + ".", error);
        }
        if (error.statusCode() >= 500) {
            return new GatewayException(Problem.SERVICE_ERROR,
                    action + ": AWS had an internal error (" + error.statusCode() + "); try again.", error);
        }
        return new GatewayException(Problem.SERVICE_ERROR, action + ": " + code + " " + reason, error);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage()));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        String line = newline < 0 ? trimmed : trimmed.substring(0, newline);
        if (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String orDefault(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }
}
