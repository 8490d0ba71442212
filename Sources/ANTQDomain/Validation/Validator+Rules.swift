import Decimals
import TextFormats

/// The rules that depend on the ledger, for a fact as it would stand.
extension Validator {
    /// - Parameter unitChecked: the unit is known to pass the unit checks (`admits`).
    /// - Parameter fast: the fact is a new event checked against this
    ///   validator's own ledger, so the camera cache may answer.
    /// - Parameter correcting: the fact a correction replaces (a record of a
    ///   retired indicator may be corrected, not added).
    mutating func check(_ f: Fact, seq: Int, field prefix: String, unitChecked: Bool = false, fast: Bool = false,
                        correcting: Fact? = nil) throws(EventProblems) {
        let p = { (name: String) in prefix.isEmpty ? name : "\(prefix).\(name)" }
        func fail(_ field: String, _ problem: Text, _ fix: Text? = nil) throws(EventProblems) -> Never {
            throw EventProblems(EventCodingError(field: field, problem: problem, fix: fix))
        }
        guard let unit = f.unit else { return }
        let data = f.data
        let d = { (name: String) in p("data.\(name)") }
        if f.type != .unitRegistered && !unitChecked {
            guard let v = ledger.units.view(unit) else {
                try fail(p("unit"), Text("\(unit) chưa được đăng ký", "\(unit) is not a registered unit"), Text("'antq units' liệt kê các đơn vị", "'antq units' lists the units"))
            }
            guard ledger.units.view(unit, on: f.occurred) != nil else {
                try fail(p("unit"), Text("\(unit) \(v.name) được đăng ký ngày \(v.registered.formatted(vietnamese: true)), sau \(f.occurred.formatted(vietnamese: true))", "\(unit) \(v.name) was registered on \(v.registered.iso), after \(f.occurred.iso)"),
                         Text("kiểm tra ngày hoặc đơn vị", "check the date, or the unit"))
            }
            if let fate = ledger.units.fate(of: unit, on: f.occurred), let ending = ledger.units.view(unit, on: f.occurred)?.ending {
                let list = ending.successors.joined(separator: ", ")
                try fail(p("unit"), fate, ending.successors.count > 1
                         ? Text("ghi cho đơn vị kế thừa có địa bàn nơi sự việc xảy ra: \(list)", "record it under the successor whose area it happened in: \(list)")
                         : Text("ghi cho đơn vị kế thừa \(list)", "record it under the successor \(list)"))
            }
        }
        switch f.type {
        case .unitRegistered:
            if let parent = data.text(UnitRegistered.parent) { try checkParent(parent, of: unit, on: f.occurred, field: d("parent")) }
        case .unitChanged:
            if let parent = data.text(UnitChanged.parent) { try checkParent(parent, of: unit, on: f.occurred, field: d("parent")) }
        case .unitMerged:
            let into = data.text(UnitMerged.into) ?? ""
            if into == unit { try fail(d("into"), Text("đơn vị không thể nhập vào chính nó", "a unit cannot merge into itself"),
                                                Text("ghi mã đơn vị kế thừa vào --into", "give the successor's code as into")) }
            guard let iv = ledger.units.view(into, on: f.occurred) else {
                try fail(d("into"), Text("\(into) chưa được đăng ký vào ngày \(f.occurred.formatted(vietnamese: true))", "\(into) is not a registered unit on \(f.occurred.iso)"), Text("đăng ký đơn vị kế thừa trước", "register the successor first"))
            }
            if let m = iv.mergedInto { try fail(d("into"), Text("\(into) cũng đã được sáp nhập", "\(into) is itself merged away"), Text("ghi đơn vị \(m)", "give the unit it was merged into, \(m)")) }
            if ledger.units.view(unit)?.mergedInto != nil { try fail(p("unit"), Text("\(unit) đã được sáp nhập", "\(unit) is already merged")) }
            try checkNothingRecordedAfterTheEnd(of: unit, on: f.occurred, field: p("occurred"))
        case .unitSplit, .unitAbolished:
            try checkNothingRecordedAfterTheEnd(of: unit, on: f.occurred, field: p("occurred"))
            try checkSuccession(f, field: prefix)
        case .unitContinued:
            try checkSuccession(f, field: prefix)
        case .modelEstablished:
            let model = data.modelID ?? ""
            if let r = ledger.models.record(model) {
                if r.entries.contains(where: { $0.seq != seq && $0.change.type == .modelEstablished }) {
                    try fail(d("model"), Text("mô hình \(model) đã có (ở đơn vị \(r.unit))", "model \(model) already exists (in unit \(r.unit))"), Text("chọn mã khác, hoặc dùng model.changed", "choose a new id, or use model.changed"))
                }
                if let first = r.entries.first(where: { $0.seq != seq }), first.occurred < f.occurred {
                    try fail(p("occurred"), Text("mô hình \(model) có sự kiện ngày \(first.occurred.formatted(vietnamese: true)), trước \(f.occurred.formatted(vietnamese: true))", "model \(model) has an event on \(first.occurred.iso), before \(f.occurred.iso)"))
                }
            }
        case .modelChanged, .modelDissolved:
            let model = data.modelID ?? ""
            guard let r = ledger.models.record(model) else {
                try fail(d("model"), Text("chưa có mô hình \(model)", "model \(model) does not exist"), Text("thành lập trước bằng model.established", "establish it first with model.established"))
            }
            guard r.unit == unit else { try fail(p("unit"), Text("mô hình \(model) thuộc đơn vị \(r.unit), không phải \(unit)", "model \(model) belongs to unit \(r.unit), not \(unit)")) }
            var models = ledger.models
            if r.entries.contains(where: { $0.seq == seq }) { models.remove(f, seq: seq) }
            guard let v = models.view(model, on: f.occurred) else {
                try fail(p("occurred"), Text("mô hình \(model) chưa được thành lập vào ngày \(f.occurred.formatted(vietnamese: true))", "model \(model) was not yet established on \(f.occurred.iso)"),
                         Text("kiểm tra ngày, hoặc ghi model.established trước", "check the day, or record model.established first"))
            }
            guard v.active else { try fail(d("model"), Text("mô hình \(model) đã giải thể trước \(f.occurred.formatted(vietnamese: true))", "model \(model) was dissolved before \(f.occurred.iso)"),
                                              Text("kiểm tra mã mô hình hoặc ngày; mô hình đã giải thể thì thành lập mô hình mới", "check the model id or the day; a dissolved model is re-formed as a new model.established")) }
        case .cameraRemoved:
            let n = data.int(CameraCount.count) ?? 0
            if fast && camerasStayNonNegative(unit, removing: n, on: f.occurred) { break }
            let have = ledger.models.cameraCount(unit, on: f.occurred)
            if n > have { try fail(d("count"), Text("tháo \(n) camera nhưng đơn vị \(unit) chỉ có \(have) ngày \(f.occurred.formatted(vietnamese: true))", "removes \(n) cameras but unit \(unit) has \(have) on \(f.occurred.iso)"),
                                          Text("kiểm tra số lượng, hoặc ghi camera lắp đặt trước", "check the count, or record the installation first")) }
            try checkCamerasNeverNegative(with: f, seq: seq, field: d("count"))
        case .cameraInstalled:
            let n = data.int(CameraCount.count) ?? 0
            if fast && camerasStayNonNegative(unit, removing: -n, on: f.occurred) { break }
            try checkCamerasNeverNegative(with: f, seq: seq, field: d("count"))
        case .figureAsserted:
            try checkAssertion(data, field: prefix)
        case .indicatorRecorded:
            try checkRecord(data, field: prefix, correcting: correcting)
        case .indicatorDefined, .indicatorChanged, .indicatorRetired, .ratioDefined, .vocabularyExtended:
            try checkDeclaration(data, field: prefix)
        default:
            break
        }
    }

