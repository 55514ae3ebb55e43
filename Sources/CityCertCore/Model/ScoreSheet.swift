import Foundation

/// The written evaluation (서면평가) or the site inspection (현장실사).
public enum Phase: String, Sendable, Hashable, CaseIterable, Codable {
    case written, site
}

/// Whether a phase of a sheet is still being worked on or has been submitted.
public enum SheetStatus: String, Sendable, Hashable, Codable {
    case draft, submitted
}

/// One member's entry for one indicator: the verified value or the chosen level, with a note.
///
/// `clarification` (a question for the applicant) is citycert's addition to spec §2; other tools ignore it.
public struct Entry: Sendable, Hashable, Codable {
    public var value: Decimal? {
        get { storedValue }
        set { storedValue = newValue; exactValue = newValue.flatMap(ExactDecimal.init) }
    }
    /// `value` held exactly for fast comparison with the bands; nil without a value, or for a value
    /// of more than 18 significant digits (compared as a `Decimal`).
    public private(set) var exactValue: ExactDecimal?
    private var storedValue: Decimal?
    public var level: Int?
    public var note: String?
    public var clarification: String?

    public init(value: Decimal? = nil, level: Int? = nil, note: String? = nil, clarification: String? = nil) {
        self.level = level; self.note = note; self.clarification = clarification
        self.value = value
    }

    /// Sets the value from its exact form (a reader that parsed the text has it already; converting
    /// a `Decimal` back costs far more).
    public mutating func setValue(_ exact: ExactDecimal?) {
        storedValue = exact?.decimal
        exactValue = exact
    }

    /// Whether the entry scores the indicator (a value or a level), as opposed to only a note or question.
    public var isScored: Bool { value != nil || level != nil }

    enum CodingKeys: String, CodingKey { case value, level, note, clarification }

    /// Reads an entry; an empty note or question counts as none.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decodeIfPresent(Decimal.self, forKey: .value)
        level = try c.decodeIfPresent(Int.self, forKey: .level)
        note = try c.decodeIfPresent(String.self, forKey: .note).flatMap { $0.isEmpty ? nil : $0 }
        clarification = try c.decodeIfPresent(String.self, forKey: .clarification).flatMap { $0.isEmpty ? nil : $0 }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encodeIfPresent(level, forKey: .level)
        try c.encode(note ?? "", forKey: .note)
        try c.encodeIfPresent(clarification, forKey: .clarification)
    }
}

/// One phase of a score sheet.
public struct PhaseSheet: Sendable, Hashable, Codable {
    public var status: SheetStatus
    public var updatedAt: String?
    public var submittedAt: String?
    public var entries: [String: Entry]

    public init(status: SheetStatus = .draft, updatedAt: String? = nil, submittedAt: String? = nil, entries: [String: Entry] = [:]) {
        self.status = status; self.updatedAt = updatedAt; self.submittedAt = submittedAt; self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case status, updatedAt = "updated_at", submittedAt = "submitted_at", entries
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(SheetStatus.self, forKey: .status)
        updatedAt = try c.decodeIfPresent(String.self, forKey: .updatedAt)
        submittedAt = try c.decodeIfPresent(String.self, forKey: .submittedAt)
        entries = try c.decodeIfPresent([String: Entry].self, forKey: .entries) ?? [:]
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(submittedAt, forKey: .submittedAt)
        try c.encode(entries, forKey: .entries)
    }
}

/// One member's score sheet for one application (spec §2, `scores/<member>/<app>.json`).
public struct ScoreSheet: Sendable, Hashable, Codable {
    public var format: Int
    public var application: String
    public var member: String
    public var phases: [Phase: PhaseSheet]

    public init(application: String, member: String, phases: [Phase: PhaseSheet] = [:]) {
        self.format = 1; self.application = application; self.member = member; self.phases = phases
    }

    enum CodingKeys: String, CodingKey { case format, application, member, phases }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(Int.self, forKey: .format)
        application = try c.decode(String.self, forKey: .application)
        member = try c.decode(String.self, forKey: .member)
        let raw = try c.decodeIfPresent([String: PhaseSheet].self, forKey: .phases) ?? [:]
        var phases: [Phase: PhaseSheet] = [:]
        for (k, v) in raw {
            guard let p = Phase(rawValue: k) else {
                throw DecodingError.dataCorruptedError(forKey: .phases, in: c, debugDescription: "unknown phase '\(k)' (written or site)")
            }
            phases[p] = v
        }
        self.phases = phases
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(application, forKey: .application)
        try c.encode(member, forKey: .member)
        var raw: [String: PhaseSheet] = [:]
        for (k, v) in phases { raw[k.rawValue] = v }
        try c.encode(raw, forKey: .phases)
    }

    /// Whether the phase has been submitted.
    public func isSubmitted(_ phase: Phase) -> Bool { phases[phase]?.status == .submitted }
}

/// The chair's finalization of an application (spec §2, `decisions/<app>.json`).
public struct Decision: Sendable, Hashable, Codable {
    public var format: Int
    public var application: String
    public var finalizedBy: String
    public var finalizedAt: String
    public var total: String
    public var max: String
    public var grade: Int
    public var certified: Bool
    public var note: String?

    public init(application: String, finalizedBy: String, finalizedAt: String, total: Points, max: Points,
                grade: Int, certified: Bool, note: String? = nil) {
        self.format = 1; self.application = application; self.finalizedBy = finalizedBy; self.finalizedAt = finalizedAt
        self.total = total.description; self.max = max.description; self.grade = grade; self.certified = certified
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case format, application, finalizedBy = "finalized_by", finalizedAt = "finalized_at", total, max, grade, certified, note
    }
}
