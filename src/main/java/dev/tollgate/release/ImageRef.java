package dev.tollgate.release;

import static dev.tollgate.release.DisplayText.describe;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A container image reference such as {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1.4@sha256:…},
 * validated against the Docker reference grammar and normalised the way Docker normalises it.
 *
 * <p>Every instance is valid: the canonical constructor checks each part and throws
 * {@link ImageRefException} otherwise. Docker Hub names are normalised ({@code nginx} becomes
 * registry {@code docker.io}, repository {@code library/nginx}; {@code index.docker.io} becomes
 * {@code docker.io}). A reference with neither tag nor digest keeps both empty: Docker would pull
 * {@code latest}, which {@link #tagImplied()} and {@link #effectiveTag()} expose so it can be flagged.
 *
 * @param registry   registry host with optional port, e.g. {@code registry.local:5000}
 * @param repository repository path, possibly nested, e.g. {@code team/app}
 * @param tag        the tag as written, if any
 * @param digest     the digest as written ({@code sha256:} + 64 hex), if any
 */
public record ImageRef(String registry, String repository, Optional<String> tag, Optional<String> digest) {

    /** Longer input is rejected before any parsing; real references are well under 300 characters. */
    public static final int MAX_INPUT_LENGTH = 2048;

    /** Docker Hub's canonical registry name. */
    public static final String DOCKER_HUB = "docker.io";

    /** The registry of Amazon ECR Public. */
    public static final String PUBLIC_ECR = "public.ecr.aws";

    private static final String IMPLIED_TAG = "latest";

    /**
     * Validates and normalises the parts.
     *
     * @throws ImageRefException   if a part breaks the reference grammar
     * @throws NullPointerException if a part (or an {@code Optional}) is null
     */
    public ImageRef {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        ReferenceGrammar.checkRegistry(registry);
        ReferenceGrammar.checkRepository(repository);
        tag.ifPresent(ReferenceGrammar::checkTag);
        digest.ifPresent(ReferenceGrammar::checkDigest);
        if (registry.equals("index.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && repository.indexOf('/') < 0) {
            repository = "library/" + repository;
        }
        int nameLength = registry.length() + 1 + repository.length();
        if (nameLength > ReferenceGrammar.MAX_NAME_LENGTH) {
            throw new ImageRefException("The image name is " + nameLength + " characters long; Docker allows at most "
                    + ReferenceGrammar.MAX_NAME_LENGTH + " for registry and repository together");
        }
    }

    /**
     * Parses a reference as written in {@code imagedefinitions.json}, a task definition or by hand.
     *
     * <p>The first path component is taken as the registry only when it contains {@code .} or
     * {@code :}, is {@code localhost}, or has an uppercase letter (Docker's rule), so
     * {@code registry.local:5000/app} has a port while {@code app:5000} has a tag.
     *
     * @param text the reference; never trimmed, since whitespace would not survive deployment either
     * @return the validated reference
     * @throws ImageRefException if the text is null, empty, longer than {@value #MAX_INPUT_LENGTH}
     *                           characters, or breaks the grammar; the message says where
     */
    public static ImageRef parse(String text) {
        if (text == null) {
            throw new ImageRefException("No image reference was given");
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            throw new ImageRefException("The image reference is " + DisplayText.count(text.length())
                    + " characters long; Tollgate reads at most " + DisplayText.count(MAX_INPUT_LENGTH));
        }
        if (text.isEmpty()) {
            throw new ImageRefException("The image reference is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                throw new ImageRefException("The image reference contains " + describe(c) + " at position " + (i + 1));
            }
        }
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            throw new ImageRefException("The image reference starts with a URL scheme " + DisplayText.quote(text.substring(0, scheme + 3))
                    + "; image references are written without one, as registry/repository:tag");
        }

        int at = text.indexOf('@');
        String nameAndTag = at < 0 ? text : text.substring(0, at);
        Optional<String> digest = at < 0 ? Optional.empty() : Optional.of(text.substring(at + 1));
        if (digest.isPresent() && digest.get().isEmpty()) {
            throw new ImageRefException("The image reference ends with '@' but has no digest after it");
        }
        if (nameAndTag.isEmpty()) {
            throw new ImageRefException("The image reference has a digest but no repository name before the '@'");
        }

        String registry = DOCKER_HUB;
        String remainder = nameAndTag;
        int slash = nameAndTag.indexOf('/');
        if (slash > 0 && looksLikeRegistry(nameAndTag.substring(0, slash))) {
            registry = nameAndTag.substring(0, slash);
            remainder = nameAndTag.substring(slash + 1);
        }
        int colon = remainder.lastIndexOf(':');
        String repository = colon < 0 ? remainder : remainder.substring(0, colon);
        Optional<String> tag = colon < 0 ? Optional.empty() : Optional.of(remainder.substring(colon + 1));
        return new ImageRef(registry, repository, tag, digest);
    }

    private static boolean looksLikeRegistry(String component) {
        return component.indexOf('.') >= 0
                || component.indexOf(':') >= 0
                || component.equals("localhost")
                || !component.equals(component.toLowerCase(Locale.ROOT));
    }

    /** The registry host without its port. */
    public String host() {
        if (registry.startsWith("[")) {
            return registry.substring(0, registry.indexOf(']') + 1);
        }
        int colon = registry.indexOf(':');
        return colon < 0 ? registry : registry.substring(0, colon);
    }

    /** The registry port, when one is written. */
    public OptionalInt port() {
        String host = host();
        return registry.length() == host.length()
                ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(registry.substring(host.length() + 1)));
    }

    /** {@code registry/repository}, without tag or digest. */
    public String name() {
        return registry + "/" + repository;
    }

    /** True when the reference has neither tag nor digest, so Docker pulls whatever {@code latest} is then. */
    public boolean tagImplied() {
        return tag.isEmpty() && digest.isEmpty();
    }

    /** The tag Docker would resolve: the written tag, {@code latest} if implied, empty for a digest-only reference. */
    public Optional<String> effectiveTag() {
        return tagImplied() ? Optional.of(IMPLIED_TAG) : tag;
    }

    /** True when the tag that would be pulled is {@code latest}, written or implied. */
    public boolean isLatestTag() {
        return effectiveTag().filter(IMPLIED_TAG::equals).isPresent();
    }

    /** The private ECR registry this image lives in, if it is one. */
    public Optional<EcrRegistry> ecr() {
        return EcrRegistry.fromRegistry(registry);
    }

    /** True for a private Amazon ECR registry (see {@link EcrRegistry}). */
    public boolean isEcr() {
        return ecr().isPresent();
    }

    /** True for Amazon ECR Public ({@code public.ecr.aws/...}). */
    public boolean isPublicEcr() {
        return registry.equalsIgnoreCase(PUBLIC_ECR);
    }

    /** True for Docker Hub, including references written without a registry. */
    public boolean isDockerHub() {
        return registry.equals(DOCKER_HUB);
    }

    /**
     * The normalised reference, {@code registry/repository[:tag][@digest]}; an implied tag is
     * not spelled out, so {@code parse(ref.toString())} equals {@code ref}.
     */
    @Override
    public String toString() {
        return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    }
}
