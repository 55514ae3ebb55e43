import CityCertCore
@testable import CityCertTUI
import Foundation
import Testing
import TestSupport

/// The text field of notes, questions and values: wrapping, the cursor, line breaks, pastes.
@Suite struct TextFieldTests {
    @Test func wrapsByDisplayWidthWithHangul() {
        let field = TextField("증빙과 일치함. 보고서 3쪽 참조 See p.3 of the catalogue", multiline: true)
        let lines = field.layout(width: 12)
        let texts = lines.map { String(field.characters[$0]) }
        #expect(texts == ["증빙과 ", "일치함. ", "보고서 3쪽 ", "참조 See ", "p.3 of the ", "catalogue"])
        #expect(texts.allSatisfy { DisplayWidth.of($0) <= 12 })
        // Korean without spaces breaks between characters.
        let solid = TextField("가나다라마바사아자차", multiline: true)
        #expect(solid.layout(width: 7).map { String(solid.characters[$0]) } == ["가나다", "라마바", "사아자", "차"])
    }

    @Test func lineBreaksAreKeptAndMakeLines() {
        var field = TextField("첫 줄", multiline: true)
        field.apply(.lineBreak, width: 20)
        field.insert("둘째 줄\n\n넷째")
        #expect(field.text == "첫 줄\n둘째 줄\n\n넷째")
        #expect(field.layout(width: 20).map { String(field.characters[$0]) } == ["첫 줄", "둘째 줄", "", "넷째"])
        // A one-line field turns line breaks into spaces.
        var line = TextField()
        line.insert("12\n")
        #expect(line.text == "12 ")
        let handled = line.apply(.lineBreak, width: 20)
        #expect(!handled)
    }

    @Test func cursorMovesByCharacterAndLine() {
        var field = TextField("가나다라\nabcdef\nxy", multiline: true)
        #expect(field.cursor == field.characters.count)
        field.apply(.up, width: 20)                 // from the end of "xy" (column 2) to column 2 of "abcdef"
        #expect(field.cursor == 5 + 2)
        field.apply(.up, width: 20)                 // column 2 of "가나다라" is after 가
        #expect(field.cursor == 1)
        field.apply(.end, width: 20)
        #expect(field.cursor == 4)
        field.apply(.home, width: 20)
        #expect(field.cursor == 0)
        field.apply(.down, width: 20)
        field.apply(.down, width: 20)
        #expect(field.cursor == 12)
        field.apply(.down, width: 20)
        #expect(field.cursor == field.characters.count, "down from the last line goes to the end")
        field.apply(.ctrl("u"), width: 20)
        #expect(field.text == "가나다라\nabcdef\n")
        // Home and End work on the wrapped line the cursor is on.
        var long = TextField("aaaa bbbb cccc", multiline: true)
        long.cursor = 7
        long.apply(.home, width: 6)
        #expect(long.cursor == 5)
        long.apply(.end, width: 6)
        #expect(long.cursor == 9, "End of a wrapped line stays on it")
    }

