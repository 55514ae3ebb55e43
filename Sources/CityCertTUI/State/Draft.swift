import CityCertCore

/// The text of an open field on the scoring screen, as typed and not yet saved.
///
/// The runtime keeps it in the member's own state folder while the field is open (not in the
/// store: nothing in it is an entry yet) and removes it when the field is saved or cancelled. When
/// the program stopped with the field open (killed, SSH session closed, `q` on a too small
/// window), the draft is still there and is offered back when the member opens the sheet again.
public struct Draft: Sendable, Equatable, Codable {
    public enum Field: String, Sendable, Codable { case note, clarification, value }
    public var application: String
    public var phase: Phase
    public var indicator: String
    public var field: Field
    public var text: String
    /// Cursor position in characters.
    public var cursor: Int

    public init(application: String, phase: Phase, indicator: String, field: Field, text: String, cursor: Int) {
        self.application = application; self.phase = phase; self.indicator = indicator
        self.field = field; self.text = text; self.cursor = cursor
    }
}

extension AppState {
    /// The open field's text on the scoring screen, or nil when no such field is open (or it is
    /// empty): what the runtime keeps so that nothing typed is lost.
    public var openDraft: Draft? {
        guard case .prompt(let p) = overlay, case .scoring(let s) = screen, !p.field.isEmpty else { return nil }
        let field: Draft.Field, indicator: String
        switch p.purpose {
        case .note(let id): field = .note; indicator = id
        case .clarification(let id): field = .clarification; indicator = id
        case .value(let id): field = .value; indicator = id
        default: return nil
        }
        return Draft(application: s.application.id, phase: s.phase, indicator: indicator, field: field, text: p.text, cursor: p.cursor)
    }
}
