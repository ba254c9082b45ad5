package dev.tollgate.release;

import static dev.tollgate.release.DisplayText.describe;
import static dev.tollgate.release.DisplayText.quote;

/**
 * The pieces of the Docker reference grammar (distribution/reference) that {@link ImageRef}
 * enforces, written as linear scans rather than regular expressions so that hostile input
 * cannot trigger backtracking and every failure can say exactly which character is wrong.
 */
final class ReferenceGrammar {

    /** Docker's limit on {@code registry/repository}. */
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_TAG_LENGTH = 128;
    private static final int MAX_HOST_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private ReferenceGrammar() {
    }

    /** Checks {@code host[:port]}, where host is a DNS name, an IPv4 address or {@code [IPv6]}. */
    static void checkRegistry(String registry) {
        if (registry.isEmpty()) {
            throw new ImageRefException("The registry host is empty");
        }
        String host;
        String port = null;
        if (registry.charAt(0) == '[') {
            int close = registry.indexOf(']');
            if (close < 0) {
                throw new ImageRefException("The registry " + quote(registry) + " opens '[' for an IPv6 address but never closes it");
            }
            host = registry.substring(0, close + 1);
            checkIpv6(registry, registry.substring(1, close));
            String rest = registry.substring(close + 1);
            if (!rest.isEmpty()) {
                if (rest.charAt(0) != ':') {
                    throw new ImageRefException("The registry " + quote(registry) + " has unexpected text after its IPv6 address");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = registry.indexOf(':');
            host = colon < 0 ? registry : registry.substring(0, colon);
            port = colon < 0 ? null : registry.substring(colon + 1);
            checkHostName(registry, host);
        }
        if (port != null) {
            checkPort(registry, port);
        }
    }

    /** Checks a repository path: lowercase components separated by {@code /}. */
    static void checkRepository(String path) {
        if (path.isEmpty()) {
            throw new ImageRefException("The repository name is empty");
        }
        if (path.charAt(0) == '/') {
            throw new ImageRefException("The repository name " + quote(path) + " starts with '/'");
        }
        if (path.charAt(path.length() - 1) == '/') {
            throw new ImageRefException("The repository name " + quote(path) + " ends with '/'");
        }
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            if (end == start) {
                throw new ImageRefException("The repository name " + quote(path) + " has an empty part ('//')");
            }
            checkPathComponent(path, path.substring(start, end));
            start = end + 1;
        }
    }

    /** Checks a tag: {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}}. */
    static void checkTag(String tag) {
        if (tag.isEmpty()) {
            throw new ImageRefException("The tag is empty: nothing follows the ':'");
        }
        if (tag.length() > MAX_TAG_LENGTH) {
            throw new ImageRefException("The tag is " + tag.length() + " characters long; Docker allows at most " + MAX_TAG_LENGTH);
        }
        char first = tag.charAt(0);
        if (first == '.' || first == '-') {
            throw new ImageRefException("The tag " + quote(tag) + " starts with " + describe(first) + "; a tag must start with a letter, digit or '_'");
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                throw new ImageRefException("The tag " + quote(tag) + " contains " + describe(c) + " at position " + (i + 1)
                        + "; tags may only use letters, digits, '_', '.' and '-'");
            }
        }
    }

