import CityCertCore

/// The JSON report of spec §4: key names, order and two-decimal strings exactly as the contract says.
public enum JSONReport {
    public static func render(_ round: RoundEvaluation) -> String {
        document(round).serialized() + "\n"
    }

    public static func document(_ round: RoundEvaluation) -> JSONValue {
        .object([
            ("round", .string(round.round)),
            ("standards", .string(round.standards.id)),
            ("applications", .array(round.applications.map(application))),
            ("invalid", .array(round.invalid.map { p in
                .object([("path", .string(p.path)), ("line", p.line.map(JSONValue.int) ?? .null), ("error", .string(p.message))])
            })),
        ])
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
        ])
    }
}
