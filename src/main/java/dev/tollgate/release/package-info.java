/**
 * The release domain of Tollgate: what a reviewer is about to approve.
 *
 * <p>Everything here is pure: it reads bytes and {@link java.io.InputStream}s handed to it,
 * never the network or the file system, and returns immutable records. Every input is treated
 * as hostile: a build artifact is produced by whatever the build ran, so sizes, nesting, names
 * and encodings are all bounded and checked before anything is trusted.
 *
 * <p>The entry points are {@link dev.tollgate.release.ArtifactArchive} (a build artifact zip to
 * the containers it deploys), {@link dev.tollgate.release.ImageDefinitions} (the JSON inside),
 * {@link dev.tollgate.release.ImageRef} (one image reference), and
 * {@link dev.tollgate.release.ReleaseImage} / {@link dev.tollgate.release.ReleaseDiff} (what the
 * reviewer should look at twice).
 */
package dev.tollgate.release;
