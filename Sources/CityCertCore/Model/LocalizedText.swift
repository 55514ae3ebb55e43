/// The language labels are shown in.
public enum Language: String, Sendable, CaseIterable {
    case ko, en

    /// The other language, for a toggle key.
    public var other: Language { self == .ko ? .en : .ko }
}

/// A text in Korean and/or English (spec §2): either key may be missing, and then the other is shown.
public struct LocalizedText: Sendable, Hashable {
    public var ko: String?
    public var en: String?

    public init(ko: String? = nil, en: String? = nil) { self.ko = ko; self.en = en }
    /// A plain string, used for both languages.
    public init(_ plain: String) { ko = plain; en = plain }

    /// The text in `language`, else in the other one, else "".
    public func text(_ language: Language) -> String {
        switch language {
        case .ko: return ko ?? en ?? ""
        case .en: return en ?? ko ?? ""
        }
    }

    /// The Korean text where there is one (the report's `government`).
    public var preferKorean: String { text(.ko) }
}

/// Large cities have a population at or above the standards' threshold; small and medium cities below it.
public enum CityType: String, Sendable, Hashable, CaseIterable {
    case large, small
}
