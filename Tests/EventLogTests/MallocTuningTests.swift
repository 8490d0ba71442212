import Testing
import SystemCalls

/// antq asks glibc to grow heaps in large steps (see `MallocTuning`).
@Test func glibcAcceptsTheHeapGrowthStepAndAllocationGoesOn() {
    #expect(MallocTuning.growHeaps(by: 16 << 20))
    // Allocating on several threads afterwards works as before.
    let sums = (0..<4).map { i in (0..<10_000).map { Array(repeating: UInt8(truncatingIfNeeded: $0 &+ i), count: 64) }.count }
    #expect(sums == [10_000, 10_000, 10_000, 10_000])
}
