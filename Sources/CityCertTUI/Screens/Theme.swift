/// The styles screens use, in colour or monochrome (NO_COLOR, or a terminal without colours).
struct Theme {
    let colors: Bool

    var header: Style { colors ? Style(fg: .white, bg: .blue, bold: true) : Style(bold: true, reverse: true) }
    var title: Style { Style(bold: true) }
    var selected: Style { colors ? Style(fg: .black, bg: .cyan) : Style(reverse: true) }
    var dim: Style { Style(dim: true) }
    var hint: Style { colors ? Style(fg: .cyan) : Style() }
    var good: Style { colors ? Style(fg: .green) : Style(bold: true) }
    var warn: Style { colors ? Style(fg: .yellow) : Style(underline: true) }
    var bad: Style { colors ? Style(fg: .red, bold: true) : Style(bold: true) }
    var highlight: Style { colors ? Style(fg: .black, bg: .yellow) : Style(reverse: true) }
    var border: Style { colors ? Style(fg: .blue) : Style() }
    var overlay: Style { Style() }

    func status(_ kind: StatusLine.Kind) -> Style {
        switch kind {
        case .info: return Style()
        case .success: return good
        case .error: return bad
        }
    }
}
