package dev.tollgate.sandbox.identity;

/**
 * The page a browser opens from the verification URL: the sandbox's stand-in for the Identity Center
 * sign-in page, where a person confirms the code the app shows. Plain HTML, no scripts.
 */
final class DevicePage {

    private DevicePage() {
    }

    static String ask(String userCode) {
        String code = IdentityRoutes.escape(IdentityCenter.normaliseUserCode(userCode));
        return page("Authorize Tollgate", "<p>Check that this code matches the one Tollgate shows, then choose.</p>"
                + "<form method=\"post\" action=\"/_sandbox/sso/device/approve\">"
                + "<label>Code <input name=\"user_code\" value=\"" + code + "\" autocomplete=\"off\"></label>"
                + "<label>Sign in as <input name=\"user\" value=\"" + IdentityCenter.DEFAULT_USER + "\"></label>"
                + "<button type=\"submit\">Allow</button>"
                + "<button type=\"submit\" formaction=\"/_sandbox/sso/device/deny\">Deny</button></form>");
    }

    static String answered(boolean approve, boolean done) {
        if (!done) {
            return page("Code not found", "<p>No sign-in is waiting for that code, or it expired. Start again in Tollgate.</p>");
        }
        return page(approve ? "Request approved" : "Request denied", approve
                ? "<p>You can close this window and return to Tollgate.</p>"
                : "<p>Tollgate was not given access.</p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + " · Tollgate sandbox</title>"
                + "<style>body{font:16px system-ui,sans-serif;max-width:32em;margin:4em auto;color:#1f2328}"
                + "label{display:block;margin:1em 0}input{font:inherit;padding:.3em}button{font:inherit;margin-right:1em}"
                + "</style></head><body><h1>" + title + "</h1><p><small>IAM Identity Center (Tollgate sandbox)</small></p>"
                + body + "</body></html>";
    }
}
