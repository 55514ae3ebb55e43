import CityCertCore
import Foundation
import Testing
import TestSupport

/// The writer every JSON file of citycert is written with: its layout, its strings and its figures.
@Suite struct JSONWriterTests {
    @Test func writesTheLayoutOfAValueTree() {
        let value = JSONValue.object([
            ("id", .string("2026-수원")), ("empty", .array([])), ("none", .object([])), ("n", .null),
            ("list", .array([.int(-3), .bool(true), .object([("k\"ey", .string("a\nb\t\u{1}"))])])),
        ])
        #expect(value.serialized(pretty: false)
                == #"{"id":"2026-수원","empty":[],"none":{},"n":null,"list":[-3,true,{"k\"ey":"a\nb\t\u0001"}]}"#)
        expectLines(value.serialized(indent: 2).components(separatedBy: "\n"), [
            "{",
            "    \"id\": \"2026-수원\",",
            "    \"empty\": [],",
            "    \"none\": {},",
            "    \"n\": null,",
            "    \"list\": [",
            "      -3,",
            "      true,",
            "      {",
            "        \"k\\\"ey\": \"a\\nb\\t\\u0001\"",
            "      }",
            "    ]",
            "  }",
        ])
        // Parsed back, it is the same data.
        let parsed = try? JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as? [String: Any]
        #expect((parsed?["id"] as? String) == "2026-수원")
    }

    @Test func writesFiguresAndKeysDirectly() {
        var w = JSONWriter(indent: nil)
        w.object { w in
            w.key("points"); w.array([Points(hundredths: 0), Points(hundredths: 5), Points(hundredths: -5), Points(hundredths: 123_456),
                                      Points(hundredths: -100), Points(hundredths: Int64.max)]) { w, p in w.string(p) }
            w.key("none"); w.string(Optional<Points>.none)
            w.key("ints"); w.array([0, 7, -42, Int.max, Int.min]) { w, i in w.int(i) }
            w.key(text: "그\\"); w.string(Optional<String>.none)
        }
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"points":["0.00","0.05","-0.05","1234.56","-1.00","92233720368547758.07"],"none":null,"ints":[0,7,-42,9223372036854775807,-9223372036854775808],"그\\":null}"#)
    }

    @Test func fixedDecimalsAreTheTextOfEveryScale() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<2000 {
            let units = Int64(bitPattern: rng.next()) >> UInt64(rng.below(63))
            let scale = rng.below(6)
            // The text by long division, as a person writes it.
            let m = units.magnitude
            var divisor: UInt64 = 1
            for _ in 0..<scale { divisor *= 10 }
            let frac = String(m % divisor)
            let expected = (units < 0 ? "-" : "") + String(m / divisor)
                + (scale > 0 ? "." + String(repeating: "0", count: scale - frac.count) + frac : "")
            #expect(FixedDecimal.format(units, scale: scale) == expected)
            var bytes: [UInt8] = [0x41]
            FixedDecimal.append(units, scale: scale, to: &bytes)
            #expect(bytes == [0x41] + Array(expected.utf8))
        }
        #expect(FixedDecimal.format(Int64.min, scale: 2) == "-92233720368547758.08")
    }

    @Test func anIndicatorChangedIsItsOwnCopy() {
        let a = Indicator(id: "IN-01", name: LocalizedText("혁신"), points: [.large: Points(hundredths: 2000)],
                          kind: .qualitative(levels: []))
        var b = a
        b.id = "IN-02"
        b.points[.small] = Points(hundredths: 1000)
        #expect(a.id == "IN-01" && a.points.count == 1)
        #expect(b.id == "IN-02" && b.points.count == 2 && b.name.preferKorean == "혁신")
    }
}
