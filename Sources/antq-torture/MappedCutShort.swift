import SystemCalls

/// `antq-torture sigbus watched|unwatched DIR`: a real SIGBUS on a mapped
/// file that is cut short while mapped, as happens to a snapshot's piece
/// when another program truncates it during a read.
///
/// - watched: the range is watched (as `SnapshotStore` watches a piece):
///   the process must end with exit code 74 and the message.
/// - unwatched: another range is watched, not this one: the fault must go
///   to the handler there was before (the process dies of SIGBUS).
///
/// Returns only if no fault happened (a broken test setup): exit code 1.
enum MappedCutShort {
    static func run(watched: Bool, dir: String) throws -> Int32 {
        let path = dir + "/piece"
        let fd = try FileDescriptor.open(path, [.readWrite, .create, .truncate])
        try fd.writeAll([UInt8](repeating: 0x41, count: 1 << 16))
        let region = try MappedRegion(fd, offset: 0, count: 1 << 16)
        let other = try MappedRegion(fd, offset: 0, count: 4096)
        let slot = MappedRegionGuard.watch(watched ? region.bytes : other.bytes, message: "cut short: \(path)\n")
        try fd.truncate(to: 0)
        var sum: UInt8 = 0
        for i in stride(from: 0, to: region.bytes.count, by: 4096) { sum &+= region.bytes[i] }
        MappedRegionGuard.release(slot)
        print("no fault: the truncated mapping was read (sum \(sum))")
        return 1
    }
}
