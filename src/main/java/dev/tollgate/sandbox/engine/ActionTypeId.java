package dev.tollgate.sandbox.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The four-part type of an action, e.g. Build/AWS/CodeBuild/1. It is also the wire shape ActionTypeId. */
public record ActionTypeId(String category, String owner, String provider, String version) {

    @JsonIgnore
    public boolean isSource() {
        return "Source".equals(category);
    }

    @JsonIgnore
    public boolean isManualApproval() {
        return "Approval".equals(category) && "Manual".equals(provider);
    }
}
