/// The built-in declarations, by type.
extension EventSpec {
    static func of(_ type: EventType) -> EventSpec { table[type.index] }

    /// Every declaration, in `EventType.allCases` order (built once).
    public static let table: [EventSpec] = EventType.allCases.map { t in
        switch t {
        case .logCreated: LogCreatedFields.spec
        case .unitRegistered: UnitRegistered.spec
        case .unitChanged: UnitChanged.spec
        case .unitMerged: UnitMerged.spec
        case .tipReceived: TipReceived.spec
        case .caseSolved: CaseSolved.spec
        case .arrestMade: ArrestMade.spec
        case .weaponSeized: WeaponSeized.spec
        case .awardGranted: AwardGranted.spec
        case .modelEstablished: ModelEstablished.spec
        case .modelChanged: ModelChanged.spec
        case .modelDissolved: ModelDissolved.spec
        case .cameraInstalled, .cameraRemoved: CameraCount.spec(t)
        case .eventCorrected: EventCorrected.spec
        case .eventRetracted: EventRetracted.spec
        case .figureAsserted: FigureAsserted.spec
        case .indicatorDefined: IndicatorDefined.spec
        case .indicatorRecorded: IndicatorRecorded.spec
        case .indicatorChanged: IndicatorChanged.spec
        case .indicatorRetired: IndicatorRetired.spec
        case .ratioDefined: RatioDefined.spec
        case .vocabularyExtended: VocabularyExtended.spec
        case .unitSplit: UnitSplit.spec
        case .unitContinued: UnitContinued.spec
        case .unitAbolished: UnitAbolished.spec
        }
    }
}

extension EventType {
    /// Position in `allCases` (the declaration table's index); a test checks the two agree.
    public var index: Int {
        switch self {
        case .logCreated: 0
        case .unitRegistered: 1
        case .unitChanged: 2
        case .unitMerged: 3
        case .tipReceived: 4
        case .caseSolved: 5
        case .arrestMade: 6
        case .weaponSeized: 7
        case .awardGranted: 8
        case .modelEstablished: 9
        case .modelChanged: 10
        case .modelDissolved: 11
        case .cameraInstalled: 12
        case .cameraRemoved: 13
        case .eventCorrected: 14
        case .eventRetracted: 15
        case .figureAsserted: 16
        case .indicatorDefined: 17
        case .indicatorRecorded: 18
        case .indicatorChanged: 19
        case .indicatorRetired: 20
        case .ratioDefined: 21
        case .vocabularyExtended: 22
        case .unitSplit: 23
        case .unitContinued: 24
        case .unitAbolished: 25
        }
    }
}
