/// Several runs of one measurement, summarised the way the report needs:
/// the median (robust against a neighbour's build stealing a core), and the
/// spread (min, max) so noise is visible rather than hidden.
struct Samples {
    private(set) var seconds: [Double] = []
    /// Peak resident memory in bytes, from a separate run under GNU time
    /// (see `ProcessRunner`); 0 when not measured.
    var peakRSS = 0

    init() {}

    mutating func add(_ r: ProcessRunner.Result) {
        seconds.append(r.seconds)
    }

    var isEmpty: Bool { seconds.isEmpty }
    var count: Int { seconds.count }

    var median: Double { Samples.median(seconds) }
    var min: Double { seconds.min() ?? .nan }
    var max: Double { seconds.max() ?? .nan }
    var maxRSS: Int { peakRSS }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
