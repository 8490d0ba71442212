import ANTQDomain

/// The categories of the bundled article (Bình Dương, 2018), as the story
/// of the demonstration log uses them. The catalogue itself keeps these as
/// data (`Vocabulary.builtIn`); the story needs them as Swift values to
/// pick from deterministically, in this order (the seeded draws depend on it).
enum UnitKind: String, CaseIterable, Sendable {
    case province, city, town, district, ward, commune, township

    /// Commune-level units (xã, phường, thị trấn) are the leaves the
    /// "91/91 communes" figure counts.
    var isCommuneLevel: Bool { self == .ward || self == .commune || self == .township }

    var vietnamese: String {
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

enum TipChannel: String, CaseIterable, Sendable {
    case hotline, in_person, club, letter, online, other
}

enum CaseCategory: String, CaseIterable, Sendable {
    case social_order, drugs, economic, environment, high_tech, corruption, other
}

enum WeaponKind: String, CaseIterable, Sendable {
    case firearm, rudimentary, implement, explosive, support_tool
}

enum RecipientKind: String, CaseIterable, Sendable {
    case collective, individual
}

enum Issuer: String, CaseIterable, Sendable {
    case government, ministry, province, provincial_police, district, commune

    /// Awarded by a level of the province (the catalogue's `Vocabulary.localIssuers`).
    var isLocal: Bool { Vocabulary.localIssuers.contains(rawValue) }
}

enum AwardForm: String, CaseIterable, Sendable {
    case emulation_flag, certificate_of_merit, certificate_of_commendation, medal, badge, other
}

enum ModelKind: String, CaseIterable, Sendable {
    case crime_prevention_club, shock_team, landlord_club, relatives_club, self_management_group, motorbike_taxi_group

    /// Position in `allCases`, without building that array (sums per kind run per model).
    var ordinal: Int {
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
