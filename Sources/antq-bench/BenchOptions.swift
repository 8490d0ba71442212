/// The benchmark's command line. Small enough to parse by hand: the bench
/// must not depend on the CLI library it helps to measure.
struct BenchOptions {
    var events = 1_000_000
    var runs = 5
    /// Keep the generated files in this directory instead of a temporary one.
    var out: String?
    var quick = false
    var scaleCheck = false
    var seed: UInt64 = 20_190_328
    var antq: String?
    /// Scenarios to run (default: every one but the 4× scale check).
    var only: Set<Scenario> = Set(Scenario.allCases).subtracting([.scale])
    var markdown = false

    enum Scenario: String, CaseIterable {
        case startup, rebuild, declared, verify, snapshot, audit, append, batch, scale
    }

    static let usage = """
    usage: antq-bench [--events N] [--runs R] [--out DIR] [--quick] [--scale-check]
                      [--only LIST] [--antq PATH] [--seed S]

    Generates a valid antq log of N events (default 1,000,000; fixed seed) and
    times antq against the tools a clerk could use instead, as whole processes
    (wall time and peak RSS), R runs each (default 5). Build antq first:
        swift build -c release && swift run -c release antq-bench

      --events N      events in the generated log (at least 1,000)
      --runs R        runs per measurement (median, min, max are reported)
      --out DIR       keep the generated data in DIR (default: a temporary directory, removed at the end)
      --quick         one run each and fewer single appends (CI smoke run)
      --scale-check   also rebuild a 4×N log to check that memory stays flat (slow: generates 4×N events)
      --only LIST     comma-separated subset of: \(Scenario.allCases.map(\.rawValue).joined(separator: ","))
      --antq PATH     the antq binary to measure (default: next to antq-bench)
      --seed S        generator seed (default 20190328)
    """

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ args: [String]) throws -> BenchOptions {
        var o = BenchOptions()
        var i = 0
        func value(_ name: String) throws -> String {
            i += 1
            guard i < args.count else { throw UsageError(description: "\(name) needs a value") }
            return args[i]
        }
        func number(_ name: String, min: Int) throws -> Int {
            let v = try value(name)
            guard let n = Int(String(v.filter { $0 != "_" && $0 != "," })), n >= min else {
                throw UsageError(description: "\(name) takes a whole number of at least \(min), not '\(v)'")
            }
            return n
        }
        while i < args.count {
            switch args[i] {
            case "--events": o.events = try number("--events", min: 1000)
            case "--runs": o.runs = try number("--runs", min: 1)
            case "--out": o.out = try value("--out")
            case "--quick": o.quick = true
            case "--scale-check": o.scaleCheck = true; o.only.insert(.scale)
            case "--antq": o.antq = try value("--antq")
            case "--seed": o.seed = UInt64(try number("--seed", min: 0))
            case "--only":
                var set: Set<Scenario> = []
                for name in try value("--only").split(separator: ",") {
                    guard let s = Scenario(rawValue: String(name)) else {
                        throw UsageError(description: "--only: '\(name)' is not one of \(Scenario.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    set.insert(s)
                }
                o.only = set
                if set.contains(.scale) { o.scaleCheck = true }
            case "-h", "--help": throw UsageError(description: "")
            default: throw UsageError(description: "unknown option '\(args[i])'")
            }
            i += 1
        }
        if o.quick { o.runs = 1 }
        return o
    }
}