    @Test func aPasteGoesWholeIntoTheNoteAndIsNeverReadAsKeys() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.down, .char("4"), .char("n")], &state)
        let pasted = "증빙과 일치함.\nSee p.3 of the catalogue.\nS\ny\n5 3 2\n"
        #expect(Update.update(&state, .paste(pasted)).isEmpty)
        guard case .prompt(let p)? = state.overlay else { Issue.record("the note prompt closed"); return }
        #expect(p.text == pasted)
        #expect(TUIFixture.scoring(state)?.entry("L1") == Entry(level: 4), "nothing of the paste was read as a key")
        let effects = TUIFixture.press([.enter], &state)
        #expect(effects == [.setEntry(application: "a", phase: .written, indicator: "L1",
                                      entry: Entry(level: 4, note: "증빙과 일치함.\nSee p.3 of the catalogue.\nS\ny\n5 3 2"))])
        #expect(state.overlay == nil)
        #expect(TUIFixture.scoring(state)?.isSubmitted == false)
    }

    @Test func aPasteWithNoFieldOpenIsIgnoredWithAMessage() {
        var state = TUIFixture.scoringState()
        #expect(Update.update(&state, .paste("S\ny\n3")).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.status?.kind == .error)
        #expect(TUIFixture.scoring(state)?.phaseSheet == nil)
        var list = TUIFixture.listState(language: .en)
        #expect(Update.update(&list, .paste("\n")).isEmpty)
        #expect(list.status?.text(list.language).contains("Paste ignored") == true)
    }

    @Test func altEnterAddsALineEnterSaves() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("n")] + TUIFixture.type("첫째") + [.lineBreak] + TUIFixture.type("둘째"), &state)
        let effects = TUIFixture.press([.enter], &state)
        #expect(effects == [.setEntry(application: "a", phase: .written, indicator: "Q1", entry: Entry(note: "첫째\n둘째"))])
        // Outside a field a line break is Enter (it opens the full view).
        TUIFixture.press([.lineBreak], &state)
        guard case .reader? = state.overlay else { Issue.record("Ctrl-J on the sheet is Enter"); return }
    }

    @Test func aMultiLineNoteIsDrawnWrappedAndAligned() {
        var state = TUIFixture.scoringState(width: 60, height: 24)
        TUIFixture.press([.char("n")], &state)
        _ = Update.update(&state, .paste("증빙 자료와 일치함\n둘째 줄 " + String(repeating: "가", count: 30)))
        let lines = View.render(state).lines()
        let box = lines.filter { $0.hasPrefix("  │") && ($0.contains("증빙") || $0.contains("가가")) }
        #expect(box.count == 3, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("│ 둘째 줄") })
        let rights = box.map { line -> Int in DisplayWidth.of(String(line[..<line.lastIndex(of: "│")!])) }
        #expect(Set(rights).count == 1, "the box's right border is in one column with Hangul: \(box)")
        #expect(lines.contains { $0.contains("Alt-Enter/Ctrl-J: 줄바꿈") })
    }

    @Test func pastingAndSavingFiveThousandCharactersIsLinear() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("n")], &state)
        let text = String(repeating: "증빙 자료 p.3 확인함\n", count: 5000 / 14 + 1).prefix(5000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = Update.update(&state, .paste(String(text)))
            _ = View.render(state)
            for c in "끝." { _ = Update.update(&state, .key(.char(c))); _ = View.render(state) }
            _ = TUIFixture.press([.up, .home, .end, .down], &state)
            _ = View.render(state)
            let effects = TUIFixture.press([.enter], &state)
            #expect(effects.count == 1)
        }
        #expect(elapsed < .seconds(1), "\(elapsed)")
        #expect(TUIFixture.scoring(state)?.entry("Q1")?.note?.count == String(text).trimmingCharacters(in: .whitespacesAndNewlines).count + 2)
    }

    @Test func theOpenFieldIsADraft() {
        var state = TUIFixture.scoringState()
        #expect(state.openDraft == nil)
        TUIFixture.press([.down, .char("n")], &state)
        #expect(state.openDraft == nil, "an empty field keeps nothing")
        TUIFixture.press(TUIFixture.type("메모"), &state)
        #expect(state.openDraft == Draft(application: "a", phase: .written, indicator: "L1", field: .note, text: "메모", cursor: 2))
        TUIFixture.press([.escape], &state)
        #expect(state.openDraft == nil)
        TUIFixture.press([.char("/")] + TUIFixture.type("Q"), &state)
        #expect(state.openDraft == nil, "a search is not kept")
    }

    @Test func aDraftIsOfferedBackAndRestored() {
        var state = TUIFixture.scoringState(language: .en)
        let draft = Draft(application: "a", phase: .written, indicator: "L1", field: .note, text: "line one\nline two", cursor: 4)
        #expect(Update.update(&state, .draftFound(draft)).isEmpty)
        guard case .confirm(let c)? = state.overlay else { Issue.record("no offer"); return }
        #expect(c.lines.contains("  line one"))
        TUIFixture.press([.char("y")], &state)
        guard case .prompt(let p)? = state.overlay else { Issue.record("the note is not open again"); return }
        #expect(p.purpose == .note(indicator: "L1") && p.text == "line one\nline two" && p.cursor == 4)
        #expect(TUIFixture.scoring(state)?.current?.id == "L1")
        // Declining discards it.
        var other = TUIFixture.scoringState()
        _ = Update.update(&other, .draftFound(draft))
        #expect(TUIFixture.press([.char("n")], &other) == [.discardDraft(application: "a")])
        #expect(other.overlay == nil)
    }
}

/// A saved multi-line note on the sheet and in the full view.
@Suite struct MultiLineNoteScreenTests {
    @Test func theNoteKeepsItsLinesInThePaneAndTheFullView() {
        var sheet = ScoreSheet(application: "a", member: "m1")
        sheet.phases[.written] = PhaseSheet(entries: ["Q1": Entry(value: 12, note: "증빙과 일치함.\nSee p.3 of the catalogue.", clarification: "원자료?\n기준일은?")])
        var state = TUIFixture.scoringState(sheet: sheet, height: 34)
        let lines = View.render(state).lines()
        let note = lines.firstIndex { $0.contains("메모      증빙과 일치함.") }
        #expect(note != nil, "\(lines.joined(separator: "\n"))")
        if let note {
            #expect(lines[note + 1].hasSuffix("│           See p.3 of the catalogue."))
            let bar = { (l: String) in DisplayWidth.of(String(l[..<l.firstIndex(of: "│")!])) }
            #expect(bar(lines[note]) == bar(lines[note + 1]), "the pane separator stays in one column")
            #expect(lines[note + 2].contains("질의      원자료?") && lines[note + 3].hasSuffix("           기준일은?"), "\(lines.joined(separator: "\n"))")
        }
        TUIFixture.press([.char("v")], &state)
        guard case .reader(_, let full, _)? = state.overlay else { Issue.record("no full view"); return }
        #expect(full.contains("메모      증빙과 일치함.") && full.contains("          See p.3 of the catalogue."))
    }
}
