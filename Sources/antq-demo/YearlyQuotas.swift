import ANTQDomain
import TextFormats

/// A year's flows for the whole province, as they stood on the day they
/// were announced (errors included: the story of corrections fixes some later).
struct FlowQuota: Sendable {
    var year: Int
    var tipsValuable: Int
    /// Tips that did not help an investigation (not published; only the
    /// rural districts, which enter every tip, record them).
    var tipsOther: Int
    var cases: [(CaseCategory, Int)]
    var arrests: Int
    var weapons: [(WeaponKind, Int)]
    /// (recipient kind, issuer, count).
    var awards: [(RecipientKind, Issuer, Int)]

    var totalCases: Int { cases.reduce(0) { $0 + $1.1 } }
    func weapons(_ k: WeaponKind) -> Int { weapons.first { $0.0 == k }?.1 ?? 0 }
    func awards(_ rk: RecipientKind, local: Bool) -> Int {
        awards.filter { $0.0 == rk && $0.1.isLocal == local }.reduce(0) { $0 + $1.2 }
    }
}

/// The standing state of the movement at the end of a day.
struct StateQuota: Sendable {
    var day: CivilDate
    var models: [(ModelKind, Int)]
    var shockTeamMembers: Int
    var cameras: Int

    func count(_ k: ModelKind) -> Int { models.first { $0.0 == k }?.1 ?? 0 }
}

/// The numbers the bundled log is built to reproduce.
///
/// 2018 is `../shared/domain/figures-2018.json`, the provincial review of
/// 28-03-2019; two figures were published rounded, so the log holds an exact
/// value and the announcement's wording ("hơn 5.000", "gần 1.600"). Every
/// other number here (2017, tips that were not valuable, weapons other than
/// guns and rudimentary weapons, the opening balance of 2016) is synthetic
/// but plausible: a little lower in 2017, so year-on-year comparisons show
/// something.
enum YearlyQuotas {
    /// The review conference of 2018 (Ban Chỉ đạo 138 of the province).
    static let conferenceDay = day("2019-03-28")

    static let flows2017 = FlowQuota(
        year: 2017, tipsValuable: 4_637, tipsOther: 612,
        cases: [(.social_order, 1_297), (.drugs, 431), (.economic, 127), (.environment, 41), (.high_tech, 19), (.corruption, 5), (.other, 48)],
        arrests: 3_318,
        weapons: [(.firearm, 17), (.rudimentary, 446), (.implement, 128)],
        awards: [(.collective, .province, 21), (.collective, .provincial_police, 33), (.collective, .district, 62), (.collective, .commune, 52),
                 (.individual, .province, 28), (.individual, .provincial_police, 57), (.individual, .district, 129), (.individual, .commune, 133),
                 (.collective, .ministry, 1), (.individual, .ministry, 1)])

    /// As announced on 28-03-2019: 5.012 valuable tips ("hơn 5.000"), 2.144
    /// cases, 3.630 arrests, 21 guns, 501 rudimentary weapons, 191 collectives
    /// and 385 individuals commended locally, 2 and 1 by the Ministry.
    static let flows2018 = FlowQuota(
        year: 2018, tipsValuable: 5_012, tipsOther: 655,
        cases: [(.social_order, 1_402), (.drugs, 486), (.economic, 138), (.environment, 47), (.high_tech, 29), (.corruption, 4), (.other, 38)],
        arrests: 3_630,
        weapons: [(.firearm, 21), (.rudimentary, 501), (.implement, 143)],
        awards: [(.collective, .province, 24), (.collective, .provincial_police, 38), (.collective, .district, 71), (.collective, .commune, 58),
                 (.individual, .province, 31), (.individual, .provincial_police, 64), (.individual, .district, 142), (.individual, .commune, 148),
                 (.collective, .ministry, 2), (.individual, .ministry, 1)])

    /// What the log holds before 2017: the models and cameras in place on
    /// 31-12-2016, entered once by the provincial office as an opening balance.
    static let opening = StateQuota(
        day: day("2016-12-31"),
        models: [(.crime_prevention_club, 91), (.shock_team, 78), (.landlord_club, 198), (.relatives_club, 61),
                 (.self_management_group, 150), (.motorbike_taxi_group, 33)],
        shockTeamMembers: 3_262, cameras: 812)

    static let end2017 = StateQuota(
        day: day("2017-12-31"),
        models: [(.crime_prevention_club, 91), (.shock_team, 79), (.landlord_club, 215), (.relatives_club, 67),
                 (.self_management_group, 164), (.motorbike_taxi_group, 36)],
        shockTeamMembers: 3_318, cameras: 1_204)

    /// The state announced on 28-03-2019 (nothing changed between 31-12-2018
    /// and the conference, so the year's end and the day agree): 91/91
    /// communes with a club, 80 shock teams with 3.359 members, 226 landlord
    /// clubs, 72 relatives clubs, 176 self-management groups, 38 motorbike-taxi
    /// groups, 1.587 cameras ("gần 1.600").
    static let end2018 = StateQuota(
        day: day("2018-12-31"),
        models: [(.crime_prevention_club, 91), (.shock_team, 80), (.landlord_club, 226), (.relatives_club, 72),
                 (.self_management_group, 176), (.motorbike_taxi_group, 38)],
        shockTeamMembers: 3_359, cameras: 1_587)

    /// Models dissolved during a year (so the establishments are the growth plus these).
    static func dissolved(_ year: Int) -> [(ModelKind, Int)] {
        year == 2018 ? [(.landlord_club, 2), (.self_management_group, 1)] : [(.landlord_club, 1)]
    }

    /// Cameras taken down during a year (broken, or the shop that owned them closed).
    static func camerasRemoved(_ year: Int) -> Int { year == 2018 ? 8 : 9 }
}
