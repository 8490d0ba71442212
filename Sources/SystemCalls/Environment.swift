#if canImport(Glibc)
import Glibc
#endif

/// The process environment and machine facts, read with libc (antq keeps
/// Foundation out of its start-up; see `TextFormats.nfc`).
public enum Environment {
    /// Every `NAME=value` of the environment.
    public static func variables() -> [String: String] {
        var out: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return out
    }

    /// One variable, or nil.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Cores this process may run on now.
    public static var activeProcessorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
