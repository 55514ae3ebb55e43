import CityCertCore
import CityCertReport
import CityCertStore
import CityCertTUI
import Foundation

/// The chair's and the secretary's effects: overview, consensus, finalize/reopen, the report.
extension EffectRunner {
    func performChair(_ effect: ChairEffect, in state: AppState) -> [Message] {
        let language = state.language
        switch effect {
        case .loadOverview:
            return [.overviewLoaded(overview(language: language))]
        case .refreshOverview(let left):
            let cursor: Int64? = if case .overview(let o) = state.screen { o.auditCursor } else { nil }
            guard let (ids, end) = changedApplications(since: cursor, left: left) else { return performChair(.loadOverview, in: state) }
            let rows = Parallel.map(ids.filter(store.applicationIDs.contains)) { id in
                let row = self.store.evaluatedApplication(id).map(self.overviewRow)
                return (id: id, row: row, reasons: row == nil ? self.invalidReasons(id) : [])
            }
            return [.overviewRowsLoaded(rows, cursor: end)]
        case .openConsensus(let id):
            guard let data = consensus(id, language: language) else { return [.failed(Self.invalidText(id))] }
            return [.consensusLoaded(data)]
        case let .finalize(app, note):
            return finalize(app, note: note, in: state)
        case let .reopenApplication(app, reason):
            guard let chair = state.session?.member.id else { return [] }
            do {
                try store.reopen(application: app, by: chair, reason: reason)
                return (consensus(app, language: language).map { [.consensusLoaded($0)] } ?? [])
                    + [.status(StatusLine(.applicationReopened(application: app), .info))]
            } catch {
                return [.failed(Self.refusal(error))]
            }
        case .loadReportScreen:
            // Every valid application and where it stands, read on both cores without keeping them.
            var rows: [(id: String, name: LocalizedText, status: ApplicationStatus)] = []
            _ = store.evaluateInBatches(text: .checked, rendering: { (id: $0.application.id, name: $0.application.government, status: $0.evaluation.status) }) { rows += $0 }
            return [.reportApplications(rows.map { (id: $0.id, name: $0.name) },
                                        statuses: Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.status) }))]
        case .seal:
            guard let member = state.session?.member.id else { return [] }
            do {
                let (seq, count) = try store.seal(by: member)
                return [.status(StatusLine(.sealed(files: count, seq: seq), .success))]
            } catch {
                return [.failed(Self.refusal(error))]
            }
        case let .previewReport(ids, format, choices):
            return previewReport(ids, format: format, choices: choices, language)
        case let .writeReport(ids, format, path, overwrite, choices):
            return writeReport(ids, format: format, path: path, overwrite: overwrite, choices: choices, language)
        }
    }

    /// The chair finalizes: the consensus screen read again, and the decision on the status line.
    private func finalize(_ app: String, note: String, in state: AppState) -> [Message] {
        guard let chair = state.session?.member.id else { return [] }
        let language = state.language
        do {
            let d = try store.finalize(application: app, by: chair, note: note)
            return (consensus(app, language: language).map { [.consensusLoaded($0)] } ?? [])
                + [.status(StatusLine(.finalized(application: app, total: "\(d.total)", max: "\(d.max)", grade: d.grade), .success))]
        } catch {
            return [.failed(Self.refusal(error))]
        }
    }

    /// The preview: the PDF's own pages as text for pdf (what the ministry will read, page by
    /// page), the text report otherwise (and when the PDF cannot be printed).
    private func previewReport(_ ids: [String], format: ReportState.Format, choices: ReportChoices, _ language: Language) -> [Message] {
        let r = round(ids)
        guard format == .pdf else { return [.reportPreview(TextReport.render(r, language: language).components(separatedBy: "\n"))] }
        do {
            let pdf = try PDFPrinter.pdf(html: HTMLReport.render(r, language: language, options: reportOptions(choices)))
            let pages = try PDFPrinter.pageTexts(pdf)
            var lines: [String] = []
            for (i, page) in pages.enumerated() {
                lines.append("──── " + language.pick("page \(i + 1) of \(pages.count)", "\(i + 1) / \(pages.count) 쪽") + " " + String(repeating: "─", count: 60))
                lines += page
            }
            return [.reportPreview(lines, pages: pages.count)]
        } catch {
            let text = TextReport.render(r, language: language)
            return [.reportPreview(text.components(separatedBy: "\n")),
                    .status(StatusLine(.noPDFPreview(LocalizedText(ko: PDFPrinter.message(error, .ko), en: "\(error)")), .error))]
        }
    }

    /// Writes the report (asks first when the file exists and `overwrite` is false).
    private func writeReport(_ ids: [String], format: ReportState.Format, path: String, overwrite: Bool,
                             choices: ReportChoices, _ language: Language) -> [Message] {
        if !overwrite && ExportFile.exists(path) {
            return [.reportExists(applications: ids, format: format, path: ExportFile.absolute(path), choices: choices)]
        }
        let r = round(ids)
        do {
            let written: String
            switch format {
            case .text: written = try ExportFile.write(TextReport.render(r, language: language), to: path)
            case .markdown: written = try ExportFile.write(MarkdownReport.render(r, language: language), to: path)
            case .html: written = try ExportFile.write(HTMLReport.render(r, language: language, options: reportOptions(choices)), to: path)
            case .csv: written = try ExportFile.write(CSVReport.render(r, language: language, byteOrderMark: choices.byteOrderMark), to: path)
            case .pdf: written = try PDFPrinter.print(html: HTMLReport.render(r, language: language, options: reportOptions(choices)), to: path)
            case .xlsx: written = try ExportFile.write(try XLSXReport.render(r, language: language, options: reportOptions(choices)), to: path)
            }
            return [.reportWritten(path: written),
                    .status(StatusLine(.reportWritten(path: written, format: format.rawValue, count: ids.count), .success))]
        } catch {
            return [.failed(LocalizedText(ko: PDFPrinter.message(error, .ko), en: PDFPrinter.message(error, .en)))]
        }
    }

    /// The printed report's options from the screen's choices: issued now, the annexes asked for.
    func reportOptions(_ choices: ReportChoices) -> ReportOptions {
        var annexes: Set<ReportOptions.Annex> = []
        if choices.members != .none { annexes.insert(.members) }
        if choices.notes { annexes.insert(.notes) }
        return ReportOptions(issuedAt: Date(), annexes: annexes, anonymous: choices.members == .anonymous)
    }

    /// The round restricted to some applications (the report of a selection).
    func round(_ ids: [String]) -> RoundEvaluation {
        var r = store.evaluateAll()
        let set = Set(ids)
        r.applications = r.applications.filter { set.contains($0.application.id) }
        return r
    }

    /// Every valid application with status, progress, figures and closeness to a grade boundary:
    /// read and evaluated on both cores a batch at a time, without keeping the applications read.
    public func overview(language: Language = .ko) -> OverviewState {
        let cursor = store.auditCursor()   // before reading: a change made meanwhile is read again next time
        var rows: [OverviewRow] = []
        let problems = store.evaluateInBatches(text: .checked, rendering: overviewRow) { rows += $0 }
        let valid = Set(rows.map(\.id))
        var o = OverviewState(rows: rows, invalidRows: store.applicationIDs.filter { !valid.contains($0) }.map { id in
            InvalidRow(id: id, reasons: Self.reasons(problems, of: id))
        })
        o.auditCursor = cursor
        return o
    }

    /// Why an application is invalid: its file's errors, `line N: message`.
    func invalidReasons(_ id: String) -> [String] {
        if case .invalid(let problems) = store.application(id) { return Self.reasons(problems.filter { $0.severity == .error }, of: id) }
        return []
    }

    static func reasons(_ problems: [Problem], of id: String) -> [String] {
        problems.filter { $0.path.hasPrefix("applications/\(id)/") }.map { p in
            (p.line.map { "\(p.path):\($0): " } ?? "\(p.path): ") + p.message
        }
    }

    /// One application's row of the overview.
    func overviewRow(_ evaluated: EvaluatedApplication) -> OverviewRow {
        let app = evaluated.application, e = evaluated.evaluation, id = app.id
        let eligible = store.committee.eligibleMembers(for: id).count
        let team = store.committee.siteTeam(for: id).count
        let rb = Robustness.analyze(e, byMethod: [], standards: store.standards)
        func name(_ member: String) -> String { store.committee.member(member)?.name ?? member }
        // A damaged sheet is named as damaged, not counted among those still to submit.
        let damaged = evaluated.damagedSheets
        let damagedIDs = Set(damaged.map(\.member))
        return OverviewRow(id: id, government: app.government, cityType: app.cityType, status: e.status, total: e.total,
                           max: e.max, percent: e.percent, grade: e.grade, certified: e.certified,
                           written: (eligible - e.missingWritten.count, eligible), site: (team - e.missingSite.count, team),
                           missing: e.missingWritten.filter { !damagedIDs.contains($0) }.map(name),
                           missingSite: e.missingSite.filter { !damagedIDs.contains($0) }.map(name),
                           nearestBoundary: rb.nearestBoundary, flagged: e.flagged.count,
                           range: e.range, gradesInRange: Robustness.grades(in: e.range, standards: store.standards),
                           lineDistance: rb.lineDistance, aboveLine: rb.aboveLine,
                           damaged: damaged.map { (name: name($0.member), reason: $0.reason) },
                           decisionDisagrees: evaluated.decisionDisagrees)
    }

    /// What the consensus screen needs for one application.
    public func consensus(_ id: String, language: Language = .ko) -> ConsensusData? {
        guard let app = store.application(id).application else { return nil }
        let (sheets, sheetProblems) = store.sheets(for: id)
        let decision = store.decision(for: id).decision
        let evaluator = Evaluator(standards: store.standards, committee: store.committee)
        let e = evaluator.evaluate(app, sheets: sheets, decision: decision)
        let byMethod = AggregationMethod.allCases.map { evaluator.evaluate(app, sheets: sheets, decision: decision, method: $0) }
        let members = store.committee.eligibleMembers(for: id)
        var progress: [String: [Phase: SheetProgress]] = [:]
        let applicable = store.standards.applicableIndicators(for: app.cityType)
        for sheet in sheets {
            for (phase, ps) in sheet.phases {
                progress[sheet.member, default: [:]][phase] = ps.status == .submitted ? .submitted
                    : .draft(done: applicable.filter { ps.entries[$0.id]?.isScored == true }.count, of: applicable.count)
            }
        }
        let refusal = FinalizeRule.reason(e, standards: store.standards, committee: store.committee)
        var data = ConsensusData(application: app, evaluation: e, robustness: Robustness.analyze(e, byMethod: byMethod, standards: store.standards),
                                 decision: decision, finalizeRefusal: refusal, members: members,
                                 siteTeam: Set(store.committee.siteTeam(for: id).map(\.id)), progress: progress)
        data.damaged = EvaluatedApplication(application: app, evaluation: e, decision: decision,
                                            problems: sheetProblems.filter { $0.severity == .error }).damagedSheets
        data.lastReopen = decision == nil ? store.lastReopen(application: id) : nil
        return data
    }
}
