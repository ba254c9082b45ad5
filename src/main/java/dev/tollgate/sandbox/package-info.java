/**
 * The embedded sandbox: a local endpoint on 127.0.0.1 that the unmodified AWS SDK and CLI talk to as if
 * it were CodePipeline, ECR and S3 in account 123456789012, us-east-1.
 *
 * <p>Entry points for the app:
 * <ul>
 *   <li>{@link dev.tollgate.sandbox.Sandbox#start(SandboxConfig)} with {@link dev.tollgate.sandbox.SandboxConfig#defaults()};
 *       point every SDK client's {@code endpointOverride} at {@link dev.tollgate.sandbox.Sandbox#endpoint()}
 *       (S3 clients also need {@code forcePathStyle(true)}).</li>
 *   <li>{@link dev.tollgate.sandbox.SandboxCommand#run(String[])} for {@code tollgate sandbox --port N ...}.</li>
 *   <li>{@link dev.tollgate.sandbox.Sandbox#control()} to push commits, move the clock and inject faults
 *       in process; the same is available over HTTP under {@code /_sandbox/}.</li>
 * </ul>
 *
 * <p>Time: the simulation follows a {@link dev.tollgate.sandbox.SandboxClock}. By default it is an
 * {@link dev.tollgate.sandbox.AcceleratedClock} ({@code speed} simulated seconds per real second); tests pass a
 * {@link dev.tollgate.sandbox.ManualClock} and advance it. Nothing runs in the background: each request first
 * catches the engine up to the clock, so a seed and a sequence of calls always give the same answers.
 */
package dev.tollgate.sandbox;
