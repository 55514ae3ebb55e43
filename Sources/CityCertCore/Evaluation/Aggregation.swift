/// The aggregation methods of spec §3.3, computed exactly and rounded once (`round2`).
public enum Aggregation {
    /// `round2(method(values))`; zero for no values.
    public static func aggregate(_ values: [Points], method: AggregationMethod, trimMinMembers: Int) -> Points {
        guard !values.isEmpty else { return .zero }
        switch method {
        case .mean:
            return Points.mean(values)
        case .median:
            let sorted = values.sorted()
            let mid = sorted.count / 2
            if sorted.count % 2 == 1 { return sorted[mid] }
            return Points.mean([sorted[mid - 1], sorted[mid]])
        case .trimmedMean:
            guard values.count >= trimMinMembers, values.count >= 3 else { return Points.mean(values) }
            let sorted = values.sorted()
            return Points.mean(sorted.dropFirst().dropLast())
        }
    }

    /// `max - min` of the values; zero with fewer than two.
    public static func spread(_ values: [Points]) -> Points {
        guard values.count >= 2, let lo = values.min(), let hi = values.max() else { return .zero }
        return hi - lo
    }

    /// Combines the phase aggregates (spec §3.4); nil aggregates mean no sheet of that phase counts.
    public static func combine(written: Points?, site: Points?, by combination: PhaseCombination) -> Points {
        switch (written, site) {
        case (nil, nil): return .zero
        case (let w?, nil): return w
        case (nil, let s?): return s
        case (let w?, let s?):
            switch combination {
            case .siteRevises:
                return s
            case .weighted(let ww, let ws):
                let sum = ww.tenThousandths * w.hundredths + ws.tenThousandths * s.hundredths
                return Points(hundredths: FixedDecimal.divideRoundingHalfUp(sum, by: Share.scale))
            }
        }
    }

    /// The best grade whose `min_percent` the total reaches, compared exactly: `total × 100 ≥ min_percent × max`.
    /// `grades` must be ordered best first; nil only when none is reached (bands that do not cover 0).
    public static func grade(total: Points, max: Points, grades: [GradeBand]) -> Int? {
        for band in grades where total.hundredths * 10_000 >= band.minPercent.hundredths * max.hundredths {
            return band.grade
        }
        return nil
    }

    /// Whether a spread exceeds `share × points` (spec §3.8), compared exactly.
    public static func isFlagged(spread: Points, points: Points, share: Share) -> Bool {
        spread.hundredths * Share.scale > share.tenThousandths * points.hundredths
    }
}