    func checkParent(_ parent: String, of unit: String, on day: CivilDate, field: String) throws(EventProblems) {
        func fail(_ problem: Text, _ fix: Text? = nil) throws(EventProblems) -> Never { throw EventProblems(EventCodingError(field: field, problem: problem, fix: fix)) }
        if parent == unit { try fail(Text("đơn vị không thể là cấp trên của chính nó", "a unit cannot be its own parent")) }
        guard let pv = ledger.units.view(parent, on: day) else {
            try fail(Text("\(parent) chưa được đăng ký vào ngày \(day.formatted(vietnamese: true))", "\(parent) is not a registered unit on \(day.iso)"), Text("đăng ký đơn vị cấp trên trước", "register the parent first"))
        }
        if let m = pv.mergedInto { try fail(Text("\(parent) \(pv.name) đã được sáp nhập", "\(parent) \(pv.name) is merged away"), Text("ghi đơn vị kế thừa \(m)", "give its successor, \(m)")) }
        if ledger.units.ancestors(parent, on: day).contains(unit) {
            try fail(Text("\(parent) nằm dưới \(unit): cây đơn vị sẽ có vòng lặp", "\(parent) is below \(unit): the tree would have a cycle"))
        }
    }

    /// A published figure names a figure in force and a value it can have.
    func checkAssertion(_ data: EventData, field: String) throws(EventProblems) {
        let p = field.isEmpty ? "data" : "\(field).data"
        let name = data.text(FigureAsserted.metric) ?? ""
        let figures = ledger.figures
        guard let def = figures[name] else {
            let close = figures.names.min { editDistance($0, name) < editDistance($1, name) }
            throw EventProblems(EventCodingError(field: "\(p).metric", problem: Text("\"\(name)\" không phải tên chỉ tiêu", "\"\(name)\" is not a figure name")
                                                    + (close.map { Text("; có phải ý là \($0)?", "; did you mean \($0)?") } ?? Text("", "")),
                                                 fix: Text("'antq figures' liệt kê các chỉ tiêu", "'antq figures' lists them")))
        }
        if let v = data.decimal(FigureAsserted.value), !v.fits(decimals: def.decimals) {
            throw EventProblems(EventCodingError(field: "\(p).value", problem: Text("{field} có quá \(def.decimals) chữ số thập phân", "{field} has more than \(def.decimals) decimals")))
        }
        if let text = data.text(FigureAsserted.period) { try checkAssertedPeriod(text, year: data.int(FigureAsserted.year), field: p) }
    }

