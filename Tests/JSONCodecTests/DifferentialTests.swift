import SeededRandom
import Foundation
import XCTest
@testable import JSONCodec

/// Our strict parser must agree with Foundation's JSONSerialization on every valid
/// document, however it is serialised.
final class DifferentialTests: XCTestCase {
    func testParseMatchesFoundationOnGeneratedDocumentsSerialisedThreeWays() throws {
        var gen = ValueGenerator(rng: SplitMix64(seed: 0xA17C_0DEC))
        var variantRng = SplitMix64(seed: 42)
        var cases = 0
        for i in 0..<3000 {
            let v = gen.object(depth: 4)
            var serialisations: [(String, [UInt8])] = [("writer", v.jsonBytes), ("variant", variantBytes(v, &variantRng))]
            if i % 3 == 0 {
                let data = try JSONSerialization.data(withJSONObject: foundationObject(v), options: [.fragmentsAllowed])
                serialisations.append(("foundation", Array(data)))
            }
            for (how, bytes) in serialisations {
                cases += 1
                guard let reference = foundationParse(bytes) else {
                    XCTFail("case \(i) \(how): Foundation rejected a generated document: \(String(decoding: bytes, as: UTF8.self))")
                    continue
                }
                switch ourParse(bytes) {
                case .failure(let e):
                    XCTFail("case \(i) \(how): we rejected a valid document: \(e)\n\(String(decoding: bytes, as: UTF8.self))")
                case .success(let ours):
                    XCTAssertEqual(Common(ours), Common(foundation: reference), "case \(i) \(how)")
                    if how == "writer" { XCTAssertEqual(ours, v, "case \(i): parse(write(v)) == v") }
                }
                XCTAssertNil(scannerValidate(bytes), "case \(i) \(how): scanner path must accept too")
            }
        }
        XCTAssertGreaterThan(cases, 6000)
    }
}
