import ANTQDomain
import TextFormats

/// A change of kind of one unit on a day (`unit.changed`), from
/// `../shared/domain/unit-changes-binh-duong.csv`.
struct KindChange: Sendable {
    var day: CivilDate
    var code: String
    var before: UnitKind
    var after: UnitKind
    /// The legal basis, as the changes file gives it (kept for the reader of this file).
    var basis: String
}

/// How the units came to be and what happened to them, 2013–2025.
///
/// - Note: the log registers the tree as it stood on 30-12-2013, the day
///   NQ 136/NQ-CP created Bàu Bàng and Bắc Tân Uyên and made Bến Cát and Tân
///   Uyên towns: the changes file lists nothing between that day and
///   11-07-2018, so every unit had then the kind it had until 11-07-2018.
///   What came before 2013 (the communes' earlier kinds) is not in our
///   sources and not in the log.
enum UnitChanges {
    /// Tỉnh Bình Dương re-established (division of Sông Bé), 01-01-1997.
    static let provinceEstablished = day("1997-01-01")
    /// The nine-district structure of NQ 136/NQ-CP.
    static let treeRegistered = day("2013-12-30")

    /// Every change of kind, in date order.
    static let kindChanges: [KindChange] = [
        KindChange(day: day("2018-07-11"), code: "25822", before: .commune, after: .township, basis: "NQ 535/NQ-UBTVQH14"),
        KindChange(day: day("2018-07-11"), code: "25906", before: .commune, after: .township, basis: "NQ 535/NQ-UBTVQH14"),
        KindChange(day: day("2020-02-01"), code: "724", before: .town, after: .city, basis: "NQ of UBTVQH, 10-01-2020 (number believed 857/NQ-UBTVQH14)"),
        KindChange(day: day("2020-02-01"), code: "725", before: .town, after: .city, basis: "same resolution"),
        KindChange(day: day("2020-02-01"), code: "25912", before: .commune, after: .ward, basis: "same resolution"),
        KindChange(day: day("2020-02-01"), code: "25915", before: .commune, after: .ward, basis: "same resolution"),
        KindChange(day: day("2020-02-01"), code: "25924", before: .commune, after: .ward, basis: "same resolution"),
        KindChange(day: day("2020-02-01"), code: "25933", before: .commune, after: .ward, basis: "same resolution"),
        KindChange(day: day("2021-02-01"), code: "25900", before: .commune, after: .township, basis: "NQ 1110/NQ-UBTVQH14"),
        KindChange(day: day("2023-04-10"), code: "723", before: .town, after: .city, basis: "NQ of UBTVQH, 13-02-2023 (number believed 725/NQ-UBTVQH15)"),
        KindChange(day: day("2024-05-01"), code: "721", before: .town, after: .city, basis: "NQ 1012/NQ-UBTVQH15"),
        KindChange(day: day("2024-05-01"), code: "25840", before: .commune, after: .ward, basis: "NQ 1012/NQ-UBTVQH15"),
        KindChange(day: day("2024-05-01"), code: "25843", before: .commune, after: .ward, basis: "NQ 1012/NQ-UBTVQH15"),
    ]

    /// NQ 202/2025/QH15: Bình Dương joins Thành phố Hồ Chí Minh (new local
    /// authorities from 01-07-2025) and the district level ends the same day.
    /// The 91 communes became 36 wards and communes of Thành phố Hồ Chí
    /// Minh the same day (NQ 1685/NQ-UBTVQH15; `Reorganisation2025`).
    static let mergerDay = day("2025-07-01")
    static let successor = DemoUnit(code: "79", name: "Hồ Chí Minh", kind: .city, parent: nil)

    /// The kind a unit had when the tree was registered.
    static func registeredKind(_ u: DemoUnit) -> UnitKind {
        kindChanges.first { $0.code == u.code }?.before ?? u.kind
    }

    /// The kind of a unit on a day (after the registration).
    static func kind(_ u: DemoUnit, on d: CivilDate) -> UnitKind {
        var k = registeredKind(u)
        for c in kindChanges where c.code == u.code && c.day <= d { k = c.after }
        return k
    }

    /// The changes agree with the 2018 list: applied in order, they give every
    /// unit its listed kind on 11-07-2018 (checked before anything is written).
    static func checkConsistency() {
        let mid2018 = day("2018-07-11")
        for u in [UnitList.province] + UnitList.districts + UnitList.communes {
            precondition(kind(u, on: mid2018) == u.kind, "unit \(u.code): the changes do not lead to the 2018 kind")
        }
        var current: [String: UnitKind] = [:]
        for c in kindChanges {
            let k = current[c.code] ?? registeredKind(UnitList.unit(c.code))
            precondition(k == c.before, "unit \(c.code) on \(c.day.iso): was \(k.rawValue), the change says \(c.before.rawValue)")
            current[c.code] = c.after
        }
    }
}

/// A day written as `YYYY-MM-DD` in the generator's own tables.
func day(_ iso: String) -> CivilDate {
    guard let d = CivilDate(iso: iso) else { preconditionFailure("bad date \(iso)") }
    return d
}
