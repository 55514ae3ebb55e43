import CityCertCore

/// The buckets of a histogram of what members chose: levels (qualitative) or bands (quantitative).
enum Histogram {
    struct Bucket { let label: String; let key: Int }

    /// The key of the bucket for a value that meets no band (it scores nothing).
    static let otherwise = -1

    static func buckets(_ ind: Indicator, _ lang: Language = .ko) -> [Bucket] {
        if ind.isQuantitative {
            // Every band, and the lowest one: a value that meets none scores 0 and is counted too.
            return ind.bands.enumerated().map { i, b in
                switch b.bound {
                case .atLeast(let t): return Bucket(label: "≥\(t)", key: i)
                case .atMost(let t): return Bucket(label: "≤\(t)", key: i)
                }
            } + [Bucket(label: TUILabels(lang).other, key: otherwise)]
        }
        return ind.levels.map { Bucket(label: "\($0.level)", key: $0.level) }
    }

    /// The bucket an entry falls in.
    static func key(_ e: Entry, _ ind: Indicator) -> Int? {
        ind.isQuantitative ? e.value.map { ind.bandIndex(for: $0) ?? otherwise } : e.level
    }

    /// How many members chose each bucket.
    static func counts(_ members: [MemberPoints], _ ind: Indicator, _ lang: Language = .ko) -> [(Bucket, Int)] {
        buckets(ind, lang).map { b in (b, members.filter { key($0.entry, ind) == b.key }.count) }
    }
}
