import Foundation
import XCTest
@testable import JSONCodec

/// Conformance against Nicolas Seriot's JSONTestSuite (test_parsing).
final class JSONTestSuiteTests: XCTestCase {
    /// y_ files we deliberately reject: strict log policy forbids duplicate keys.
    static let stricterThanSuite: Set<String> = ["y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json"]

    /// The corpus is vendored next to this file (with its licence), so every clone runs it.
    func corpusDirectory() throws -> URL {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("JSONTestSuite/test_parsing")
        guard FileManager.default.fileExists(atPath: dir.path) else {
            XCTFail("the vendored JSONTestSuite corpus is missing at \(dir.path)")
            throw CocoaError(.fileNoSuchFile)
        }
        return dir
    }

    func testJSONTestSuiteYesNoAndImplementationDefinedFiles() throws {
        let dir = try corpusDirectory()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        var y = 0, n = 0, i = 0
        var iAccepted: [String] = [], iRejected: [String] = []
        var lineMode = 0, documentMode = 0
        for name in files {
            let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(name)))
            let tree = ourParse(bytes)
            // Line-oriented path (scanner: skipValue + expectEnd) for single-line inputs;
            // multi-line inputs are documents. Both must agree with the tree parser.
            let scanner = scannerValidate(bytes)
            if bytes.contains(0x0A) { documentMode += 1 } else { lineMode += 1 }
            switch tree {
            case .success: XCTAssertNil(scanner, "\(name): scanner rejects (\(scanner.map(String.init(describing:)) ?? "")) but tree accepts")
            case .failure(let e): XCTAssertEqual(scanner?.kind, e.kind, "\(name): paths disagree")
            }
            if name.hasPrefix("y_") {
                y += 1
                if Self.stricterThanSuite.contains(name) {
                    guard case .failure(let e) = tree, case .duplicateKey = e.kind else { XCTFail("\(name) should be rejected as a duplicate key"); continue }
                } else if case .failure(let e) = tree {
                    XCTFail("\(name) must be accepted: \(e)")
                }
            } else if name.hasPrefix("n_") {
                n += 1
                if case .success = tree { XCTFail("\(name) must be rejected") }
            } else if name.hasPrefix("i_") {
                i += 1
                if case .success = tree { iAccepted.append(name) } else { iRejected.append(name) }
            }
        }
        print("JSONTestSuite: y=\(y) n=\(n) i=\(i) (line path \(lineMode), document path \(documentMode)); stricter y_: \(Self.stricterThanSuite.sorted())")
        print("i_ accepted (\(iAccepted.count)): \(iAccepted.joined(separator: ", "))")
        print("i_ rejected (\(iRejected.count)): \(iRejected.joined(separator: ", "))")
        XCTAssertGreaterThan(y, 90)
        XCTAssertGreaterThan(n, 180)
    }
}
