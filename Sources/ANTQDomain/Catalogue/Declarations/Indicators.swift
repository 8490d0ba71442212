/// `indicator.defined`: a province declares a figure of its own, as data in
/// its own log (kg of drugs seized, wanted persons caught, areas certified safe).
public enum IndicatorDefined {
    public static let indicator = FieldRef(0, "indicator")
    public static let label = FieldRef(1, "label")
    public static let measure = FieldRef(2, "measure")
    public static let unitOfMeasure = FieldRef(3, "unit_of_measure")
    public static let decimals = FieldRef(4, "decimals")
    public static let aggregate = FieldRef(5, "aggregate")
    public static let dimensions = FieldRef(6, "dimensions")
    public static let description = FieldRef(7, "description")

    static let spec = EventSpec(
        .indicatorDefined, label: Text("Khai báo chỉ tiêu", "Indicator defined"),
        help: Text("Khai báo một chỉ tiêu riêng của địa phương: đếm hay định lượng (đơn vị tính, số chữ số thập phân), cộng dồn theo kỳ (flow) hay số liệu hiện có (level), và tối đa hai chiều phân loại.",
                   "Declares a figure of the province's own: a count or a quantity (unit of measure, decimals), summed over a period (flow) or each unit's latest value (level), with up to two dimensions."),
        fields: [
            FieldSpec(indicator, .identifier, .required, label: Text("mã chỉ tiêu", "indicator name"),
                      help: Text("chữ thường, số, '_' và '.', ví dụ drugs.seized", "lowercase, digits, '_' and '.', e.g. drugs.seized")),
            FieldSpec(label, .label, .required, label: Text("tên chỉ tiêu", "label"), help: Text("{\"vi\": …, \"en\": …}; vi bắt buộc", "{\"vi\": …, \"en\": …}; vi required")),
            FieldSpec(measure, .word(["count", "quantity"]), .required, label: Text("đếm hay định lượng", "measure")),
            FieldSpec(unitOfMeasure, .text(maxLength: 40), .optional, label: Text("đơn vị tính", "unit of measure"),
                      help: Text("bắt buộc với định lượng: kg, đồng, m, viên …", "required for a quantity: kg, đồng, m, viên …")),
            FieldSpec(decimals, .count(0...6), .optional, label: Text("số chữ số thập phân", "decimals")),
            FieldSpec(aggregate, .word(["flow", "level"]), .required, label: Text("cách tổng hợp", "aggregate"),
                      help: Text("flow: cộng theo kỳ theo ngày xảy ra; level: số liệu mới nhất của từng đơn vị tại ngày cuối kỳ",
                                 "flow: summed over a period by the day it occurred; level: each unit's latest value on the period's last day")),
            FieldSpec(dimensions, .dimensions, .optional, label: Text("chiều phân loại", "dimensions")),
            FieldSpec(description, .text(maxLength: 2000), .optional, label: Text("mô tả", "description")),
        ])
}

/// `indicator.recorded`: a value of a declared indicator in a unit.
public enum IndicatorRecorded {
    public static let indicator = FieldRef(0, "indicator")
    public static let value = FieldRef(1, "value")
    public static let note = FieldRef(2, "note")
    public static let caseRef = FieldRef(3, "case")

    static let spec = EventSpec(
        .indicatorRecorded, label: Text("Ghi số liệu chỉ tiêu", "Indicator recorded"),
        help: Text("Một số liệu của chỉ tiêu đã khai báo, kèm giá trị cho từng chiều phân loại của chỉ tiêu (--TÊN-CHIỀU GIÁ-TRỊ). Các chỉ tiêu sổ đã khai báo, giá trị phân loại và đơn vị đo: antq figures.",
                   "A value of a declared indicator, with a value for each of its dimensions (--DIMENSION VALUE). The log's declared indicators, their dimension values and units: antq figures."),
        fields: [
            FieldSpec(indicator, .identifier, .required, label: Text("mã chỉ tiêu", "indicator"), columns: ["Chỉ tiêu", "Mã chỉ tiêu"]),
            FieldSpec(value, .quantity, .required, label: Text("số liệu", "value"),
                      columns: ["Số liệu", "Số lượng", "Giá trị", "Khối lượng", "Số tiền"]),
            FieldSpec(note, .text(maxLength: 1000), .optional, label: Text("ghi chú", "note"), columns: ["Ghi chú"]),
            FieldSpec(caseRef, .text(maxLength: 100), .optional, label: Text("số hồ sơ vụ án", "case reference"), columns: ["Vụ án", "Số hồ sơ"]),
        ],
        example: ["--unit", "25747", "--occurred", "2024-03-02", "--indicator", "drugs.seized", "--value", "1,4", "--substance", "heroin"],
        declaredFields: true)
}