    /** Checks a digest: {@code sha256:} + 64, {@code sha384:} + 96 or {@code sha512:} + 128 lowercase hex digits. */
    static void checkDigest(String digest) {
        int colon = digest.indexOf(':');
        if (colon < 0) {
            throw new ImageRefException("The digest " + quote(digest) + " has no algorithm; it should look like sha256:<64 hex digits>");
        }
        String algorithm = digest.substring(0, colon);
        String hex = digest.substring(colon + 1);
        int expected = switch (algorithm) {
            case "sha256" -> 64;
            case "sha384" -> 96;
            case "sha512" -> 128;
            default -> throw new ImageRefException("The digest algorithm " + quote(algorithm)
                    + " is not supported; Tollgate accepts sha256, sha384 and sha512");
        };
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (c >= 'A' && c <= 'F') {
                throw new ImageRefException("The " + algorithm + " digest must be lowercase hex, but has " + describe(c)
                        + " at hex position " + (i + 1));
            }
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new ImageRefException("The " + algorithm + " digest contains " + describe(c) + " at hex position " + (i + 1)
                        + ", which is not a hex digit");
            }
        }
        if (hex.length() != expected) {
            throw new ImageRefException("A " + algorithm + " digest has " + expected + " hex digits, but this one has " + hex.length());
        }
    }

    private static void checkHostName(String registry, String host) {
        if (host.isEmpty()) {
            throw new ImageRefException("The registry " + quote(registry) + " has no host name before its ':'");
        }
        if (host.length() > MAX_HOST_LENGTH) {
            throw new ImageRefException("The registry host is " + host.length() + " characters long; host names have at most " + MAX_HOST_LENGTH);
        }
        int start = 0;
        while (start <= host.length()) {
            int dot = host.indexOf('.', start);
            int end = dot < 0 ? host.length() : dot;
            checkLabel(registry, host, start, end);
            start = end + 1;
        }
    }

    private static void checkLabel(String registry, String host, int start, int end) {
        if (end == start) {
            throw new ImageRefException("The registry host " + quote(host) + " has an empty part between dots");
        }
        if (end - start > MAX_LABEL_LENGTH) {
            throw new ImageRefException("The registry host " + quote(host) + " has a part longer than " + MAX_LABEL_LENGTH + " characters");
        }
        for (int i = start; i < end; i++) {
            char c = host.charAt(i);
            boolean hyphenInside = c == '-' && i != start && i != end - 1;
            if (!isAsciiLetterOrDigit(c) && !hyphenInside) {
                throw new ImageRefException("The registry host " + quote(host) + " contains " + describe(c) + " at position " + (i + 1)
                        + "; host names use letters, digits, '-' and '.'");
            }
        }
    }

    private static void checkIpv6(String registry, String address) {
        if (address.isEmpty() || address.indexOf(':') < 0) {
            throw new ImageRefException("The registry " + quote(registry) + " has brackets but no IPv6 address inside");
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) {
                throw new ImageRefException("The IPv6 address in registry " + quote(registry) + " contains " + describe(c));
            }
        }
    }

    private static void checkPort(String registry, String port) {
        if (port.isEmpty()) {
            throw new ImageRefException("The registry " + quote(registry) + " ends with ':' but has no port number");
        }
        for (int i = 0; i < port.length(); i++) {
            char c = port.charAt(i);
            if (c < '0' || c > '9') {
                throw new ImageRefException("The registry port " + quote(port) + " contains " + describe(c) + "; a port is a number");
            }
        }
        if (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new ImageRefException("The registry port " + quote(port) + " is outside 1-65535");
        }
    }

    // alpha-numeric (separator alpha-numeric)*, where separator is '.', '_', '__' or one or more '-'.
    private static void checkPathComponent(String path, String component) {
        int n = component.length();
        int i = 0;
        requireLowercaseAlnum(path, component, i, "starts with");
        while (i < n) {
            while (i < n && isLowerAlnum(component.charAt(i))) {
                i++;
            }
            if (i == n) {
                return;
            }
            char c = component.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '_') {
                i++;
                if (i < n && component.charAt(i) == '_') {
                    i++;
                }
            } else if (c == '-') {
                while (i < n && component.charAt(i) == '-') {
                    i++;
                }
            } else {
                failOnCharacter(path, component, i);
            }
            if (i == n) {
                throw new ImageRefException("The repository name " + quote(path) + " has a part " + quote(component)
                        + " that ends with " + describe(c) + "; each part must end with a letter or digit");
            }
            requireLowercaseAlnum(path, component, i, "has a separator followed by");
        }
    }

    private static void requireLowercaseAlnum(String path, String component, int i, String where) {
        char c = component.charAt(i);
        if (isLowerAlnum(c)) {
            return;
        }
        if (c >= 'A' && c <= 'Z') {
            failOnCharacter(path, component, i);
        }
        throw new ImageRefException("The repository name " + quote(path) + " has a part " + quote(component) + " that " + where + " "
                + describe(c) + "; parts are lowercase letters and digits joined by '.', '_', '__' or '-'");
    }

    private static void failOnCharacter(String path, String component, int i) {
        char c = component.charAt(i);
        if (c >= 'A' && c <= 'Z') {
            throw new ImageRefException("The repository name " + quote(path) + " must be lowercase, but " + quote(component)
                    + " contains " + describe(c));
        }
        throw new ImageRefException("The repository name " + quote(path) + " contains " + describe(c)
                + "; repository names use lowercase letters, digits, '/', '.', '_' and '-'");
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
