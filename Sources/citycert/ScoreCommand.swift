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
        Each --set IND=VALUE saves one entry (a number for a quantitative indicator, a level for a qualitative one; empty clears the score); --note IND=TEXT and --ask IND=TEXT set the note and the question to the applicant (empty removes it); --clear IND removes the score and keeps the note and question, as the workstation's x does. All of it is one change, saved at once or not at all: --reopen first, then the entries, then --submit; each entry is printed with the points it earns ("saved …") once the whole change is on disk. A value more than ten times away from the one the applicant submitted is refused as a likely unit or typing slip unless --accept-far says it is meant. Without --as, the member whose login is your user name.

        Exit status: 0 when everything was saved, 1 when the store refused (the message says why; nothing was saved), 2 for a wrong command line.
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
    @Option(help: ArgumentHelp("IND: remove your score (the note and question stay).", valueName: "IND"))
    var clear: [String] = []
    @Flag(help: "Save values more than ten times away from the applicant's (you checked them).")
    var acceptFar = false
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
        // Setting and clearing one score in one command says two things: neither is guessed.
        for id in clear where sets.contains(where: { $0.hasPrefix(id + "=") }) {
            throw ValidationError("--clear \(id) and --set \(id)=… contradict each other: give one of them")
        }
    }

    func run() throws {
        let (store, memberID, application) = try target.resolve()
        let edits = try self.edits(store.standards)
        var order: [String] = []
        for e in edits where !order.contains(e.indicator) { order.append(e.indicator) }
        do {
            let outcome = try store.edit(edits, member: memberID, application: application, phase: phase.phase,
                                         reopen: reopen, submit: submit, acceptFar: acceptFar)
            // Printed once the whole change is on disk (one commit: all of it or none).
            if reopen {
                Console.out(outcome.reopened ? "reopened \(memberID) \(application) \(phase.rawValue)\n"
                                             : "\(memberID) \(application) \(phase.rawValue) was already a draft\n")
            }
            let cityType = store.application(application).application?.cityType
            for id in order {
                let e = outcome.sheet.phases[phase.phase]?.entries[id]
                Console.line("saved \(memberID) \(application) \(phase.rawValue) \(id): \(Self.describe(e, store.standards.indicator(id), cityType))")
            }
            if submit {
                Console.out("submitted \(memberID) \(application) \(phase.rawValue) (\(outcome.sheet.phases[phase.phase]?.entries.count ?? 0) entries)\n")
            }
        } catch {
            Console.refused(error)
            throw ExitCode(1)
        }
    }

    /// The command line's changes as sheet edits, in the order: every --set, --note, --ask, --clear.
    func edits(_ standards: Standards) throws -> [SheetEdit] {
        func indicator(_ id: String) throws -> Indicator {
            guard let ind = standards.indicator(id) else {
                throw ValidationError("'\(id)' is not an indicator of the standards (\(standards.id))")
            }
            return ind
        }
        var edits: [SheetEdit] = []
        for item in sets {
            let (id, text) = Self.split(item)
            let ind = try indicator(id)
            if ind.isQuantitative {
                guard !text.isEmpty else { edits.append(SheetEdit(id, .value(nil))); continue }
                switch EnteredNumber.parse(text) {
                case .success(let v): edits.append(SheetEdit(id, .value(v)))
                case .failure(let why): throw ValidationError("--set \(item): \(id) is quantitative; \(why.message(text, korean: false))")
                }
            } else {
                guard !text.isEmpty else { edits.append(SheetEdit(id, .level(nil))); continue }
                guard let l = EnteredNumber.level(text) else { throw ValidationError("--set \(item): \(id) is qualitative; give a level (\(ind.levels.map { String($0.level) }.joined(separator: ", ")))") }
                edits.append(SheetEdit(id, .level(l)))
            }
        }
        for item in note { let (id, text) = Self.split(item); _ = try indicator(id); edits.append(SheetEdit(id, .note(text))) }
        for item in ask { let (id, text) = Self.split(item); _ = try indicator(id); edits.append(SheetEdit(id, .question(text))) }
        for id in clear { edits.append(SheetEdit(id, try indicator(id).isQuantitative ? .value(nil) : .level(nil))) }
        return edits
    }

    static func split(_ item: String) -> (String, String) {
        let eq = item.firstIndex(of: "=")!
        return (String(item[..<eq]), String(item[item.index(after: eq)...]))
    }

    /// `512 (20.00 of 40.00 points) · note "checked"`, `level 4 (…)`, `(cleared)`.
    static func describe(_ e: Entry?, _ ind: Indicator? = nil, _ cityType: CityType? = nil) -> String {
        guard let e else { return "(cleared)" }
        var parts: [String] = []
        var points = ""
        if let ind, let cityType, let share = ind.share(for: e) {
            let max = ind.points(for: cityType)
            points = " (\(max.times(share)) of \(max) points)"
        }
        if let v = e.value { parts.append(EntryValue.format(v) + points) }
        if let l = e.level { parts.append("level \(l)" + points) }
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
