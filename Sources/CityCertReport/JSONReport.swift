import CityCertCore

/// The JSON report of spec §4: key names, order and two-decimal strings exactly as the contract says.
public enum JSONReport {
    public static func render(_ round: RoundEvaluation) -> String {
        document(round).serialized() + "\n"
    }

    /// The same document written a batch of applications at a time (`report --format json` on a
    /// large store): `start`, then `add` for each batch in order, then `finish`; the pieces joined
    /// are exactly ``render(_:)``'s text.
    public struct Stream {
        private var wroteApplication = false

        public init() {}

        /// The document up to the first application.
        public func start(round: String, standards: String) -> String {
            "{\n  \"round\": \(JSONValue.string(round).serialized()),\n  \"standards\": \(JSONValue.string(standards).serialized()),\n  \"applications\": ["
        }

        /// One application's part of the document, as UTF-8 (from any thread: a whole-round pass
        /// renders each application where it was read and evaluated).
        public static func part(_ application: EvaluatedApplication) -> [UInt8] {
            JSONReport.application(application).serializedBytes(indent: 4)
        }

        /// A batch of applications, rendered on all cores, as UTF-8.
        public mutating func add(_ batch: [EvaluatedApplication]) -> [UInt8] {
            add(parts: Parallel.map(batch, Self.part))
        }

        /// The parts of a batch of applications (``part(_:)``), in order, as UTF-8.
        public mutating func add(parts texts: [[UInt8]]) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(texts.reduce(0) { $0 + $1.count + 8 })
            for text in texts {
                out.append(contentsOf: (wroteApplication ? ",\n    " : "\n    ").utf8)
                out.append(contentsOf: text)
                wroteApplication = true
            }
            return out
        }

        /// The rest of the document: the end of the applications and the invalid files.
        public func finish(invalid: [Problem]) -> String {
            let list = JSONValue.array(invalid.map(JSONReport.problem)).serialized(indent: 2)
            return (wroteApplication ? "\n  ]" : "]") + ",\n  \"invalid\": " + list + "\n}\n"
        }
    }

    public static func document(_ round: RoundEvaluation) -> JSONValue {
        .object([
            ("round", .string(round.round)),
            ("standards", .string(round.standards.id)),
            ("applications", .array(round.applications.map(application))),
            ("invalid", .array(round.invalid.map(problem))),
        ])
    }

    static func problem(_ p: Problem) -> JSONValue {
        .object([("path", .string(p.path)), ("line", p.line.map(JSONValue.int) ?? .null), ("error", .string(p.message))])
    }

    static func application(_ e: EvaluatedApplication) -> JSONValue {
        let ev = e.evaluation
        func pts(_ p: Points) -> JSONValue { .string(p.description) }
        return .object([
            ("id", .string(e.application.id)),
            ("government", .string(e.application.government.preferKorean)),
            ("city_type", .string(ev.cityType.rawValue)),
            ("status", .string(ev.status.rawValue)),
            ("total", pts(ev.total)), ("max", pts(ev.max)), ("percent", pts(ev.percent)),
            ("grade", .int(ev.grade)), ("certified", .bool(ev.certified)),
            ("fields", .array(ev.fields.map { .object([("id", .string($0.id)), ("score", pts($0.score)), ("max", pts($0.max))]) })),
            ("items", .array(ev.items.map {
                .object([("id", .string($0.id)), ("field", .string($0.field ?? "")), ("score", pts($0.score)), ("max", pts($0.max))])
            })),
            ("indicators", .array(ev.indicators.map { r in
                .object([
                    ("id", .string(r.id)), ("item", .string(r.item)),
                    ("score", pts(r.score)), ("max", pts(r.max)),
                    ("written", r.written.aggregate.map(pts) ?? .null),
                    ("site", r.site.aggregate.map(pts) ?? .null),
                    ("written_sheets", .int(r.written.sheets)), ("site_sheets", .int(r.site.sheets)),
                    ("spread", pts(r.spread)), ("flagged", .bool(r.flagged)),
                ])
            })),
            ("range", .object([
                ("low", pts(ev.range.low)), ("high", pts(ev.range.high)),
                ("grade_low", .int(ev.range.gradeLow)), ("grade_high", .int(ev.range.gradeHigh)),
                ("certified_low", .bool(ev.range.certifiedLow)), ("certified_high", .bool(ev.range.certifiedHigh)),
            ])),
            ("missing", .object([
                ("written", .array(ev.missingWritten.map(JSONValue.string))),
                ("site", .array(ev.missingSite.map(JSONValue.string))),
            ])),
            ("decision", e.decision.map { d in
                .object([
                    ("finalized_by", .string(d.finalizedBy)), ("finalized_at", .string(d.finalizedAt)),
                    ("total", .string(d.total)), ("grade", .int(d.grade)),
                    ("note", d.note.map(JSONValue.string) ?? .null),
                ])
            } ?? .null),
        ])
    }
}
