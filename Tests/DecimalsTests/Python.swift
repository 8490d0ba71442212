import Foundation

/// Runs python3, the outside oracle: its `decimal` module computes the same sums,
/// quotients and roundings with arbitrary precision, written independently of ours.
enum Python {
    /// Path of python3 on PATH, nil if there is none (the oracle suites are then skipped).
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static var available: Bool { executable != nil }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `script` as `python3 script in.json out.json` with the JSON encoding of
    /// `input` and returns what it wrote, decoded as `Output`.
    static func run<Input: Encodable, Output: Decodable>(_ script: String, input: Input, as: Output.Type) throws -> Output {
        guard let executable else { throw Failure(description: "python3 not found on PATH") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("decimals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inURL = directory.appendingPathComponent("in.json")
        let outURL = directory.appendingPathComponent("out.json")
        let scriptURL = directory.appendingPathComponent("script.py")
        try JSONEncoder().encode(input).write(to: inURL)
        try Data(script.utf8).write(to: scriptURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [scriptURL.path, inURL.path, outURL.path]
        let errorPipe = Pipe()
        process.standardError = errorPipe
        try process.run()
        let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return try JSONDecoder().decode(Output.self, from: Data(contentsOf: outURL))
    }

    /// Python helpers shared by the oracle scripts: exact context, our scale rule
    /// for a result that does not fit, half away from zero, plain text.
    static let prelude = #"""
import json, sys
from decimal import Decimal, localcontext, getcontext, ROUND_HALF_UP
getcontext().prec = 400
INT128_MAX = 2**127 - 1

def coefficient(x):
    return int(''.join(map(str, x.as_tuple().digits)))

def fits(x):
    return coefficient(x) <= INT128_MAX

def stripped(x):
    """Trailing fractional zeros dropped, never below scale 0 (ExactDecimal.normalized)."""
    n = x.normalize()
    e = min(0, n.as_tuple().exponent)
    return x.quantize(Decimal(1).scaleb(e))

def plain(x):
    s = format(x, 'f')
    return s[1:] if s.startswith('-') and x == 0 else s

def half_away(x, places):
    r = abs(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return -r if x < 0 and r != 0 else r

args = json.load(open(sys.argv[1]))
def done(out):
    json.dump(out, open(sys.argv[2], 'w'))

"""#
}
