/// Exact comparison: Swift's `==` on String ignores normalisation, tests must not.
func exact(_ rows: [[String]]) -> [[[UInt8]]] {
    rows.map { $0.map { Array($0.utf8) } }
}
