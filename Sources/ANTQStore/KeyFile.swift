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
            throw .key("key file \(path) cannot be read: it does not exist or is not accessible")
        }
        if mode & 0o077 != 0 {
            throw .key("key file \(path) is readable by group or others (mode \(String(mode, radix: 8))); run: chmod 600 \(path)")
        }
        let bytes: [UInt8]
        do { bytes = try FileSystem.readFile(path) } catch { throw .key("key file \(path): \(error.text)") }
        var key = bytes
        while let last = key.last, last == 0x0A || last == 0x0D { key.removeLast() }
        guard key.count >= 16 else {
            throw .key("key file \(path) holds \(key.count) bytes; a key needs at least 16 (e.g. head -c 32 /dev/urandom > \(path))")
        }
        return KeyFile(path: path, key: key)
    }

    /// Identifier recorded in `log.created`: names the key without revealing it.
    public var id: String { KeyFile.id(of: key) }

    public static func id(of key: [UInt8]) -> String {
        String(HMACSHA256.authenticate(Array("antq key identifier".utf8), key: key).hex.prefix(16))
    }
}
