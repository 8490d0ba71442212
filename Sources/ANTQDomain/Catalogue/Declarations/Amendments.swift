import TextFormats
/// `event.corrected`: what an earlier event should have said. antq fills in
/// `was` (the target's effective fact) so projections never look back.
public enum EventCorrected {
    public static let target = FieldRef(0, "target")
    public static let reason = FieldRef(1, "reason")
    public static let occurred = FieldRef(2, "occurred")
    public static let unit = FieldRef(3, "unit")
    public static let data = FieldRef(4, "data")
    public static let was = FieldRef(5, "was")

    static let spec = EventSpec(
        .eventCorrected, label: Text("Đính chính", "Correction"),
        help: Text("Sửa một sự kiện đã ghi: chỉ cần ghi điều sai, phần còn lại giữ nguyên. Dùng 'antq correct SEQ'.",
                   "Corrects an earlier event: give only what was wrong, the rest stays. Use 'antq correct SEQ'."),
        unit: .amended,
        fields: [
            FieldSpec(target, .seq, .required, label: Text("số thứ tự sự kiện được sửa", "seq of the event corrected")),
            FieldSpec(reason, .text(maxLength: 1000), .required, label: Text("lý do", "reason")),
            FieldSpec(occurred, .day, .required, label: Text("ngày xảy ra đúng", "day it occurred")),
            FieldSpec(unit, .unitCode, .optional, label: Text("đơn vị đúng", "unit")),
            FieldSpec(data, .replacementData, .required, label: Text("nội dung đúng", "data")),
            FieldSpec(was, .fact, .required, label: Text("nội dung trước khi sửa (antq ghi)", "what it said before (written by antq)")),
        ])
}

/// `event.retracted`: an earlier event should not have been recorded.
public enum EventRetracted {
    public static let target = FieldRef(0, "target")
    public static let reason = FieldRef(1, "reason")
    public static let was = FieldRef(2, "was")

    static let spec = EventSpec(
        .eventRetracted, label: Text("Hủy bỏ", "Retraction"),
        help: Text("Hủy một sự kiện ghi nhầm; sự kiện vẫn còn trong sổ nhưng không còn được tính. Dùng 'antq retract SEQ'.",
                   "Retracts an event recorded by mistake; it stays in the log but no longer counts. Use 'antq retract SEQ'."),
        unit: .amended,
        fields: [
            FieldSpec(target, .seq, .required, label: Text("số thứ tự sự kiện bị hủy", "seq of the event retracted")),
            FieldSpec(reason, .text(maxLength: 1000), .required, label: Text("lý do", "reason")),
            FieldSpec(was, .fact, .required, label: Text("nội dung bị hủy (antq ghi)", "what it said (written by antq)")),
        ])
}

/// `figure.asserted`: a figure as it was announced, checked by `verify`
/// against the log as of the assertion's own `recorded` instant.
public enum FigureAsserted {
    public static let metric = FieldRef(0, "metric")
    public static let year = FieldRef(1, "year")
    public static let value = FieldRef(2, "value")
    public static let note = FieldRef(3, "note")
    public static let period = FieldRef(4, "period")

    static let spec = EventSpec(
        .figureAsserted, label: Text("Số liệu đã công bố", "Figure announced"),
        help: Text("Một số liệu đã công bố (báo cáo, hội nghị); 'antq verify' kiểm tra nó với sổ tại thời điểm ghi.",
                   "A figure as announced (a report, a conference); 'antq verify' checks it against the log as of when it was recorded."),
        fields: [
            FieldSpec(metric, .figureName, .required, label: Text("chỉ tiêu", "figure"), columns: ["Chỉ tiêu", "Mã chỉ tiêu"]),
            FieldSpec(year, .count(1945...9999), .required, label: Text("năm báo cáo", "reporting year"), columns: ["Năm"]),
            FieldSpec(value, .amount, .required, label: Text("số liệu công bố", "value"), columns: ["Số liệu", "Số liệu công bố"]),
            FieldSpec(note, .text(maxLength: 1000), .optional, label: Text("ghi chú", "note"), columns: ["Ghi chú"]),
            FieldSpec(period, .period, .optional, label: Text("kỳ báo cáo", "period"),
                      help: Text("kỳ của số liệu (2018-H1, 2018-01..2018-08); mặc định là cả năm báo cáo",
                                 "the period of the figure (2018-H1, 2018-01..2018-08); the whole reporting year by default"),
                      columns: ["Kỳ báo cáo", "Kỳ"]),
        ],
        example: ["--unit", "74", "--occurred", "2019-03-28", "--metric", "arrests", "--year", "2018", "--value", "3630",
                  "--note", "Hội nghị tổng kết năm 2018"])
}

extension FigureAsserted {
    /// The period an announced figure is for: its `period`, read by the one
    /// parser as of the day it was recorded (`today` in `2018-01-01..today`),
    /// else the reporting year `year`; nil when it names neither.
    public static func period(of d: EventData, periodStart: MonthDay, recordedOn day: CivilDate) throws(PeriodError) -> Period? {
        if let text = d.text(period) { return try PeriodParser.parse(text, periodStart: periodStart, today: day) }
        return d.int(year).map { Period(year: Int($0), start: periodStart) }
    }
}
