import Foundation
import CityCertCore

/// The whole state of the terminal application: a plain value that `update` changes and screens draw.
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    public var language: Language
    /// Colours on (false with NO_COLOR or a monochrome terminal).
    public var colors: Bool
    public var session: Session?
    public var screen: Screen
    public var overlay: Overlay?
    public var status: StatusLine?
    /// The store's change mark when the screen was last read (see `Message.storeRead`).
    public var storeMark: String?
    /// Set when the application should end.
    public var quitting = false
    /// The list and overview as they were, to come back to them (cursor, filters) from an application.
    public var savedList: ApplicationListState?
    public var savedOverview: OverviewState?
    /// The folder the last report was written to, proposed for the next one.
    public var reportFolder: String?
    /// The committee list the member was chosen from (nil when chosen by login or `--as`): `q` at
    /// the member's first screen goes back to it instead of quitting.
    public var savedMembers: MemberListState?

    public init(width: Int = 80, height: Int = 24, language: Language = .ko, colors: Bool = true, screen: Screen) {
        self.width = width; self.height = height; self.language = language; self.colors = colors; self.screen = screen
    }

    /// The smallest terminal the screens are laid out for.
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
}

/// The screen in front.
public enum Screen: Sendable {
    case chooseMember(MemberListState)
    case applications(ApplicationListState)
    case scoring(ScoringState)
    case overview(OverviewState)
    case consensus(ConsensusState)
    case report(ReportState)
}

/// A line at the bottom saying what just happened: a ``StatusMessage``, put into words when drawn.
public struct StatusLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, success, error }
    public var message: StatusMessage
    public var kind: Kind
    public init(_ message: StatusMessage, _ kind: Kind = .info) { self.message = message; self.kind = kind }
    /// A plain text, the same in both languages.
    public init(_ text: String, _ kind: Kind = .info) { self.init(.said(LocalizedText(text)), kind) }
    /// The line in words.
    public func text(_ language: Language) -> String { message.text(language) }
}

/// What floats over the screen and takes the keys first.
public enum Overlay: Sendable {
    case help
    case prompt(Prompt)
    case confirm(Confirmation)
    /// A list to read (missing indicators, an error), closed by any key.
    case notice(title: String, lines: [String])
    /// A longer text to read (an indicator in full), scrolled with ↑↓ PgUp PgDn, closed by any other key.
    case reader(title: String, lines: [String], scroll: Int)
}

/// A text input in a box: one line (a value, a search, a path) or several (a note, a question).
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case value(indicator: String)
        case note(indicator: String)
        case clarification(indicator: String)
        case find
        case finalizeNote(application: String)
        /// The application id typed again, to finalize a city whose range crosses the certification line.
        case finalizeTyped(application: String, note: String)
        /// Why the chair reopens a final application (required; stored in the audit log).
        case reopenReason(application: String)
        case reportPath

        /// Whether the text may have several lines: a member's note and question. (The chair's
        /// decision note stays one line: the reports print it inline.)
        public var isMultiline: Bool {
            switch self {
            case .note, .clarification: return true
            case .value, .find, .reportPath, .finalizeNote, .finalizeTyped, .reopenReason: return false
            }
        }
    }
    public var purpose: Purpose
    public var title: String
    /// The text and its cursor.
    public var field: TextField
    /// A hint shown under the field (what Enter does with an empty field, the submitted value).
    public var hint: String?

    public init(purpose: Purpose, title: String, text: String = "", hint: String? = nil) {
        self.purpose = purpose; self.title = title; self.hint = hint
        self.field = TextField(text, multiline: purpose.isMultiline)
    }

    public var text: String {
        get { field.text }
        set { field = TextField(newValue, multiline: purpose.isMultiline) }
    }
    /// Cursor position in characters.
    public var cursor: Int {
        get { field.cursor }
        set { field.cursor = newValue }
    }
}

/// A yes/no question before something that matters.
public struct Confirmation: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case submit(Phase)
        case reopen(Phase)
        case finalize(application: String, note: String)
        case reopenApplication(String, reason: String)
        case overwriteReport(applications: [String], format: ReportState.Format, path: String, choices: ReportChoices)
        /// A value far from the submitted one, saved once the member confirms it.
        case setValue(indicator: String, value: Decimal)
        /// Text typed into a field and never saved (the program stopped): open the field with it again.
        case restoreDraft(Draft)
        /// The secretary (or the chair) seals the round (spec §2 *Seal*).
        case seal
    }
    public var title: String
    public var lines: [String]
    public var action: Action
}

/// The committee list, to choose who is at the keyboard.
public struct MemberListState: Sendable {
    public var members: [Member]
    public var cursor: Int
    public var reason: String
    public init(members: [Member], cursor: Int = 0, reason: String) { self.members = members; self.cursor = cursor; self.reason = reason }
}
