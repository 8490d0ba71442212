/// Why a period was refused. The CLI prints `message(vietnamese:)` and
/// exits 64; the message names what was wrong and then lists every form
/// antq accepts, so a clerk can correct the command without the manual.
public enum PeriodError: Error, Sendable, Hashable {
    /// The kinds of period, named in `mixedRange`.
    public enum KindName: Sendable, Hashable {
        case year, half, quarter, month, day

        func name(_ vi: Bool) -> String {
            switch self {
            case .year: return vi ? "năm" : "a year"
            case .half: return vi ? "nửa năm" : "a half-year"
            case .quarter: return vi ? "quý" : "a quarter"
            case .month: return vi ? "tháng" : "a month"
            case .day: return vi ? "ngày" : "a day"
            }
        }
    }

    /// Nothing but spaces.
    case empty
    /// None of the forms.
    case unrecognized(String)
    /// `2018-H3`.
    case invalidHalf(String)
    /// `2018-Q5`.
    case invalidQuarter(String)
    /// `2018-13`, `2018-00`.
    case invalidMonth(String)
    /// `2018-02-30`.
    case invalidDate(String)
    /// A year outside `Period.supportedYears`.
    case yearOutOfRange(String)
    /// `previous()` or `samePeriodOneYearEarlier()` of this period would
    /// start before year 1000.
    case earlierPeriodOutOfRange(String)
    /// `2018..`, `..2018`: a range needs both ends.
    case missingRangeEnd(String)
    /// `2018-01..2018-Q3`: the ends are of different kinds.
    case mixedRange(String, first: KindName, last: KindName)
    /// `2018-08..2018-01`: the last end is before the first, so the range
    /// would hold nothing.
    case reversedRange(String)
    /// `2018-05-31` or `today` alone: a day is taken only as a range end.
    case singleDay(String)

    /// What was wrong, then the accepted forms, in Vietnamese or English.
    public func message(vietnamese vi: Bool) -> String {
        reason(vi) + "\n" + PeriodParser.forms(vietnamese: vi)
    }

    /// The first line of `message`: what was wrong with the text given.
    public func reason(_ vi: Bool) -> String {
        switch self {
        case .empty:
            return vi ? "Chưa ghi kỳ báo cáo." : "No period given."
        case let .unrecognized(t):
            return vi ? "Không hiểu kỳ báo cáo “\(t)”." : "Not a period: “\(t)”."
        case let .invalidHalf(t):
            return vi ? "“\(t)”: nửa năm chỉ có H1 (6 tháng đầu năm) và H2 (6 tháng cuối năm)."
                      : "“\(t)”: a half-year is H1 (first half) or H2 (second half)."
        case let .invalidQuarter(t):
            return vi ? "“\(t)”: quý chỉ từ Q1 đến Q4." : "“\(t)”: quarters are Q1 to Q4."
        case let .invalidMonth(t):
            return vi ? "“\(t)”: tháng viết hai chữ số, từ 01 đến 12." : "“\(t)”: a month is two digits, 01 to 12."
        case let .invalidDate(t):
            return vi ? "“\(t)”: không có ngày này (ngày viết YYYY-MM-DD)." : "“\(t)”: no such day (days are written YYYY-MM-DD)."
        case let .yearOutOfRange(t):
            let years = "\(Period.supportedYears.lowerBound)–\(Period.supportedYears.upperBound)"
            return vi ? "“\(t)”: năm phải trong khoảng \(years)." : "“\(t)”: years must be within \(years)."
        case let .earlierPeriodOutOfRange(t):
            let first = Period.supportedYears.lowerBound
            return vi ? "“\(t)”: kỳ để so sánh (kỳ trước hoặc cùng kỳ năm trước) bắt đầu trước năm \(first), antq không tính."
                      : "“\(t)”: the period to compare with (the previous one, or the same one a year earlier) starts before \(first), which antq does not take."
        case let .missingRangeEnd(t):
            return vi ? "“\(t)”: khoảng phải có đủ hai đầu, nối bằng “..”." : "“\(t)”: a range needs both ends, joined by “..”."
        case let .mixedRange(t, a, b):
            return vi ? "“\(t)”: hai đầu của khoảng phải cùng loại; ở đây đầu trước là \(a.name(true)), đầu sau là \(b.name(true))."
                      : "“\(t)”: both ends of a range must be of one kind; here the first is \(a.name(false)) and the last is \(b.name(false))."
        case let .reversedRange(t):
            return vi ? "“\(t)”: đầu sau đứng trước đầu trước, khoảng không có ngày nào."
                      : "“\(t)”: the last end comes before the first, so the range holds no day."
        case let .singleDay(t):
            return vi ? "“\(t)”: một ngày phải viết thành khoảng ngày, ví dụ \(t)..\(t)."
                      : "“\(t)”: a single day is written as a day range, e.g. \(t)..\(t)."
        }
    }
}

extension PeriodParser {
    /// Every accepted form with an example, for `--help` and for errors.
    public static func forms(vietnamese vi: Bool) -> String {
        vi ? """
        Kỳ báo cáo viết theo một trong các cách:
          2018                      năm báo cáo 2018
          2018-H1, 2018-H2          6 tháng đầu năm, 6 tháng cuối năm
          2018-Q1 … 2018-Q4         quý I … quý IV
          2018-05                   tháng 5 (01 … 12)
          2018-01..2018-08          từ tháng đến tháng (8 tháng đầu năm)
          2013..2022                giai đoạn nhiều năm
          2018-Q1..2018-Q3          từ quý đến quý (cũng được: 2017-H2..2018-H1)
          2018-01-01..2018-05-31    từ ngày đến ngày (YYYY-MM-DD, tính đúng từng ngày)
          2018-01-01..today         từ ngày đến hôm nay
        Hai đầu của khoảng phải cùng loại. Tháng, quý và nửa năm tính từ ngày \
        bắt đầu kỳ báo cáo của sổ (period_start): với 12-15, tháng 5 năm 2018 \
        là 15/04/2018 – 14/05/2018, năm 2018 là 15/12/2017 – 14/12/2018.
        """ : """
        A period is written in one of these forms:
          2018                      reporting year 2018
          2018-H1, 2018-H2          first half, second half of the year
          2018-Q1 … 2018-Q4         a quarter
          2018-05                   a month (01 … 12)
          2018-01..2018-08          a range of months (January–August)
          2013..2022                a range of years
          2018-Q1..2018-Q3          a range of quarters (also halves: 2017-H2..2018-H1)
          2018-01-01..2018-05-31    a range of days (YYYY-MM-DD, taken literally)
          2018-01-01..today         from a day to today
        Both ends of a range are of one kind. Months, quarters and halves run \
        from the log's period_start: with 12-15, 2018-05 is 2018-04-15 – \
        2018-05-14 and 2018 is 2017-12-15 – 2018-12-14.
        """
    }
}
