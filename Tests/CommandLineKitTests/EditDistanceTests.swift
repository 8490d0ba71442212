import Foundation
import Testing
@testable import CommandLineKit

@Suite struct EditDistanceTests {
    @Test func transpositionCountsAsOneEdit() {
        #expect(EditDistance.distance("fromat", "format") == 1)
        #expect(EditDistance.distance("unti", "unit") == 1)
    }

    @Test func classicDistances() {
        #expect(EditDistance.distance("kitten", "sitting") == 3)
        #expect(EditDistance.distance("", "abc") == 3)
        #expect(EditDistance.distance("same", "same") == 0)
    }

    @Test func closestPrefersSmallestDistance() {
        #expect(EditDistance.closest(to: "lgo", among: ["log", "init"]) == "log")
        #expect(EditDistance.closest(to: "ver", among: ["verify", "version"]) == "verify")
        #expect(EditDistance.closest(to: "zzzz", among: ["log", "init"]) == nil)
    }
}
