package dev.tollgate.sandbox.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Offset pagination behind opaque tokens. A token names the list it came from, so one from another list
 * (or a made-up one) is refused with InvalidNextTokenException as AWS does.
 */
public final class Pagination {

    private Pagination() {
    }

    public static <T> Shapes.Page<T> page(List<T> all, int maxResults, String nextToken, String scope) {
        int offset = nextToken == null ? 0 : offset(nextToken, scope);
        if (offset > all.size()) {
            throw invalid();
        }
        int end = Math.min(all.size(), offset + maxResults);
        String next = end < all.size() ? token(scope, end) : null;
        return new Shapes.Page<>(List.copyOf(all.subList(offset, end)), next);
    }

    private static String token(String scope, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1|" + scope + "|" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String scope) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = decoded.split("\\|");
            if (parts.length != 3 || !parts[0].equals("v1") || !parts[1].equals(scope)) {
                throw invalid();
            }
            int offset = Integer.parseInt(parts[2]);
            if (offset < 0) {
                throw invalid();
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ServiceError invalid() {
        return new ServiceError("InvalidNextTokenException", "The next token is not valid for this request");
    }
}
