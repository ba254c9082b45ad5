package dev.tollgate.release;

/**
 * An image reference that does not follow the Docker reference grammar.
 *
 * <p>The message names what is wrong in words a release approver can act on, for example
 * {@code "The tag 'v1 .0' contains a space at position 3"}. It is the only exception
 * {@link ImageRef#parse(String)} throws for bad input.
 */
public final class ImageRefException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with an approver-facing message. */
    public ImageRefException(String message) {
        super(message);
    }
}
