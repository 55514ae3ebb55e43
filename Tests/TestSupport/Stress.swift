import Foundation

/// The long stress runs (crash, concurrency, fuzz) run only when `CITYCERT_STRESS=1`, as `.ci/run`
/// sets it in a step of their own, so that the default `swift test` stays quick enough to run often.
public enum Stress {
    public static var enabled: Bool { ProcessInfo.processInfo.environment["CITYCERT_STRESS"] == "1" }
    public static let skipReason = "a long stress run: set CITYCERT_STRESS=1 (as .ci/run does)"
}
