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

    /// The login name of this process's user, from /etc/passwd. Why not
    /// `getpwuid`: in the statically linked release binary it would load
    /// glibc's NSS modules at run time, which must then match the glibc
    /// antq was built with. Nil for a user not listed there (a directory
    /// service account): callers fall back to `$USER`.
    public static func loginName(passwd path: String = "/etc/passwd") -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        let uid = String(getuid())
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, f) > 0, let line {
            // name:password:uid:gid:…
            let fields = String(cString: line).split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            if fields.count >= 3, fields[2] == uid, !fields[0].isEmpty { return String(fields[0]) }
        }
        return nil
    }

    /// The running kernel's release (`uname`), e.g. "6.8.0-45-generic", or
    /// nil if `uname` fails.
    public static var kernelRelease: String? {
        var names = utsname()
        guard uname(&names) == 0 else { return nil }
        return withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }

    /// Cores this process may run on now.
    public static var activeProcessorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
