import Foundation

/// Tool-written JSON with a key given twice is an error (issue 13): Foundation's `JSONDecoder`
/// would keep one of the two and `jq` or Python the other, so two readers would see two sheets.
enum DuplicateKeys {
    struct Found: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Throws when an object in `data` has a key twice (other defects are left to the decoder).
    static func check(_ data: Data) throws {
        do {
            _ = try AuditJSON.parse(data)
        } catch {
            if let r = error.description.range(of: #"key '.*' appears twice"#, options: .regularExpression) {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a \(error.description[r]): readers would disagree on its value"))
            }
        }
    }
}
