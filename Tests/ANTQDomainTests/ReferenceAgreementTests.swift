import ANTQDomain
import ANTQTestSupport
import Testing

/// The projection against the naive reference on random logs that include
/// declarations (indicators with decimals and dimensions, records,
/// changes, retirements, ratios, vocabulary extensions), corrections and
/// retractions: every figure of every unit in every year, and the figure
/// names themselves.
@Suite struct ReferenceAgreementTests {
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func projectionEqualsReferenceOnRandomLogsWithDeclarations(seed: UInt64) {
        let g = RandomLog.make(seed: seed, events: 600)
        let declared = g.events.filter(\.type.isDeclaration).count
        let records = g.events.filter { $0.type == .indicatorRecorded }.count
        #expect(declared >= 3, "the generator declared \(declared) times")
        #expect(records >= 20, "the generator recorded \(records) declared values")
        #expect(differencesFromReference(g.events, g.ledger) == [])
    }

    @Test func aFreshFoldEqualsTheValidatorsRunningLedger() {
        let g = RandomLog.make(seed: 11, events: 500)
        #expect(figureDifferences(fold(g.events), g.ledger) == [])
    }

    @Test func aLogWithoutDeclarationsStillAgrees() {
        let g = RandomLog.make(seed: 12, events: 500, declarations: false)
        #expect(!g.events.contains { $0.type.isDeclaration })
        #expect(differencesFromReference(g.events, g.ledger) == [])
    }
}
