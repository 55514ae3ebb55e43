import CityCertCore

/// The words the text, Markdown, HTML and CSV reports print, in Korean or English.
///
/// Labels only: names of fields, items, indicators and governments come from the standards and the
/// applications (``LocalizedText/text(_:)``). Figures are never translated: a point figure is always
/// the two-decimal text of the JSON report (`"1423.50"`, no thousands separator), so every format
/// carries exactly the same figures; only counts of people (population) are grouped (`"541,000"`).
public struct ReportLabels: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The Korean or the English word.
    public func t(_ ko: String, _ en: String) -> String { language == .ko ? ko : en }

    // MARK: Facts of an application

    public var round: String { t("회차", "Round") }
    public var standards: String { t("인증기준", "Standards") }
    public var application: String { t("신청 ID", "Application") }
    public var government: String { t("지자체", "Government") }
    public var province: String { t("광역", "Province") }
    public var cityType: String { t("유형", "City type") }
    public var population: String { t("인구", "Population") }
    public var status: String { t("상태", "Status") }
    public var submittedAt: String { t("신청일", "Submitted") }

    // MARK: Score table

    public var scoreTableName: String { t("분야 / 항목 / 지표", "Field / item / indicator") }
    public var score: String { t("점수", "Score") }
    public var max: String { t("만점", "Max") }
    public var written: String { t("서면", "Written") }
    public var site: String { t("현장", "Site") }
    public var writtenSheets: String { t("서면수", "W.n") }
    public var siteSheets: String { t("현장수", "S.n") }
    public var spread: String { t("편차", "Spread") }
    public var flag: String { t("편차 큼", "Flagged") }
    /// The mark of a flagged indicator in the text and Markdown tables (plain ASCII: one column everywhere).
    public var flagMark: String { "!" }
    /// What a written or site aggregate shows when no sheet of that phase counts (JSON null).
    public var none: String { "-" }

    // MARK: Result

    public var total: String { t("총점", "Total") }
    public var percent: String { t("득점률", "Percent") }
    public var grade: String { t("등급", "Grade") }
    public var certification: String { t("인증", "Certification") }
    public var flagged: String { t("편차 큰 지표", "Flagged indicators") }
    public var noneFlagged: String { t("없음", "none") }
    public var writtenSpread: String { t("서면 편차", "written spread") }
    public var siteSpread: String { t("현장 편차", "site spread") }
    public var threshold: String { t("기준", "threshold") }
    public var missingWritten: String { t("서면평가 미제출", "Written phase not submitted by") }
    public var missingSite: String { t("현장실사 미제출", "Site phase not submitted by") }
    public var decision: String { t("확정", "Finalized") }
    public var note: String { t("비고", "Note") }
    public var range: String { t("가능 범위", "Range") }
    public func rangeGrades(_ r: GradeRange) -> String {
        r.crossesGrade ? t("\(r.gradeLow)–\(r.gradeHigh)등급", "grades \(r.gradeLow)–\(r.gradeHigh)") : t("\(r.gradeHigh)등급", "grade \(r.gradeHigh)")
    }
    public func rangeCertification(_ r: GradeRange) -> String {
        switch (r.certifiedLow, r.certifiedHigh) {
        case (true, true): return t("어느 쪽이든 인증", "certified either way")
        case (false, false): return t("어느 쪽이든 미인증", "not certified either way")
        default: return t("인증선을 넘나듦", "crosses the certification line")
        }
    }
    public var rangeProvisional: String { t("잠정: 미제출 평가표가 들어오면 바뀜", "provisional: missing sheets will move it") }
    public var decisionDisagrees: String { t("의결이 현재 평가표와 다름", "the decision disagrees with the sheets") }

    // MARK: Sections

    public var summary: String { t("종합 (유형별)", "Summary by city type") }
    public var invalid: String { t("무효 신청·파일", "Invalid applications and files") }
    public var committee: String { t("평가위원회", "Evaluation committee") }
    public var role: String { t("역할", "Role") }
    public var name: String { t("성명", "Name") }
    public var affiliation: String { t("소속", "Affiliation") }
    public var signatures: String { t("서명", "Signatures") }
    public var signature: String { t("서명", "Signature") }
    public var date: String { t("일자", "Date") }
    public var chart: String { t("분야별 득점", "Score by field") }
    public var legendFlag: String { t("! = 위원 간 편차가 기준을 넘은 지표", "! = members' spread above the threshold") }

    // MARK: The printed report

    public var issued: String { t("발행일", "Issued") }
    public var documentNumber: String { t("문서번호", "Document no.") }
    public var provisionalMark: String { t("잠정 (확정 전)", "PROVISIONAL (not final)") }
    public var provisionalNote: String {
        t("이 도시의 결과는 위원장이 확정하기 전의 잠정 결과이며, 등급이 바뀔 수 있습니다.",
          "This city's result is provisional until the chair finalizes it; its grade may still change.")
    }
    public var disagreement: String { t("확정 결과가 현재 평가표와 다름", "the decision disagrees with the current sheets") }
    public var disagreementShort: String { t("결정≠평가표", "decision≠sheets") }
    public var decisionRecorded: String { t("확정 당시", "as finalized") }
    public var comparison: String { t("도시별 득점률 비교", "Cities compared (percent of the maximum)") }
    public var gradeLines: String { t("점선은 등급 기준", "dashed lines: grade thresholds") }
    public var allCities: String { t("종합", "Summary") }
    public var annex: String { t("부록", "Annex") }
    public var invalidAnnex: String { t("무효 신청", "Invalid applications") }
    public var reason: String { t("사유", "Reason") }
    public var file: String { t("파일", "File") }
    public var membersAnnex: String { t("위원별 평가표", "Scores by member") }
    public var notesAnnex: String { t("위원 의견 및 질의", "Members' notes and clarification questions") }
    public var member: String { t("위원", "Member") }
    public var phase: String { t("단계", "Phase") }
    public var entry: String { t("입력값", "Entry") }
    public var points: String { t("점수", "Points") }
    public var clarification: String { t("질의", "Question") }
    public var noNotes: String { t("의견·질의 없음", "no notes or questions") }
    public var indicatorSheet: String { t("지표", "Indicators") }
    public var signedBy: String { t("위 평가 결과를 확인합니다.", "We confirm the result above.") }

    // MARK: Enumerations

    /// 잠정 / 완료 / 확정.
    public func status(_ s: ApplicationStatus) -> String {
        switch s {
        case .provisional: return t("잠정", "provisional")
        case .complete: return t("완료", "complete")
        case .final: return t("확정", "final")
        }
    }

    /// 대도시 / 중소도시.
    public func cityType(_ type: CityType) -> String {
        switch type {
        case .large: return t("대도시", "large")
        case .small: return t("중소도시", "small")
        }
    }

    /// 인증 / 미인증.
    public func certified(_ yes: Bool) -> String { yes ? t("인증", "certified") : t("미인증", "not certified") }

    /// 위원장 / 위원 / 간사.
    public func role(_ r: Role) -> String {
        switch r {
        case .chair: return t("위원장", "Chair")
        case .member: return t("위원", "Member")
        case .secretary: return t("간사", "Secretary")
        }
    }
}

/// Number formatting shared by the renderers.
public enum ReportNumber {
    /// An integer with thousands separators: `541000` → `"541,000"`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
