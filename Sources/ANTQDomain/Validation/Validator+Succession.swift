import TextFormats

/// The rules of the succession events (`unit.split`, `unit.continued`,
/// `unit.abolished`): successors exist and are in force that day, a unit
/// ends once, and a level is abolished only when nothing is left under it.
extension Validator {
    func checkSuccession(_ f: Fact, field prefix: String) throws(EventProblems) {
        guard let unit = f.unit else { return }
        let p = { (name: String) in prefix.isEmpty ? name : "\(prefix).\(name)" }
        let d = { (name: String) in p("data.\(name)") }
        func fail(_ field: String, _ problem: Text, _ fix: Text? = nil) throws(EventProblems) -> Never {
            throw EventProblems(EventCodingError(field: field, problem: problem, fix: fix))
        }
        let day = f.occurred
        if ledger.units.view(unit)?.ending != nil && ledger.units.view(unit, on: day)?.ending == nil {
            try fail(p("unit"), Text("\(unit) đã chấm dứt vào một ngày khác", "\(unit) already ended on another day"))
        }
        func successor(_ ref: FieldRef, _ name: String) throws(EventProblems) {
            guard let code = f.data.text(ref) else { return }
            if code == unit, f.type != .unitContinued {
                try fail(d(name), Text("đơn vị không thể kế thừa chính nó", "a unit cannot succeed itself"), Text("ghi mã đơn vị kế thừa", "give the successor's code"))
            }
            guard let v = ledger.units.view(code, on: day) else {
                try fail(d(name), Text("\(code) chưa được đăng ký vào ngày \(day.formatted(vietnamese: true))", "\(code) is not a registered unit on \(day.iso)"), Text("đăng ký đơn vị kế thừa trước", "register the successor first"))
            }
            if v.mergedInto != nil, let fate = ledger.units.fate(of: code, on: day) {
                try fail(d(name), fate, Text("ghi đơn vị kế thừa của nó", "give its successor"))
            }
        }
        switch f.type {
        case .unitSplit:
            try successor(UnitSplit.into, "into")
            try successor(UnitSplit.alsoInto, "alsoInto")
            try successor(UnitSplit.alsoInto2, "alsoInto2")
            let s = UnitSplit.successors(f.data)
            if Set(s).count != s.count {
                try fail(d("alsoInto"), Text("các đơn vị kế thừa phải khác nhau", "the successors must differ"), Text("một đơn vị nhập toàn bộ thì dùng unit.merged", "a unit that went whole into one successor is a unit.merged"))
            }
        case .unitAbolished:
            try successor(UnitAbolished.into, "into")
            let left = ledger.units.listedChildren(on: day)[unit] ?? []
            if !left.isEmpty {
                try fail(p("unit"), Text("\(unit) còn \(left.count) đơn vị trực thuộc ngày \(day.formatted(vietnamese: true)): \(left.prefix(5).joined(separator: ", "))",
                                         "\(unit) still has \(left.count) unit(s) under it on \(day.iso): \(left.prefix(5).joined(separator: ", "))"),
                         Text("chuyển hoặc chấm dứt các đơn vị đó trước (unit.changed, unit.continued, unit.merged)", "move or end those units first (unit.changed, unit.continued, unit.merged)"))
            }
        case .unitContinued:
            try successor(UnitContinued.partTo, "partTo")
            if f.data.text(UnitContinued.partTo) == unit {
                try fail(d("partTo"), Text("phần còn lại phải thuộc đơn vị khác", "the rest must go to another unit"))
            }
            if let parent = f.data.text(UnitContinued.parent) { try checkParent(parent, of: unit, on: day, field: d("parent")) }
        default:
            break
        }
    }

    /// A unit ends (merged, split, abolished) only when nothing is recorded
    /// for it after the end: an event dated on or after that day is refused
    /// once the unit has ended, so one already there would stay in the log
    /// as a fact `append` forbids, and its figures would be summed under a
    /// unit that no longer stands. Told from the flow rows, so for flow
    /// facts only: a reporting month that begins on or after the day (a
    /// month the end falls inside may hold facts from before it, and is let
    /// through). Model, camera and level records are not looked at here.
    func checkNothingRecordedAfterTheEnd(of unit: String, on day: CivilDate, field: String) throws(EventProblems) {
        let months = ReportingMonths(start: ledger.log?.periodStart ?? .january1)
        let later = ledger.flows.keys.filter { $0.unit == unit && months.firstDay(of: $0.month) >= day }.map(\.month).sorted()
        guard let first = later.first else { return }
        let from = months.firstDay(of: first)
        throw EventProblems(EventCodingError(field: field,
            problem: Text("\(unit) đã có sự kiện ghi cho các tháng từ \(from.formatted(vietnamese: true)) (\(later.count) tháng), sau ngày chấm dứt \(day.formatted(vietnamese: true))",
                          "\(unit) already has events recorded for months from \(from.iso) on (\(later.count) month(s)), after it would end on \(day.iso)"),
            fix: Text("chuyển các sự kiện đó sang đơn vị kế thừa (antq correct SEQ --unit MÃ) hoặc hủy bỏ chúng trước; 'antq log --unit \(unit) --from \(from.iso)' liệt kê chúng",
                      "move those events to the successor (antq correct SEQ --unit CODE) or retract them first; 'antq log --unit \(unit) --from \(from.iso)' lists them")))
    }
}
