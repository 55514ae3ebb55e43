import ArgumentParser
import CityCertCore
import CityCertStore
import Foundation

/// `citycert score`: what the workstation does, from a script — the same store actions, the same
/// rules, the same audit records.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Set entries of your score sheet, submit or reopen it (scriptable scoring).",
        discussion: """
        Each --set IND=VALUE saves one entry (a number for a quantitative indicator, a level for a qualitative one; empty clears the score); --note IND=TEXT and --ask IND=TEXT set the note and the question to the applicant; --clear IND removes the entry. Every save is printed as it is made ("saved …"), after it is on disk. Order: --reopen, then the entries in the order given, then --submit. Without --as, the member whose login is your user name.

        Exit status: 0 when everything was saved, 1 when the store refused a change (the message says why; the changes printed before it are saved), 2 for a wrong command line.
        """)

    @OptionGroup var target: MemberTarget
    @Option(help: "written or site.")
    var phase: PhaseArgument
    @Option(name: .customLong("set"), help: ArgumentHelp("IND=VALUE: a value (quantitative) or level (qualitative).", valueName: "IND=VALUE"))
    var sets: [String] = []
    @Option(help: ArgumentHelp("IND=TEXT: your note on an indicator.", valueName: "IND=TEXT"))
    var note: [String] = []
    @Option(help: ArgumentHelp("IND=TEXT: a question to the applicant (clarification).", valueName: "IND=TEXT"))
    var ask: [String] = []
    @Option(help: ArgumentHelp("IND: remove your entry (score, note and question).", valueName: "IND"))
    var clear: [String] = []
    @Flag(help: "Submit the phase after the entries are saved.")
    var submit = false
    @Flag(help: "Reopen the submitted phase as a draft first.")
    var reopen = false

    func validate() throws {
        if sets.isEmpty && note.isEmpty && ask.isEmpty && clear.isEmpty && !submit && !reopen {
            throw ValidationError("nothing to do: give --set, --note, --ask, --clear, --submit or --reopen")
        }
        for (option, list) in [("--set", sets), ("--note", note), ("--ask", ask)] {
            var seen = Set<String>()
            for item in list {
                guard let eq = item.firstIndex(of: "=") else { throw ValidationError("\(option) \(item): expected IND=...") }
                let id = String(item[..<eq])
                guard Identifier.isValidIndicator(id) else { throw ValidationError("\(option) \(item): '\(id)' is not an indicator id") }
                guard seen.insert(id).inserted else { throw ValidationError("\(option) names \(id) twice") }
            }
        }
        for id in clear where !Identifier.isValidIndicator(id) { throw ValidationError("--clear \(id): not an indicator id") }
    }

    /// One indicator's requested change.
    struct Change {
        var setsScore = false
        var value: Decimal?
        var level: Int?
        var note: String?
        var ask: String?
        var clear = false
    }

    func run() throws {
        let (store, memberID, application) = try target.resolve()
        var order: [String] = []
        var changes: [String: Change] = [:]
        func change(_ id: String) throws -> Indicator {
            guard let ind = store.standards.indicator(id) else {
                throw ValidationError("'\(id)' is not an indicator of the standards (\(store.standards.id))")
            }
            if changes[id] == nil { order.append(id); changes[id] = Change() }
            return ind
        }
        for item in sets {
            let (id, text) = Self.split(item)
            let ind = try change(id)
            changes[id]!.setsScore = true
            guard !text.isEmpty else { continue }
            if ind.isQuantitative {
                switch EnteredNumber.parse(text) {
                case .success(let v): changes[id]!.value = v
                case .failure(let why): throw ValidationError("--set \(item): \(id) is quantitative; \(why.message(text, korean: false))")
                }
            } else {
                guard let l = Int(text) else { throw ValidationError("--set \(item): \(id) is qualitative; give a level (\(ind.levels.map { String($0.level) }.joined(separator: ", ")))") }
                changes[id]!.level = l
            }
        }
        for item in note { let (id, text) = Self.split(item); _ = try change(id); changes[id]!.note = text }
        for item in ask { let (id, text) = Self.split(item); _ = try change(id); changes[id]!.ask = text }
        for id in clear { _ = try change(id); changes[id]!.clear = true }

        do {
            if reopen {
                try store.reopenSheet(member: memberID, application: application, phase: phase.phase)
                Console.out("reopened \(memberID) \(application) \(phase.rawValue)\n")
            }
            for id in order {
                let c = changes[id]!
                let sheet = try store.updateEntry(indicator: id, member: memberID, application: application, phase: phase.phase) { current in
                    if c.clear { return nil }
                    var e = current ?? Entry()
                    if c.setsScore { e.value = c.value; e.level = c.level }
                    if let n = c.note { e.note = n }
                    if let q = c.ask { e.clarification = q }
                    return e
                }
                let e = sheet.phases[phase.phase]?.entries[id]
                Console.line("saved \(memberID) \(application) \(phase.rawValue) \(id): \(Self.describe(e))")
            }
            if submit {
                let sheet = try store.submit(member: memberID, application: application, phase: phase.phase)
                Console.out("submitted \(memberID) \(application) \(phase.rawValue) (\(sheet.phases[phase.phase]?.entries.count ?? 0) entries)\n")
            }
        } catch {
            Console.refused(error)
            throw ExitCode(1)
        }
    }

    static func split(_ item: String) -> (String, String) {
        let eq = item.firstIndex(of: "=")!
        return (String(item[..<eq]), String(item[item.index(after: eq)...]))
    }

    /// `512 · note "checked"`, `level 4`, `(cleared)`.
    static func describe(_ e: Entry?) -> String {
        guard let e else { return "(cleared)" }
        var parts: [String] = []
        if let v = e.value { parts.append(EntryValue.format(v)) }
        if let l = e.level { parts.append("level \(l)") }
        if !e.isScored { parts.append("(no score)") }
        if let n = e.note { parts.append("note \"\(n)\"") }
        if let q = e.clarification { parts.append("ask \"\(q)\"") }
        return parts.joined(separator: " · ")
    }
}

/// `--phase written|site`.
enum PhaseArgument: String, ExpressibleByArgument, CaseIterable {
    case written, site
    var phase: Phase { self == .written ? .written : .site }
}

/// Who a command acts as: `--as`, else the member whose login is the OS user.
enum ActingMember {
    static func resolve(_ given: String?, in store: Store) throws -> String {
        if let given {
            guard store.committee.member(given) != nil else {
                throw ValidationError("'\(given)' is not a member of the committee; members: \(store.committee.members.map(\.id).joined(separator: ", "))")
            }
            return given
        }
        guard let m = store.memberForCurrentUser() else {
            throw ValidationError("no committee member has the login '\(store.osUser.name)': give --as MEMBER")
        }
        return m.id
    }
}
