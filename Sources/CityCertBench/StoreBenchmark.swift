import CityCertCore
import CityCertReport
import CityCertRuntime
import CityCertStore
import CityCertTUI
import Foundation

/// The in-process figures of one store: reading, evaluating, reporting, and the workstation driven
/// headlessly (`update` + `View.render` + the buffer diff the terminal would send) with a real store.
///
/// Every figure but the key presses is the median of `runs` runs, each on a freshly opened store
/// (nothing cached from the previous run but the operating system's page cache).
public struct StoreBenchmark {
    /// The figures, in milliseconds unless named otherwise.
    public struct Figures: Codable, Sendable {
        public var applications = 0
        public var files = 0
        public var open = 0.0
        public var evaluateAll = 0.0
        public var renderJSON = 0.0
        public var reportInProcess = 0.0
        public var firstScreen = 0.0
        public var listKeyMedian = 0.0
        public var listKeyP99 = 0.0
        public var listKeyMax = 0.0
        public var openApplication = 0.0
        public var scoringKeyMedian = 0.0
        public var scoringKeyP99 = 0.0
        public var scoringKeyMax = 0.0
        public var saveKey = 0.0
        public var backToList = 0.0
        public var reloadList = 0.0
        /// The chair: first screen (store opened, list read, overview of every application), keys on
        /// the overview, opening a consensus screen, keys there, and back to the overview.
        public var chairFirstScreen = 0.0
        public var overviewKey = KeyFigures()
        public var openConsensus = 0.0
        public var consensusKey = KeyFigures()
        public var backToOverview = 0.0
        /// The secretary: first screen (every application and its status), keys on the report screen.
        public var secretaryFirstScreen = 0.0
        public var reportKey = KeyFigures()
        public var keyPresses = 0
        /// A note of 5,000 characters (Hangul, line breaks) pasted into the open field (update + render +
        /// diff), saved with Enter (fsync), and keys typed at its end.
        public var pasteNote = -1.0
        public var saveLongNote = -1.0
        public var longNoteKey = KeyFigures()
        /// Peak memory after the workstation's part (first screen, keys), before the whole-round part.
        public var workstationPeakMiB = 0.0
        public var peakMemoryMiB = 0.0
    }

    /// Median, 99th percentile and maximum of a screen's key presses.
    public struct KeyFigures: Codable, Sendable {
        public var median = 0.0, p99 = 0.0, max = 0.0
        public init() {}
        init(_ times: [Double]) {
            median = Stopwatch.median(times)
            p99 = Stopwatch.percentile(times, 99)
            max = times.max() ?? 0
        }
    }

    public let path: String
    public let runs: Int
    /// The terminal size the screens are drawn at.
    public var width = 120
    public var height = 40

    public init(path: String, runs: Int) { self.path = path; self.runs = max(1, runs) }

    public func measure() throws -> Figures {
        var f = Figures()
        var open: [Double] = [], evaluate: [Double] = [], render: [Double] = [], report: [Double] = [], first: [Double] = []
        // The workstation first, so that its peak memory is its own.
        for _ in 0..<runs {
            let (_, t) = try Stopwatch.time { () throws -> Buffer in
                let (_, state) = try startSession()
                return View.render(state)
            }
            first.append(t)
        }
        try measureKeys(&f)
        try measureChairAndSecretary(&f)
        f.workstationPeakMiB = Stopwatch.peakMemoryMiB()
        for _ in 0..<runs {
            let (store, tOpen) = try Stopwatch.time { try Store.open(at: path) }
            open.append(tOpen)
            let (round, tEval) = Stopwatch.time { store.evaluateAll() }
            evaluate.append(tEval)
            let (text, tRender) = Stopwatch.time { JSONReport.render(round) }
            render.append(tRender)
            report.append(tOpen + tEval + tRender)
            f.applications = round.applications.count + Set(round.invalid.map(\.path)).count
            precondition(!text.isEmpty)
        }
        f.open = Stopwatch.median(open)
        f.evaluateAll = Stopwatch.median(evaluate)
        f.renderJSON = Stopwatch.median(render)
        f.reportInProcess = Stopwatch.median(report)
        f.firstScreen = Stopwatch.median(first)
        f.peakMemoryMiB = Stopwatch.peakMemoryMiB()
        return f
    }

    /// A store, a runner acting as the first committee member of a role, and the first state.
    func startSession(_ role: Role = .member) throws -> (EffectRunner, AppState) {
        let store = try Store.open(at: path)
        let member = store.committee.members.first { $0.role == role } ?? store.committee.members[0]
        let runner = EffectRunner(store: store, memberID: member.id)
        let state = runner.start(language: .ko, colors: true, width: width, height: height, reason: "")
        return (runner, state)
    }

    /// A session driven key by key, each press timed as update (with the effects it asks for) +
    /// render + the diff the terminal would be sent.
    final class Driver {
        let runner: EffectRunner
        var state: AppState
        private var previous: Buffer
        private(set) var presses = 0

        init(_ session: (EffectRunner, AppState)) {
            (runner, state) = session
            previous = View.render(state)
        }

        func press(_ key: Key) -> Double { send(.key(key)) }

        /// A bracketed paste, timed like a key.
        func paste(_ text: String) -> Double { send(.paste(text)) }

