import SystemCalls

/// Puts a built site in place all at once: every page is written into a
/// sibling temporary directory, flushed, then renamed over `OUT_DIR`. A
/// failure or a kill while writing leaves the old site (or nothing) and a
/// stray `.antq-tmp-PID` sibling, never a half-written `OUT_DIR`.
///
/// A directory is replaced only if it is empty or was written by this
/// writer (it holds `.antq-site`): `antq site ~/Documents` must not wipe
/// someone's files.
public enum SiteWriter {
    public static let marker = ".antq-site"

    public enum Failure: Error, Equatable {
        /// The path exists and is a file, or a directory antq did not write.
        case notASite(String)
        case io(String)
    }

    public static func write(_ files: [String: String], to path: String, marker text: String) throws(Failure) {
        var out = path
        while out.count > 1 && out.hasSuffix("/") { out.removeLast() }
        let exists = FileSystem.exists(out)
        if exists {
            guard FileSystem.isDirectory(out) else { throw .notASite(out) }
            let names: [String]
            do { names = try FileSystem.list(out) } catch { throw .io("\(error)") }
            if !names.isEmpty && !names.contains(marker) { throw .notASite(out) }
        }
        let pid = CurrentProcess.id
        let temp = out + ".antq-tmp-\(pid)", old = out + ".antq-old-\(pid)"
        do {
            try removeSite(temp)
            try FileSystem.makeDirectory(temp, permissions: 0o755)
            for (name, page) in files.sorted(by: { $0.key < $1.key }) {
                try writeFile(temp + "/" + name, Array(page.utf8))
            }
            try writeFile(temp + "/" + marker, Array(text.utf8))
            // One flush for every page (an fsync per page costs more than writing them).
            FileSystem.syncAll()
        } catch {
            try? removeSite(temp)
            throw .io("\(error)")
        }
        do {
            if exists {
                try FileSystem.rename(out, to: old)
                try FileSystem.rename(temp, to: out)
                try removeSite(old)
            } else {
                try FileSystem.rename(temp, to: out)
            }
            try FileSystem.syncDirectory(parent(of: out))
        } catch {
            throw .io("\(error)")
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(Errno) {
        let fd = try FileDescriptor.open(path, [.writeOnly, .create, .truncate], permissions: 0o644)
        do { try fd.writeAll(bytes) } catch { try? fd.close(); throw error }
        try fd.close()
    }

    /// Removes a site directory (flat: files only) if it is there.
    static func removeSite(_ dir: String) throws(Errno) {
        guard FileSystem.isDirectory(dir) else { return }
        for name in try FileSystem.list(dir) { try FileSystem.remove(dir + "/" + name) }
        try FileSystem.removeDirectory(dir)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
