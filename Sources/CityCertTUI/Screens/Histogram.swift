import CityCertCore

/// The buckets of a histogram of what members chose: levels (qualitative) or bands (quantitative).
enum Histogram {
    struct Bucket { let label: String; let key: Int }

    static func buckets(_ ind: Indicator) -> [Bucket] {
        if ind.isQuantitative {
            return ind.bands.enumerated().map { i, b in
                switch b.bound {
                case .atLeast(let t): return Bucket(label: "≥\(t)", key: i)
                case .atMost(let t): return Bucket(label: "≤\(t)", key: i)
                }
            }
        }
        return ind.levels.map { Bucket(label: "\($0.level)", key: $0.level) }
    }

    /// The bucket an entry falls in.
    static func key(_ e: Entry, _ ind: Indicator) -> Int? {
        ind.isQuantitative ? e.value.flatMap { ind.bandIndex(for: $0) } : e.level
    }

    /// How many members chose each bucket.
    static func counts(_ members: [MemberPoints], _ ind: Indicator) -> [(Bucket, Int)] {
        buckets(ind).map { b in (b, members.filter { key($0.entry, ind) == b.key }.count) }
    }
}
