import CSHA256

/// Which implementation of the SHA-256 compression function to use.
///
/// The log verifier hashes hundreds of megabytes of short lines, so the
/// compression function dominates its run time. Two implementations exist:
///
/// - ``portable`` is pure Swift and runs on every platform; it is the
///   reference the hardware path is tested against.
/// - ``hardware`` uses the x86-64 SHA extensions (SHA-NI) through the
///   `CSHA256` C target, which is several times faster but only exists on
///   CPUs that advertise the feature.
///
/// The fastest available backend is chosen once per process
/// (``SHA256Backend/preferred``); tests pass a backend explicitly so both
/// can be checked against each other and against `sha256sum`.
public enum SHA256Backend: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Pure-Swift, unrolled compression function. Always available.
    case portable
    /// x86-64 SHA-NI compression function (C intrinsics). Only available when
    /// the running CPU supports SHA, SSE4.1 and SSSE3.
    case hardware

    /// Whether this backend can run on the current machine. Checked with
    /// CPUID once per process.
    public var isAvailable: Bool {
        switch self {
        case .portable: return true
        case .hardware: return SHA256Backend.hardwareSupported
        }
    }

    /// The backend used when none is specified: ``hardware`` when the CPU
    /// supports it, otherwise ``portable``. Computed once per process.
    public static let preferred: SHA256Backend = hardwareSupported ? .hardware : .portable

    /// All backends usable on this machine, fastest first.
    public static let available: [SHA256Backend] = hardwareSupported ? [.hardware, .portable] : [.portable]

    public var description: String {
        switch self {
        case .portable: return "portable"
        case .hardware: return "hardware"
        }
    }

    private static let hardwareSupported: Bool = csha256_hw_supported() != 0

    /// Runs the compression function over `blockCount` consecutive 64-byte
    /// blocks at `blocks`, updating `state` in place.
    @inline(__always)
    func compress(_ state: inout SHA256.Words, _ blocks: UnsafeRawPointer, _ blockCount: Int) {
        switch self {
        case .portable:
            SHA256.compressPortable(&state, blocks, blockCount)
        case .hardware:
            // A homogeneous tuple is laid out like a C array of 8 uint32_t.
            withUnsafeMutablePointer(to: &state) { tuple in
                tuple.withMemoryRebound(to: UInt32.self, capacity: 8) { words in
                    csha256_hw_compress(words, blocks.assumingMemoryBound(to: UInt8.self), blockCount)
                }
            }
        }
    }
}
