/// Every kind of fact the log can hold. Each has one declaration
/// (`EventSpec`, in `Catalogue/Declarations/`); the raw values are the
/// stored type names, part of the format.
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
    case indicatorDefined = "indicator.defined"
    case indicatorRecorded = "indicator.recorded"
    case indicatorChanged = "indicator.changed"
    case indicatorRetired = "indicator.retired"
    case ratioDefined = "ratio.defined"
    case vocabularyExtended = "vocabulary.extended"
    case unitSplit = "unit.split"
    case unitContinued = "unit.continued"
    case unitAbolished = "unit.abolished"

    public var isUnitEvent: Bool {
        switch self {
        case .unitRegistered, .unitChanged, .unitMerged, .unitSplit, .unitContinued, .unitAbolished: true
        default: false
        }
    }
    /// Unit events after which the unit (as it was) takes no more events.
    public var endsUnit: Bool { self == .unitMerged || self == .unitSplit || self == .unitAbolished }
    public var isModelEvent: Bool { self == .modelEstablished || self == .modelChanged || self == .modelDissolved }
    public var isCameraEvent: Bool { self == .cameraInstalled || self == .cameraRemoved }
    /// Corrections and retractions amend other events; they cannot themselves be amended.
    public var isAmendment: Bool { self == .eventCorrected || self == .eventRetracted }
    /// What a province declares about its own catalogue: indicators, ratios, vocabulary.
    public var isDeclaration: Bool {
        switch self {
        case .indicatorDefined, .indicatorChanged, .indicatorRetired, .ratioDefined, .vocabularyExtended: true
        default: false
        }
    }
    /// Facts that may be the target of a correction. Unit events are not:
    /// a wrong unit name is fixed by a later `unit.changed`, so the tree as it
    /// stood on each day stays reproducible; declarations are changed by
    /// `indicator.changed` for the same reason.
    public var isCorrectable: Bool { !isAmendment && self != .logCreated && !isUnitEvent && !isDeclaration }
    /// Facts that may be retracted (unit events only while nothing depends on them).
    public var isRetractable: Bool { !isAmendment && self != .logCreated && !isDeclaration }

    /// The type's one declaration.
    public var spec: EventSpec { EventSpec.of(self) }
}
