import ANTQDomain
import Hashing
import SystemCalls

/// The secret of keyed mode. It lives outside the data directory; the log
/// records only its identifier, so a copy of the log reveals nothing that
/// would let someone re-sign an edited log.
public struct KeyFile: Sendable {
    public let path: String
    public let key: [UInt8]

    /// Loads a key file, refusing one that other accounts could read.
    public static func load(_ path: String) throws(StoreError) -> KeyFile {
        guard let mode = FileSystem.permissions(path) else {
            throw .key(Text("không đọc được tệp khóa \(path): tệp không có hoặc không truy cập được", "key file \(path) cannot be read: it does not exist or is not accessible"))
        }
        if mode & 0o077 != 0 {
            let m = String(mode, radix: 8)
            throw .key(Text("tệp khóa \(path) cho nhóm hoặc người khác đọc được (quyền \(m)); chạy: chmod 600 \(path)",
                            "key file \(path) is readable by group or others (mode \(m)); run: chmod 600 \(path)"))
        }
        let bytes: [UInt8]
        do { bytes = try FileSystem.readFile(path) } catch { throw .key(Text("tệp khóa \(path): \(error.text)", "key file \(path): \(error.text)")) }
        var key = bytes
        while let last = key.last, last == 0x0A || last == 0x0D { key.removeLast() }
        guard key.count >= 16 else {
            throw .key(Text("tệp khóa \(path) có \(key.count) byte; khóa cần ít nhất 16 (ví dụ head -c 32 /dev/urandom > \(path))",
                            "key file \(path) holds \(key.count) bytes; a key needs at least 16 (e.g. head -c 32 /dev/urandom > \(path))"))
        }
        return KeyFile(path: path, key: key)
    }

    /// Whether the key file lies inside `directory` (links resolved): there
    /// it travels with every copy of the log, and whoever can change the log
    /// can read the key and sign the change.
    public func isInside(_ directory: String) -> Bool {
        guard let file = FileSystem.resolvedPath(path), let dir = FileSystem.resolvedPath(directory) else { return false }
        return file.hasPrefix(dir.hasSuffix("/") ? dir : dir + "/")
    }

    /// Identifier recorded in `log.created`: names the key without revealing it.
    public var id: String { KeyFile.id(of: key) }

    public static func id(of key: [UInt8]) -> String {
        String(HMACSHA256.authenticate(Array("antq key identifier".utf8), key: key).hex.prefix(16))
    }
}
