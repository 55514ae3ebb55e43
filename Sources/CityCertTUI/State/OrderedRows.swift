/// Rows in a chosen order and filtered: a view of an array through positions in it (no copy), for
/// the lists whose orders are computed once and read on every key press and draw.
public struct OrderedRows<Row: Sendable>: RandomAccessCollection, Sendable {
    let all: [Row]
    let order: [Int]
    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }
    public subscript(i: Int) -> Row { all[order[i]] }
}
