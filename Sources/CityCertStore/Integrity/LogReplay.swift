import CityCertCore
import Foundation

/// Step 2 of `verify`: the log replayed record by record. Each record must make sense where it
/// stands — signed by its actor, made by the actor's own OS account, allowed by the committee's
/// rules at that point — and every decision must agree with the sheets as replayed up to it.
struct LogReplay {
    let store: Store
    /// Each sheet's records, and the sheet they replay to.
    var bySheet: [SheetKey: [AuditRecord]] = [:]
    var sheets: [SheetKey: ScoreSheet] = [:]
    /// Each application's decision records, and the decision they leave.
    var decisionRecords: [String: [AuditRecord]] = [:]
    var decisions: [String: Decision] = [:]
    var finalizedAt: [String: AuditRecord] = [:]
    /// The last seal and the files it holds.
    var lastSeal: AuditRecord?
    var sealedFiles: [String: String]?

    init(store: Store) { self.store = store }

    mutating func replay(_ records: [AuditRecord], report: inout VerifyReport) {
        for r in records { apply(r, report: &report) }
    }

    private mutating func apply(_ r: AuditRecord, report: inout VerifyReport) {
        func bad(_ m: String) { report.errors.append(Problem(path: "audit.log", line: r.line, m)) }
        guard Identifier.isValid(r.actor) else { bad("actor '\(r.actor)' is not a valid member id"); return }
        let member = store.committee.member(r.actor)
        store.checkSignature(r, member: member, report: &report)
        if let m = member, let login = m.login, let os = r.detailString("os_user"), os != login, os != "root" {
            bad("made by the operating-system user '\(os)', but \(r.actor)'s login is '\(login)': recorded in another member's name")
        }
        switch r.action.scope {
        case .store:
            seal(r, member: member, report: &report)
            return
        case .sheet, .decision:
            break
        case .unknown:
            bad("unknown action '\(r.action)'")
            return
        }
        guard Identifier.isValid(r.application) else { bad("application '\(r.application)' is not a valid id"); return }
        if member == nil {
            bad("actor '\(r.actor)' is not a member in committee.yaml")
        }
        if r.action.isSheetAction {
            sheet(r, member: member, report: &report)
        } else {
            decision(r, member: member, report: &report)
        }
    }

    private mutating func seal(_ r: AuditRecord, member: Member?, report: inout VerifyReport) {
        func bad(_ m: String) { report.errors.append(Problem(path: "audit.log", line: r.line, m)) }
        guard r.application.isEmpty, r.phase == nil else { bad("a \(r.action) record has application and phase null"); return }
        guard let m = member, m.role == .secretary || m.role == .chair else {
            bad("\(r.actor) seals the round, but only the secretary or the chair may")
            return
        }
        guard case .object(let pairs)? = r.detail["files"] else { bad("a seal record needs detail.files"); return }
        var sealed: [String: String] = [:]
        for (path, value) in pairs {
            guard let h = value.stringValue, h.count == 64, h.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                bad("detail.files['\(path)'] is not a lowercase hex SHA-256")
                continue
            }
            sealed[path] = h
        }
        lastSeal = r
        sealedFiles = sealed
    }

    private mutating func sheet(_ r: AuditRecord, member: Member?, report: inout VerifyReport) {
        func bad(_ m: String) { report.errors.append(Problem(path: "audit.log", line: r.line, m)) }
        if let f = finalizedAt[r.application] {
            bad("\(r.actor) changes a sheet of \(r.application) while it is final (finalized at audit.log:\(f.line))")
            return
        }
        checkRules(r, member: member, report: &report)
        let key = SheetKey(member: r.actor, application: r.application)
        var sheet = sheets[key] ?? ScoreSheet(application: r.application, member: r.actor)
        do {
            try SheetReplay.apply(r, to: &sheet)
        } catch {
            bad("\(r.actor)'s sheet of \(r.application): \(error.message)")
            return
        }
        if SheetReplay.submits(r), let phase = r.phase, let app = store.application(r.application, keep: false).application {
            let missing = store.missingEntries(sheet.phases[phase], for: app)
            if !missing.isEmpty {
                bad("\(r.actor) submits the \(phase.rawValue) sheet of \(r.application) with \(missing.count) indicator(s) without an entry (\(missing.prefix(5).joined(separator: ", "))\(missing.count > 5 ? ", …" : "")): citycert never does")
            }
        }
        sheets[key] = sheet
        bySheet[key, default: []].append(r)
    }

    /// The committee's rules on a sheet record: who scores, conflicts, the site team, adoption.
    private func checkRules(_ r: AuditRecord, member: Member?, report: inout VerifyReport) {
        func bad(_ m: String) { report.errors.append(Problem(path: "audit.log", line: r.line, m)) }
        func warn(_ m: String) { report.warnings.append(Problem(path: "audit.log", line: r.line, m, severity: .warning)) }
        let committee = store.committee
        if let m = member {
            if !m.canScore {
                bad("\(r.actor) is the secretary and does not score (\(r.action) of \(r.application))")
            } else if committee.conflict(member: r.actor, application: r.application) != nil {
                warn("\(r.actor) has a conflict of interest on \(r.application) in committee.yaml and changed its sheet here (declared later? the sheet does not count)")
            } else if r.phase == .site, !committee.isOnSiteTeam(r.actor, application: r.application) {
                warn("\(r.actor) is not on the site team of \(r.application) and changed a site sheet here (the sheet does not count)")
            }
        }
        if r.action == .adoptSheet {
            let m = "\(r.actor)'s sheet of \(r.application) was adopted as found (written outside citycert): its entries are not the record of the member's own changes"
            if store.signaturesRequired || member?.publicKey != nil { bad(m) } else { warn(m) }
        }
    }

    private mutating func decision(_ r: AuditRecord, member: Member?, report: inout VerifyReport) {
        var d = decisions[r.application]
        do {
            try SheetReplay.applyDecision(r, to: &d)
        } catch {
            report.errors.append(Problem(path: "audit.log", line: r.line, error.message))
            return
        }
        if member != nil, member?.role != .chair {
            report.errors.append(Problem(path: "audit.log", line: r.line,
                                         "\(r.actor) \(r.action == .finalize ? "finalizes" : "reopens") \(r.application), but only the chair may"))
        }
        if r.action == .finalize, let d {
            store.checkDecision(d, record: r, sheets: sheets, report: &report)
        }
        decisions[r.application] = d
        finalizedAt[r.application] = d == nil ? nil : r
        decisionRecords[r.application, default: []].append(r)
    }
}
