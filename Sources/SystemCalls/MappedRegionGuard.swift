#if canImport(Glibc)
import Glibc
#endif

/// Turns a SIGBUS on a watched mapping (a file cut short by another program
/// while it is mapped) into a message and exit code 74, instead of a crash.
///
/// Why: reading a mapped page past the new end of a file raises SIGBUS, and
/// no error can be returned from there. The handler is installed once per
/// process (`sigaction` with `SA_SIGINFO`) and acts only on a fault inside a
/// range being watched: any other SIGBUS goes to the handler there was
/// before (the default, or the Swift runtime's crash report), unchanged.
public enum MappedRegionGuard {
    /// Watches `bytes` until `release`; `message` is what is written to
    /// stderr if a read in it faults. Returns the slot to release (nil if
    /// every slot is taken: the range is then not watched).
    public static func watch(_ bytes: UnsafeRawBufferPointer, message: String) -> Int? {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return nil }
        return table.add(start: UInt(bitPattern: start), end: UInt(bitPattern: start) + UInt(bytes.count), message: message)
    }

    public static func release(_ slot: Int?) {
        if let slot { table.remove(slot) }
    }

    /// Whether `address` lies in a watched range: for the handler, and for tests.
    static func message(at address: UInt) -> UnsafeBufferPointer<UInt8>? {
        table.message(at: address)
    }

    private static let table = Table()

    /// Fixed slots, written under a lock and read by the handler without
    /// one: a SIGBUS on a watched range is raised on the thread that is
    /// reading it, which registered it before reading.
    private final class Table: @unchecked Sendable {
        static let capacity = 64
        let starts = UnsafeMutablePointer<UInt>.allocate(capacity: capacity)
        let ends = UnsafeMutablePointer<UInt>.allocate(capacity: capacity)
        let messages = UnsafeMutablePointer<UnsafeMutableBufferPointer<UInt8>?>.allocate(capacity: capacity)
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)

        init() {
            starts.initialize(repeating: 0, count: Table.capacity)
            ends.initialize(repeating: 0, count: Table.capacity)
            messages.initialize(repeating: nil, count: Table.capacity)
            pthread_mutex_init(lock, nil)
            previous.initialize(to: sigaction())
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in
                let address = UInt(bitPattern: info?.pointee._sifields._sigfault.si_addr)
                if let text = MappedRegionGuard.message(at: address) {
                    _ = write(2, text.baseAddress, text.count)
                    _exit(74) // EX_IOERR
                }
                // Not ours: put back the handler there was and return, so
                // the fault happens again and goes to it.
                sigaction(signal, MappedRegionGuard.table.previous, nil)
            }
            action.sa_flags = SA_SIGINFO
            sigemptyset(&action.sa_mask)
            sigaction(SIGBUS, &action, previous)
        }

        func add(start: UInt, end: UInt, message: String) -> Int? {
            let text = Array(message.utf8)
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count)
            _ = copy.initialize(from: text)
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            guard let slot = (0..<Table.capacity).first(where: { ends[$0] == 0 }) else {
                copy.deallocate()
                return nil
            }
            messages[slot] = copy
            starts[slot] = start
            ends[slot] = end
            return slot
        }

        func remove(_ slot: Int) {
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            ends[slot] = 0
            starts[slot] = 0
            messages[slot]?.deallocate()
            messages[slot] = nil
        }

        func message(at address: UInt) -> UnsafeBufferPointer<UInt8>? {
            for slot in 0..<Table.capacity where starts[slot] <= address && address < ends[slot] {
                if let m = messages[slot] { return UnsafeBufferPointer(m) }
            }
            return nil
        }
    }
}
