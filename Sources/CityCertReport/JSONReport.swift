import CityCertCore

/// The JSON report of spec §4: key names, order and two-decimal strings exactly as the contract says.
///
/// Written straight to bytes with ``JSONWriter`` (the layout every JSON file of citycert has).
public enum JSONReport {
    public static func render(_ round: RoundEvaluation) -> String {
        document(round, indent: 0) + "\n"
    }

    /// The whole document, indented from column `indent` (nil: compact).
    public static func document(_ round: RoundEvaluation, indent: Int?) -> String {
        var w = JSONWriter(indent: indent)
        w.object { w in
            w.key("round"); w.string(round.round)
            w.key("standards"); w.string(round.standards.id)
            w.key("applications"); w.array(round.applications) { w, e in application(e, into: &w) }
            w.key("invalid"); w.array(round.invalid) { w, p in problem(p, into: &w) }
        }
        return String(decoding: w.bytes, as: UTF8.self)
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
            var w = JSONWriter(indent: 4, capacity: 8192)
            JSONReport.application(application, into: &w)
            return w.bytes
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
            var w = JSONWriter(indent: 2)
            w.array(invalid) { w, p in problem(p, into: &w) }
            return (wroteApplication ? "\n  ]" : "]") + ",\n  \"invalid\": " + String(decoding: w.bytes, as: UTF8.self) + "\n}\n"
        }
    }

    static func problem(_ p: Problem, into w: inout JSONWriter) {
        w.object { w in
            w.key("path"); w.string(p.path)
            w.key("line"); if let line = p.line { w.int(line) } else { w.null() }
            w.key("error"); w.string(p.message)
        }
    }

    static func application(_ e: EvaluatedApplication, into w: inout JSONWriter) {
        let ev = e.evaluation
        w.object { w in
            func pts(_ key: StaticString, _ p: Points) { w.key(key); w.string(p) }
            w.key("id"); w.string(e.application.id)
            w.key("government"); w.string(e.application.government.preferKorean)
            w.key("city_type"); w.string(ev.cityType.rawValue)
            w.key("status"); w.string(ev.status.rawValue)
            pts("total", ev.total); pts("max", ev.max); pts("percent", ev.percent)
            w.key("grade"); w.int(ev.grade)
            w.key("certified"); w.bool(ev.certified)
            w.key("fields"); w.array(ev.fields) { w, f in subtotal(f, field: false, into: &w) }
            w.key("items"); w.array(ev.items) { w, item in subtotal(item, field: true, into: &w) }
            w.key("indicators")
            w.array(ev.indicators) { w, r in indicator(r, into: &w) }
            w.key("range")
            w.object { w in
                w.key("low"); w.string(ev.range.low)
                w.key("high"); w.string(ev.range.high)
                w.key("grade_low"); w.int(ev.range.gradeLow)
                w.key("grade_high"); w.int(ev.range.gradeHigh)
                w.key("certified_low"); w.bool(ev.range.certifiedLow)
                w.key("certified_high"); w.bool(ev.range.certifiedHigh)
            }
            w.key("missing")
            w.object { w in
                w.key("written"); w.array(ev.missingWritten) { w, m in w.string(m) }
                w.key("site"); w.array(ev.missingSite) { w, m in w.string(m) }
            }
            w.key("decision")
            if let d = e.decision {
                w.object { w in
                    w.key("finalized_by"); w.string(d.finalizedBy)
                    w.key("finalized_at"); w.string(d.finalizedAt)
                    w.key("total"); w.string(d.total)
                    w.key("grade"); w.int(d.grade)
                    w.key("note"); w.string(d.note)
                }
            } else {
                w.null()
            }
        }
    }

    /// A field's or an item's subtotal (an item names its field).
    private static func subtotal(_ s: Subtotal, field: Bool, into w: inout JSONWriter) {
        w.object { w in
            w.key("id"); w.string(s.id)
            if field { w.key("field"); w.string(s.field ?? "") }
            w.key("score"); w.string(s.score)
            w.key("max"); w.string(s.max)
        }
    }

    private static func indicator(_ r: IndicatorResult, into w: inout JSONWriter) {
        w.object { w in
            w.key("id"); w.string(r.id)
            w.key("item"); w.string(r.item)
            w.key("score"); w.string(r.score)
            w.key("max"); w.string(r.max)
            w.key("written"); w.string(r.written.aggregate)
            w.key("site"); w.string(r.site.aggregate)
            w.key("written_sheets"); w.int(r.written.sheets)
            w.key("site_sheets"); w.int(r.site.sheets)
            w.key("spread"); w.string(r.spread)
            w.key("flagged"); w.bool(r.flagged)
        }
    }
}
