import Foundation
import Testing
import TestSupport

/// The built `citycert` executable, run as a child process by the process-level tests.
///
/// `$CITYCERT_BIN` names it (`.ci/run` sets it); otherwise the `citycert` built next to this test
/// bundle (`swift test` builds it too). Tests that need it are skipped, saying why, when neither exists.
enum CitycertBinary {
    static let path: String? = {
        let fm = FileManager.default
        if let p = ProcessInfo.processInfo.environment["CITYCERT_BIN"], !p.isEmpty {
            return fm.isExecutableFile(atPath: p) ? p : nil
        }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for dir in [beside, beside.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("citycert").path
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static var isAvailable: Bool { path != nil }
    static let skipReason: Comment = "no citycert binary: set CITYCERT_BIN (as .ci/run does) or build it with `swift build`"

    struct Result {
        var status: Int32
        var out: String
        var err: String
        /// Standard output as bytes (a PDF or a workbook written to it).
        var outData = Data()
    }

    /// Runs citycert to completion, in English unless `language` says otherwise (the test's own
    /// LANG, LC_ALL and LC_MESSAGES are not passed on: messages follow them).
    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, language: String? = nil,
                    environment extra: [String: String] = [:], removing: [String] = []) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path!)
        p.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["LANG", "LC_ALL", "LC_MESSAGES"] { environment[name] = nil }
        if let language { environment["LANG"] = language }
        for name in removing { environment[name] = nil }
        environment.merge(extra) { $1 }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        if let stdin {
            let inPipe = Pipe()
            p.standardInput = inPipe
            try p.run()
            inPipe.fileHandleForWriting.write(Data(stdin.utf8))
            try inPipe.fileHandleForWriting.close()
        } else {
            p.standardInput = FileHandle.nullDevice
            try p.run()
        }
        // Read both pipes while the child runs (a full pipe would block it).
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self),
                      outData: outData)
    }

    /// A standards file with `count` quantitative indicators `Q1`…`Qn` (10 points each, both city
    /// types) and the fixture's qualitative `L1`, so one `citycert score` run makes many saves.
    static func standards(quantitative count: Int) -> String {
        var s = """
        id: t-many
        title: {ko: 시험 기준, en: Test standards}
        \(TempStore.standardsRules)
        fields:
          - id: f1
            name: 혁신성
            items:
              - id: i1
                name: 데이터
                indicators:
                  - id: L1
                    name: 시민참여
                    points: {large: 10, small: 10}
                    qualitative:
                      levels:
                        - {level: 5, share: 1.0, text: 최우수}
                        - {level: 4, share: 0.8, text: 우수}
                        - {level: 3, share: 0.6, text: 보통}
                        - {level: 2, share: 0.4, text: 미흡}
                        - {level: 1, share: 0.2, text: 부족}

        """
        for i in 1...count {
            s += """
                          - id: Q\(i)
                            name: 지표 \(i)
                            points: {large: 10, small: 10}
                            quantitative:
                              bands:
                                - {at_least: 500, share: 1.0}
                                - {at_least: 100, share: 0.5}
                                - {at_least: 0, share: 0.2}

                """
        }
        return s
    }

    /// A committee of a chair and eight members (no logins: any OS user may act as them) and a secretary.
    static let nineMembers = """
    members:
      - {id: kim, name: 김민수, role: chair}
      - {id: lee, name: 이서연, role: member}
      - {id: park, name: 박지훈, role: member}
      - {id: choi, name: 최유나, role: member}
      - {id: jung, name: 정하늘, role: member}
      - {id: kang, name: 강수빈, role: member}
      - {id: yoon, name: 윤재현, role: member}
      - {id: lim, name: 임소영, role: member}
      - {id: seo, name: 서지민, role: member}
      - {id: han, name: 한지우, role: secretary}
    site_teams:
      app-a: [kim, park, choi]
    """

    /// The JSON of a file of the store.
    static func json(_ t: TempStore, _ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: t.root.appendingPathComponent(path))) as! [String: Any]
    }

    /// One phase's entries of a sheet file: indicator → value text or level.
    static func entries(_ t: TempStore, _ path: String, phase: String = "written") throws -> (status: String?, entries: [String: String]) {
        guard FileManager.default.fileExists(atPath: t.root.appendingPathComponent(path).path) else { return (nil, [:]) }
        let phases = try json(t, path)["phases"] as? [String: Any]
        guard let ps = phases?[phase] as? [String: Any] else { return (nil, [:]) }
        var out: [String: String] = [:]
        for (id, e) in ps["entries"] as? [String: Any] ?? [:] {
            let e = e as! [String: Any]
            if let v = e["value"] as? NSNumber { out[id] = "\(v)" } else if let l = e["level"] as? NSNumber { out[id] = "L\(l)" }
        }
        return (ps["status"] as? String, out)
    }
}