    /// An announced figure's `period` is one the period parser reads (aligned
    /// with the log's `period_start`; `today` is the day it is recorded, as
    /// `verify` reads it), and `year` is the reporting year that period ends
    /// in, so a half-year figure cannot pass for the year's.
    func checkAssertedPeriod(_ text: String, year: Int64?, field p: String) throws(EventProblems) {
        let start = ledger.log?.periodStart ?? .january1
        let period: Period
        do { period = try PeriodParser.parse(text, periodStart: start, today: today) } catch {
            throw EventProblems(EventCodingError(field: "\(p).period", problem: Text(error.reason(true), error.reason(false)),
                                                 fix: Text(PeriodParser.forms(vietnamese: true), PeriodParser.forms(vietnamese: false))))
        }
        let ends = Period.reportingYear(of: period.lastDay, start: start)
        if let year, Int(year) != ends {
            throw EventProblems(EventCodingError(field: "\(p).year",
                problem: Text("năm báo cáo \(year) không khớp kỳ \(period.label) (\(period.header(vietnamese: true))), kỳ này kết thúc trong năm báo cáo \(ends)",
                              "reporting year \(year) does not match period \(period.label) (\(period.header(vietnamese: false))), which ends in reporting year \(ends)"),
                fix: Text("ghi year \(ends), hoặc sửa kỳ báo cáo", "give year \(ends), or correct the period")))
        }
    }
}

extension Validator {
    /// A camera count is a running sum over days: a removal (or a lowered
    /// installation) must leave it non-negative on every later day too.
    func checkCamerasNeverNegative(with f: Fact, seq: Int, field: String) throws(EventProblems) {
        guard let unit = f.unit else { return }
        var probe = ledger.models
        probe.add(f, seq: seq)
        if let (day, count) = Validator.firstNegativeCameraDay(unit, probe) {
            throw EventProblems(EventCodingError(field: field, problem: Text("đơn vị \(unit) sẽ có \(count) camera vào ngày \(day.formatted(vietnamese: true))", "unit \(unit) would have \(count) cameras on \(day.iso)"),
                                                 fix: Text("kiểm tra số lượng và ngày", "check the count and the day against the unit's other camera events")))
        }
    }

    static func firstNegativeCameraDay(_ unit: String, _ models: ModelRegistry) -> (CivilDate, Int64)? {
        var running: Int64 = 0
        for (day, n) in (models.cameras[unit] ?? [:]).sorted(by: { $0.key < $1.key }) {
            running += n
            if running < 0 { return (CivilDate(dayNumber: Int(day)), running) }
        }
        return nil
    }
}