        func send(_ message: Message) -> Double {
            let start = Stopwatch.now()
            runner.send(message, to: &state)
            let buffer = View.render(state)
            let changes = buffer.diff(from: previous)
            previous = buffer
            let t = Double(Stopwatch.now() - start) / 1_000_000
            presses += 1
            precondition(changes.count >= 0)
            return t
        }

        /// Every key of `keys`, `rounds` times over: the times.
        func press(_ keys: [Key], rounds: Int = 3) -> [Double] {
            (0..<rounds).flatMap { _ in keys.map { press($0) } }
        }
    }

    /// Drives the list and the scoring screen key by key, timing update + render + diff per key.
    func measureKeys(_ f: inout Figures) throws {
        let d = Driver(try startSession())

        // The list: moving, paging, jumping, filtering and sorting (none of these reads a file).
        let listKeys: [Key] = Array(repeating: .down, count: 30) + [.pageDown, .pageDown, .pageUp] + Array(repeating: .up, count: 10)
            + [.char("G"), .char("g"), .char("t"), .char("t"), .char("t"), .char("s"), .char("s"), .char("s"), .char("s"),
               .char("o"), .char("o"), .char("o"), .char("o"), .char("j"), .char("k"), .char("?"), .escape]
        let list = d.press(listKeys)

        // Open an application the member may still edit (written phase not submitted, not final).
        guard case .applications(let ls) = d.state.screen else { return }
        let rows = ls.visible(language: d.state.language)
        guard let target = rows.firstIndex(where: { $0.canOpen && !$0.isFinal && $0.progress[.written] != .submitted })
                ?? rows.firstIndex(where: \.canOpen) else { return }
        _ = d.press(.char("g"))
        for _ in 0..<target { _ = d.press(.down) }
        f.openApplication = d.press(.enter)
        guard case .scoring(let scoring) = d.state.screen else { return }

        // The scoring screen: moving through the indicators, the phase toggle, help.
        let keys = d.press(Array(repeating: .down, count: 20) + Array(repeating: .up, count: 8)
            + [.pageDown, .pageUp, .char("G"), .char("g"), .char("m"), .tab, .tab, .char("?"), .escape, .char("j"), .char("k")])

        // A save: a level on the first qualitative indicator, alternating so each press changes the sheet.
        var saves: [Double] = []
        if scoring.isEditable, let q = scoring.indicators.firstIndex(where: { !$0.isQuantitative }) {
            _ = d.press(.char("g"))
            for _ in 0..<q { _ = d.press(.down) }
            for i in 0..<max(3, runs) { saves.append(d.press(.char(i % 2 == 0 ? "3" : "4"))) }
            // A note of 5,000 characters pasted, typed into and saved (it was quadratic: minutes).
            _ = d.press(.char("n"))
            let note = String(String(repeating: "증빙 자료 p.3과 일치함. See the catalogue.\n", count: 150).prefix(5000))
            f.pasteNote = d.paste(note)
            f.longNoteKey = KeyFigures(d.press(Array("확인함.".map { Key.char($0) }) + [.left, .right, .up, .down, .home, .end], rounds: 2))
            f.saveLongNote = d.press(.enter)
        }
        f.backToList = d.press(.char("q"))
        f.reloadList = d.press(.char("r"))

        f.listKeyMedian = Stopwatch.median(list)
        f.listKeyP99 = Stopwatch.percentile(list, 99)
        f.listKeyMax = list.max() ?? 0
        f.scoringKeyMedian = Stopwatch.median(keys)
        f.scoringKeyP99 = Stopwatch.percentile(keys, 99)
        f.scoringKeyMax = keys.max() ?? 0
        f.saveKey = saves.isEmpty ? -1 : Stopwatch.median(saves)
        f.keyPresses = d.presses
    }

    /// The chair's overview and consensus screens, and the secretary's report screen.
    func measureChairAndSecretary(_ f: inout Figures) throws {
        let (session, first) = try Stopwatch.time { try startSession(.chair) }
        f.chairFirstScreen = first + Stopwatch.time { View.render(session.1) }.1
        let chair = Driver(session)
        guard case .overview = chair.state.screen else { return }
        f.overviewKey = KeyFigures(chair.press(Array(repeating: .down, count: 20) + [.pageDown, .pageUp, .char("G"), .char("g"),
                                                                                       .char("o"), .char("o"), .char("?"), .escape, .char("j"), .char("k")]))
        f.openConsensus = chair.press(.enter)
        guard case .consensus = chair.state.screen else { return }
        f.consensusKey = KeyFigures(chair.press(Array(repeating: .down, count: 20) + Array(repeating: .up, count: 5)
            + [.pageDown, .pageUp, .tab, .tab, .char("h"), .char("h"), .char("f"), .char("]"), .char("["), .char("?"), .escape]))
        f.backToOverview = chair.press(.char("q"))

        let (secretarySession, secretaryFirst) = try Stopwatch.time { try startSession(.secretary) }
        f.secretaryFirstScreen = secretaryFirst + Stopwatch.time { View.render(secretarySession.1) }.1
        let secretary = Driver(secretarySession)
        guard case .report = secretary.state.screen else { return }
        f.reportKey = KeyFigures(secretary.press(Array(repeating: .down, count: 20) + [.pageDown, .pageUp, .char("x"), .char("x"),
                                                                                         .char("a"), .char("a"), .char("f"), .char("f"), .char("?"), .escape]))
        f.keyPresses += chair.presses + secretary.presses
    }
}
