import TextFormats

/// How a district office enters its records.
///
/// The five busy urban districts send batches: a monthly summary in 2017,
/// antq's first year in the province, and from January 2018 a weekly batch
/// (one line per commune and figure with the period's count; valuable tips
/// and weapons stay monthly, as the crime-prevention clubs tally tips at
/// their monthly meeting and weapons come in through the monthly collection
/// drives). The four rural districts enter each case, arrest, seizure or
/// tip as it comes, and only they keep the tips that led nowhere.
enum RecordingStyle: Sendable {
    case monthly, weekly, single

    static let urban = ["718", "721", "723", "724", "725"]

    static func of(_ district: String, year: Int) -> RecordingStyle {
        guard urban.contains(district) else { return .single }
        return year < 2018 ? .monthly : .weekly
    }

    /// The first day (as a day number) of the period a batch line about `kind` on `d` covers.
    func period(of d: CivilDate, kind: FlowKind) -> Int {
        let month = CivilDate(year: d.year, month: d.month, day: 1)!.dayNumber
        switch self {
        case .monthly, .single: return month
        case .weekly:
            if case .tip = kind { return month }
            if case .weapon = kind { return month }
            return Spreading.monday(of: d)
        }
    }
}
