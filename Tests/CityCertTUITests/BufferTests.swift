import Testing
import CityCertTUI
import CityCertCore

@Suite struct BufferTests {
    @Test func putHangulMakesContinuationCells() {
        var buffer = Buffer(width: 10, height: 1)
        let used = buffer.put("수원a", x: 1, y: 0)
        #expect(used == 5)
        #expect(buffer[1, 0].symbol == "수")
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].symbol == "원")
        #expect(buffer[4, 0].isContinuation)
        #expect(buffer[5, 0].symbol == "a")
        #expect(buffer.lines() == [" 수원a"])
    }

    @Test func wideCharacterClippedAtEdgeBecomesSpace() {
        var buffer = Buffer(width: 5, height: 1)
        let used = buffer.put("ab수원", x: 0, y: 0)
        #expect(used == 5)
        #expect(buffer[4, 0].symbol == " ")
        #expect(!buffer[4, 0].isContinuation)
        #expect(buffer.lines() == ["ab수"])

        var clipped = Buffer(width: 10, height: 1)
        #expect(clipped.put("수원시", x: 0, y: 0, maxWidth: 3) == 3)
        #expect(clipped.lines() == ["수"])
        #expect(clipped[2, 0].symbol == " ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("수원시", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)  // right half of 수
        #expect(buffer[0, 0].symbol == " ")
        #expect(buffer[1, 0].symbol == "x")
        buffer.put("y", x: 2, y: 0)  // left half of 원
        #expect(buffer[3, 0].symbol == " ")
        #expect(!buffer[3, 0].isContinuation)
        #expect(buffer.lines() == [" xy 시"])

        buffer.put("가", x: 3, y: 0)  // wide over the continuation of nothing and the head of 시
        #expect(buffer.lines() == [" xy가"])
        #expect(buffer[5, 0].symbol == " ")
        for x in 0..<buffer.width where buffer[x, 0].isContinuation {
            #expect(x > 0 && DisplayWidth.of(buffer[x - 1, 0].symbol) == 2)
        }
    }

    @Test func subscriptKeepsWideCharactersWhole() {
        var buffer = Buffer(width: 3, height: 1)
        buffer[0, 0] = Cell(symbol: "수")
        #expect(buffer[1, 0].isContinuation)
        buffer[2, 0] = Cell(symbol: "원")  // no room for the second half
        #expect(buffer[2, 0].symbol == " ")
        buffer[1, 0] = Cell(symbol: "")  // a continuation cannot be set by hand
        #expect(buffer.lines() == [""])
        #expect(buffer[0, 0].symbol == " " && buffer[1, 0].symbol == " ")
    }

    @Test func outOfBoundsWritesAreClipped() {
        var buffer = Buffer(width: 3, height: 2)
        #expect(buffer.put("abc", x: 0, y: 5) == 0)
        #expect(buffer.put("abc", x: 0, y: -1) == 0)
        buffer.put("수원", x: -1, y: 0)
        #expect(buffer.lines() == [" 원", ""])
        buffer[7, 7] = Cell(symbol: "z")
        #expect(buffer[7, 7] == Cell.blank)
        var empty = Buffer(width: 0, height: 0)
        empty.put("수원", x: 0, y: 0)
        empty.box(Rect(x: 0, y: 0, width: 5, height: 5), title: "제목")
        empty.fill(Rect(x: 0, y: 0, width: 3, height: 3), style: .plain)
        #expect(empty.lines() == [])
        #expect(empty.diff(from: empty).isEmpty)
    }

    @Test func boxWithKoreanTitle() {
        var buffer = Buffer(width: 12, height: 3)
        buffer.box(Rect(x: 0, y: 0, width: 12, height: 3), title: "수원시")
        #expect(buffer.lines() == [
            "┌ 수원시 ──┐",
            "│          │",
            "└──────────┘",
        ])
    }

    @Test func boxTitleIsClipped() {
        var buffer = Buffer(width: 8, height: 2)
        buffer.box(Rect(x: 0, y: 0, width: 8, height: 2), title: "인증위원회")
        #expect(buffer.lines() == ["┌ 인증…┐", "└──────┘"])
    }

    @Test func fillAndHline() {
        var buffer = Buffer(width: 4, height: 2)
        buffer.fill(Rect(x: 1, y: 0, width: 9, height: 1), style: .plain, symbol: "#")
        buffer.hline(x: -2, y: 1, width: 4)
        #expect(buffer.lines() == [" ###", "──"])
    }

    @Test func diffReturnsOnlyChangedCells() {
        var before = Buffer(width: 10, height: 2)
        before.put("수원 Suwon", x: 0, y: 0)
        var after = before
        #expect(after.diff(from: before).isEmpty)
        after.put("시", x: 2, y: 0)
        after.put("!", x: 0, y: 1, style: Style(bold: true))
        let changes = after.diff(from: before)
        #expect(changes.count == 2)
        #expect(changes[0].x == 2 && changes[0].y == 0 && changes[0].cell.symbol == "시")
        #expect(changes[1].x == 0 && changes[1].y == 1 && changes[1].cell.style.bold)
    }

    @Test func diffAgainstDifferentSizeIsEverything() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.put("가나", x: 0, y: 0)
        let changes = buffer.diff(from: Buffer(width: 3, height: 1))
        #expect(changes.map(\.x) == [0, 2])
    }

    @Test func rectSplits() {
        let area = Rect(width: 20, height: 10)
        let rows = area.rows([1, nil, 1])
        #expect(rows.map(\.height) == [1, 8, 1])
        #expect(rows.map(\.y) == [0, 1, 9])
        let columns = area.columns([nil, nil, 5])
        #expect(columns.map(\.width) == [8, 7, 5])
        #expect(columns.map(\.x) == [0, 8, 15])
        #expect(area.inset(1) == Rect(x: 1, y: 1, width: 18, height: 8))
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(2).isEmpty)
        #expect(Rect(width: 3, height: 3).rows([2, 5]).map(\.height) == [2, 1])
    }
}
