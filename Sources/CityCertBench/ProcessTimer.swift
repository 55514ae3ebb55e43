import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a whole process with its output thrown away and reports its wall time and peak memory
/// (the kernel's accounting through `wait4`).
public enum ProcessTimer {
    public struct Run: Sendable {
        public var wallMilliseconds: Double
        public var cpuMilliseconds: Double
        public var peakMemoryMiB: Double
        public var status: Int32
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `arguments` (the first is the executable's path) with standard output to `output`.
    public static func run(_ arguments: [String], output: String = "/dev/null") throws -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = Stopwatch.now()
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard rc == 0 else { throw SpawnError(description: "cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            if errno != EINTR { throw SpawnError(description: "wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let wall = Double(Stopwatch.now() - start) / 1_000_000
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Run(wallMilliseconds: wall, cpuMilliseconds: ms(usage.ru_utime) + ms(usage.ru_stime),
                   peakMemoryMiB: Double(usage.ru_maxrss) / 1024, status: exit)
    }

    /// The path of a program found on PATH.
    public static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if access(p, X_OK) == 0 { return p }
        }
        return nil
    }

    /// This executable's path.
    public static func currentExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
