import JSONCodec
/// Every kind of fact the log can hold (catalogue v1).
public enum EventType: String, CaseIterable, Sendable, Codable {
    case logCreated = "log.created"
    case unitRegistered = "unit.registered"
    case unitChanged = "unit.changed"
    case unitMerged = "unit.merged"
    case tipReceived = "tip.received"
    case caseSolved = "case.solved"
    case arrestMade = "arrest.made"
    case weaponSeized = "weapon.seized"
    case awardGranted = "award.granted"
    case modelEstablished = "model.established"
    case modelChanged = "model.changed"
    case modelDissolved = "model.dissolved"
    case cameraInstalled = "camera.installed"
    case cameraRemoved = "camera.removed"
    case eventCorrected = "event.corrected"
    case eventRetracted = "event.retracted"
    case figureAsserted = "figure.asserted"

    public var isUnitEvent: Bool { self == .unitRegistered || self == .unitChanged || self == .unitMerged }
    public var isModelEvent: Bool { self == .modelEstablished || self == .modelChanged || self == .modelDissolved }
    /// Corrections and retractions amend other events; they cannot themselves be amended.
    public var isAmendment: Bool { self == .eventCorrected || self == .eventRetracted }
    /// Facts that may be the target of a correction. Unit events are not:
    /// a wrong unit name is fixed by a later `unit.changed`, so the tree as it
    /// stood on each day stays reproducible.
    public var isCorrectable: Bool { !isAmendment && self != .logCreated && !isUnitEvent }
    /// Facts that may be retracted (unit events only while nothing depends on them).
    public var isRetractable: Bool { !isAmendment && self != .logCreated }
}

extension EventType {
    /// Every type with its name packed, for matching without allocating.
    static let names: [(name: PackedName, type: EventType)] = allCases.map { (PackedName($0.rawValue), $0) }

    /// Matches the type's name in place (the replay path reads one per line).
    init?(bytes raw: JSONRawString) {
        if raw.escaped {
            self.init(rawValue: raw.string)
            return
        }
        self.init(stored: raw.bytes)
    }

    /// The type whose name is exactly these (unescaped) bytes.
    @inline(__always)
    init?(stored b: UnsafeBufferPointer<UInt8>) {
        guard let packed = PackedName(b) else { return nil }
        for entry in EventType.names where entry.name == packed {
            self = entry.type
            return
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#endif
