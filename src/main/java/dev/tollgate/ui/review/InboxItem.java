package dev.tollgate.ui.review;

import dev.tollgate.pipeline.ApprovalRequest;
import java.util.Optional;

/** A waiting approval in the inbox, with the image tag it would deploy once that is known. */
public record InboxItem(ApprovalRequest request, Optional<String> imageTag) {

    public String key() {
        return ApprovalReviewViewModel.draftKey(request) + "|" + request.token();
    }
}
