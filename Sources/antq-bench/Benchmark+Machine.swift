import Foundation
import SystemCalls

/// The machine the report describes, so that its numbers can be judged.
extension Benchmark {
    /// What the numbers were measured on, including the load other users put on it.
    static func machine() -> [String] {
        var out: [String] = []
        if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let model = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") })?.split(separator: ":").last {
            out.append("CPU: \(model.trimmingCharacters(in: .whitespaces)), \(Environment.activeProcessorCount) online core(s)")
        }
        if let mem = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
           let total = mem.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal") }) {
            out.append("memory: " + total.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
        }
        out.append("kernel: Linux \(Environment.kernelRelease ?? "?")")
        return out
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }
}
