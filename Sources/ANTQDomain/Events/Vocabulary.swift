#if canImport(Glibc)
import Glibc
#endif

/// The closed vocabularies of the event catalogue. Raw values are the
/// strings stored in the log; they are part of the format and never change.

public enum UnitKind: String, CaseIterable, Sendable, Codable {
    case province, city, town, district, ward, commune, township

    /// Commune-level units (xã, phường, thị trấn) are the leaves the
    /// "91/91 communes" figure counts.
    public var isCommuneLevel: Bool { self == .ward || self == .commune || self == .township }

    public var vietnamese: String {
        switch self {
        case .province: "tỉnh"
        case .city: "thành phố"
        case .town: "thị xã"
        case .district: "huyện"
        case .ward: "phường"
        case .commune: "xã"
        case .township: "thị trấn"
        }
    }
}

public enum TipChannel: String, CaseIterable, Sendable, Codable {
    case hotline, in_person, club, letter, online, other
}

public enum CaseCategory: String, CaseIterable, Sendable, Codable {
    case social_order, drugs, economic, environment, high_tech, corruption, other
}

public enum WeaponKind: String, CaseIterable, Sendable, Codable {
    case firearm, rudimentary, implement, explosive, support_tool
}

public enum RecipientKind: String, CaseIterable, Sendable, Codable {
    case collective, individual
}

public enum Issuer: String, CaseIterable, Sendable, Codable {
    case government, ministry, province, provincial_police, district, commune
}

public enum AwardForm: String, CaseIterable, Sendable, Codable {
    case emulation_flag, certificate_of_merit, certificate_of_commendation, medal, badge, other
}

public enum ModelKind: String, CaseIterable, Sendable, Codable {
    case crime_prevention_club, shock_team, landlord_club, relatives_club, self_management_group, motorbike_taxi_group

    /// Position in `allCases`, without building that array (sums per kind run per model).
    public var ordinal: Int {
        switch self {
        case .crime_prevention_club: 0
        case .shock_team: 1
        case .landlord_club: 2
        case .relatives_club: 3
        case .self_management_group: 4
        case .motorbike_taxi_group: 5
        }
    }
}

/// Parses a vocabulary value, listing the accepted ones on failure.
func vocabulary<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type) -> T? where T.RawValue == String {
    T(rawValue: text)
}

func choices<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> String where T.RawValue == String {
    T.allCases.map(\.rawValue).joined(separator: ", ")
}

/// A vocabulary read straight from a stored line's bytes, without making a
/// `String` first: the replay reads one or two per line.
protocol StoredVocabulary: RawRepresentable, CaseIterable where RawValue == String {
    /// Each value's stored bytes, packed, built once.
    static var storedForms: [(name: PackedName, value: Self)] { get }
}

extension StoredVocabulary {
    static func makeStoredForms() -> [(name: PackedName, value: Self)] {
        allCases.map { (PackedName($0.rawValue), $0) }
    }

    /// The value whose stored form is exactly `b`, or nil.
    @inline(__always)
    static func stored(_ b: UnsafeBufferPointer<UInt8>) -> Self? {
        guard let packed = PackedName(b) else { return nil }
        for form in storedForms where form.name == packed { return form.value }
        return nil
    }
}

extension TipChannel: StoredVocabulary { static let storedForms = makeStoredForms() }
extension CaseCategory: StoredVocabulary { static let storedForms = makeStoredForms() }
extension WeaponKind: StoredVocabulary { static let storedForms = makeStoredForms() }
extension RecipientKind: StoredVocabulary { static let storedForms = makeStoredForms() }
extension Issuer: StoredVocabulary { static let storedForms = makeStoredForms() }
extension AwardForm: StoredVocabulary { static let storedForms = makeStoredForms() }
extension ModelKind: StoredVocabulary { static let storedForms = makeStoredForms() }
extension UnitKind: StoredVocabulary { static let storedForms = makeStoredForms() }
