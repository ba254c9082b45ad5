package dev.tollgate.ui.review;

import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.ApprovalRequest;
import java.util.Optional;

/** A waiting approval in the inbox, with its connection and the image tag it would deploy once that is known. */
public record InboxItem(ConnectionId connection, ApprovalRequest request, Optional<String> imageTag) {

    public String key() {
        return connection.key() + "|" + ApprovalReviewViewModel.draftKey(request) + "|" + request.token();
    }
}