/// `indicator.changed`: a declared indicator's labels, description or
/// dimension values change (its measure and aggregate only while nothing is recorded).
public enum IndicatorChanged {
    public static let indicator = FieldRef(0, "indicator")
    public static let label = FieldRef(1, "label")
    public static let measure = FieldRef(2, "measure")
    public static let unitOfMeasure = FieldRef(3, "unit_of_measure")
    public static let decimals = FieldRef(4, "decimals")
    public static let aggregate = FieldRef(5, "aggregate")
    public static let dimensions = FieldRef(6, "dimensions")
    public static let description = FieldRef(7, "description")

    static let spec = EventSpec(
        .indicatorChanged, label: Text("Thay đổi chỉ tiêu", "Indicator changed"),
        help: Text("Đổi tên, mô tả hoặc thêm giá trị cho chiều phân loại của chỉ tiêu; không đổi cách đo khi đã có số liệu.",
                   "Changes an indicator's labels or description or adds dimension values; its measure cannot change once anything is recorded."),
        fields: [
            FieldSpec(indicator, .identifier, .required, label: Text("mã chỉ tiêu", "indicator")),
            FieldSpec(label, .label, .optional, label: Text("tên chỉ tiêu", "label")),
            FieldSpec(measure, .word(["count", "quantity"]), .optional, label: Text("đếm hay định lượng", "measure")),
            FieldSpec(unitOfMeasure, .text(maxLength: 40), .optional, label: Text("đơn vị tính", "unit of measure")),
            FieldSpec(decimals, .count(0...6), .optional, label: Text("số chữ số thập phân", "decimals")),
            FieldSpec(aggregate, .word(["flow", "level"]), .optional, label: Text("cách tổng hợp", "aggregate")),
            FieldSpec(dimensions, .dimensions, .optional, label: Text("chiều phân loại", "dimensions"),
                      help: Text("các chiều với giá trị mới (giá trị cũ giữ nguyên)", "the dimensions with new values (existing values stay)")),
            FieldSpec(description, .text(maxLength: 2000), .optional, label: Text("mô tả", "description")),
        ],
        atLeastOne: [label, measure, unitOfMeasure, decimals, aggregate, dimensions, description])
}

/// `indicator.retired`: no new records; its history stays reportable.
public enum IndicatorRetired {
    public static let indicator = FieldRef(0, "indicator")
    public static let reason = FieldRef(1, "reason")

    static let spec = EventSpec(
        .indicatorRetired, label: Text("Ngừng chỉ tiêu", "Indicator retired"),
        help: Text("Không ghi thêm số liệu cho chỉ tiêu; số liệu đã ghi vẫn được báo cáo.", "No new records; what was recorded stays reportable."),
        fields: [
            FieldSpec(indicator, .identifier, .required, label: Text("mã chỉ tiêu", "indicator")),
            FieldSpec(reason, .text(maxLength: 1000), .optional, label: Text("lý do", "reason")),
        ])
}

/// `ratio.defined`: a figure computed from two others (a clearance rate).
public enum RatioDefined {
    public static let indicator = FieldRef(0, "indicator")
    public static let label = FieldRef(1, "label")
    public static let numerator = FieldRef(2, "numerator")
    public static let denominator = FieldRef(3, "denominator")
    public static let percent = FieldRef(4, "percent")

    static let spec = EventSpec(
        .ratioDefined, label: Text("Khai báo tỷ lệ", "Ratio defined"),
        help: Text("Một tỷ lệ tính từ hai chỉ tiêu đã tổng hợp (không lấy trung bình các tỷ lệ), hai chữ số thập phân; không có giá trị khi mẫu số bằng 0.",
                   "A ratio of two rolled-up figures (never an average of ratios), with two decimals; no value when the denominator is 0."),
        fields: [
            FieldSpec(indicator, .identifier, .required, label: Text("mã tỷ lệ", "ratio name")),
            FieldSpec(label, .label, .required, label: Text("tên tỷ lệ", "label")),
            FieldSpec(numerator, .figureName, .required, label: Text("tử số", "numerator")),
            FieldSpec(denominator, .figureName, .required, label: Text("mẫu số", "denominator")),
            FieldSpec(percent, .bool, .required, label: Text("tính theo phần trăm", "as a percentage")),
        ])
}

/// `vocabulary.extended`: a value the province adds to one of the
/// catalogue's lists (a model kind, a weapon kind, an award issuer …).
public enum VocabularyExtended {
    public static let field = FieldRef(0, "field")
    public static let value = FieldRef(1, "value")
    public static let label = FieldRef(2, "label")

    static let spec = EventSpec(
        .vocabularyExtended, label: Text("Bổ sung danh mục", "Vocabulary extended"),
        help: Text("Thêm một giá trị vào danh mục (model.kind, weapon.kind, award.issuer, award.form, tip.channel, case.category); từ đó giá trị được chấp nhận và có chỉ tiêu riêng.",
                   "Adds a value to a list (model.kind, weapon.kind, award.issuer, award.form, tip.channel, case.category); from then on it is accepted and has figures of its own."),
        fields: [
            FieldSpec(field, .vocabularyName, .required, label: Text("danh mục", "list")),
            FieldSpec(value, .identifier, .required, label: Text("mã giá trị", "value code")),
            FieldSpec(label, .label, .required, label: Text("tên", "label")),
        ])
}
