import ANTQDomain
import TextFormats

/// The layout of a Vietnamese administrative document (Nghị định
/// 30/2020/NĐ-CP): the issuing body and document number on the left and the
/// national motto on the right, the place and date line, the title, the
/// body, then recipients on the left and the signature block on the right;
/// page numbers when printed; the fingerprint and the command that checks it
/// in a footnote.
public struct OfficialDocument: Sendable {
    /// The issuing body, e.g. "CÔNG AN TỈNH BÌNH DƯƠNG" (default: from the unit).
    public var issuer: String?
    /// The body above the issuer, e.g. "BỘ CÔNG AN" (optional).
    public var superior: String?
    public var number: String?
    /// The place in the place and date line (default: the report's top unit).
    public var place: String?
    public var date: CivilDate
    public var signer: String?
    public var signerTitle: String?
    public var recipients: [String]

    public init(issuer: String? = nil, superior: String? = nil, number: String? = nil, place: String? = nil, date: CivilDate,
                signer: String? = nil, signerTitle: String? = nil, recipients: [String] = []) {
        self.issuer = issuer; self.superior = superior; self.number = number; self.place = place; self.date = date
        self.signer = signer; self.signerTitle = signerTitle; self.recipients = recipients
    }

    /// "CÔNG AN TỈNH BÌNH DƯƠNG": the police of the report's top unit.
    static func defaultIssuer(kind: String, name: String, _ lang: Language) -> String {
        let kindLabel = Vocabulary.builtIn[.unitKind]?.term(code: kind)?.label.text(vietnamese: lang.isVietnamese) ?? kind
        guard lang.isVietnamese else {
            // A name that says its kind ("Phường 2") is not followed by it again.
            let viLabel = Vocabulary.builtIn[.unitKind]?.term(code: kind)?.label.vi ?? kind
            return (UnitRegistry.kindAndName(viLabel, name) == name ? "\(name) police" : "\(name) \(kindLabel) police").uppercased()
        }
        return "Công an \(UnitRegistry.kindAndName(kindLabel, name))".uppercased()
    }

    /// The place as the decree writes it: the unit's name, but in full
    /// ("Thành phố Hồ Chí Minh", "Quận 1", "Phường 15") for a unit named
    /// after a person or by a number, where the bare name would not say
    /// what it is. Hồ Chí Minh is the one such name among provinces and
    /// centrally-run cities; a numbered unit is told by its leading digit.
    static func placeName(kind: String, name: String, _ lang: Language) -> String {
        guard name.first?.isNumber == true || name == "Hồ Chí Minh" else { return name }
        let label = Vocabulary.builtIn[.unitKind]?.term(code: kind)?.label.text(vietnamese: lang.isVietnamese) ?? kind
        let capitalised = label.prefix(1).uppercased() + label.dropFirst()
        return lang.isVietnamese || name.first?.isNumber == true ? capitalised + " " + name : name + " " + capitalised
    }

    /// "Bình Dương, ngày 28 tháng 3 năm 2019": the decree writes a day below 10
    /// and the months 1 and 2 with a leading zero ("ngày 05 tháng 02").
    static func placeAndDate(_ place: String, _ d: CivilDate, _ lang: Language) -> String {
        lang.isVietnamese ? "\(place), ngày \(d.day < 10 ? "0" : "")\(d.day) tháng \(d.month < 3 ? "0" : "")\(d.month) năm \(d.year)"
                          : "\(place), \(lang.date(d))"
    }

    func header(title: String, kind: String, unitName: String, _ lang: Language) -> String {
        let issuer = self.issuer ?? Self.defaultIssuer(kind: kind, name: unitName, lang)
        var left = ""
        if let s = superior { left += "<div class=\"superior\">\(escapeHTML(s.uppercased()))</div>" }
        left += "<div class=\"issuer\">\(escapeHTML(issuer))</div><div class=\"rule\"></div>"
        left += "<div class=\"number\">\(escapeHTML(lang.t("No.: ", "Số: ") + (number ?? "      /BC")))</div>"
        let right = "<div class=\"nation\">\(escapeHTML(lang.t("SOCIALIST REPUBLIC OF VIETNAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")))</div>"
            + "<div class=\"motto\">\(escapeHTML(lang.t("Independence - Freedom - Happiness", "Độc lập - Tự do - Hạnh phúc")))</div><div class=\"rule\"></div>"
            + "<div class=\"placedate\">\(escapeHTML(Self.placeAndDate(place ?? Self.placeName(kind: kind, name: unitName, lang), date, lang)))</div>"
        return "<div class=\"official-head\"><div class=\"left\">\(left)</div><div class=\"right\">\(right)</div></div>"
            + "<div class=\"official-title\"><div class=\"doc-kind\">\(escapeHTML(lang.t("REPORT", "BÁO CÁO")))</div><div class=\"doc-subject\">\(escapeHTML(title))</div></div>"
    }

    /// The head who signs for the police of the report's unit: the Director
    /// (Giám đốc) of a province's or a centrally-run city's police, the Chief
    /// (Trưởng Công an) of a district's, a ward's or a commune's.
    static func defaultSignerTitle(topLevel: Bool, _ lang: Language) -> String {
        topLevel ? lang.t("Director", "Giám đốc") : lang.t("Chief of police", "Trưởng Công an")
    }

    /// - Parameter topLevel: the report's unit has no parent (its police has a Director).
    func footer(fingerprint: String, topLevel: Bool, _ lang: Language) -> String {
        let list = recipients.isEmpty ? [lang.t("As above;", "Như trên;"), lang.t("Archive: Records.", "Lưu: VT.")] : recipients
        let recipientsHTML = "<div class=\"recipients\"><div class=\"label\">\(escapeHTML(lang.t("Recipients:", "Nơi nhận:")))</div><ul>"
            + list.map { "<li>- \(escapeHTML($0))</li>" }.joined() + "</ul></div>"
        let sign = "<div class=\"signature\"><div class=\"signer-title\">\(escapeHTML((signerTitle ?? Self.defaultSignerTitle(topLevel: topLevel, lang)).uppercased()))</div>"
            + "<div class=\"sign-space\"></div><div class=\"signer\">\(escapeHTML(signer ?? ""))</div></div>"
        let note = lang.t("The figures of this report come from the log whose fingerprint is \(fingerprint); anyone can check that the log still holds them with: antq verify --fingerprint \(fingerprint)",
                          "Số liệu trong báo cáo lấy từ sổ có dấu vân tay \(fingerprint); có thể kiểm tra sổ vẫn giữ nguyên các số liệu này bằng lệnh: antq verify --fingerprint \(fingerprint)")
        return "<div class=\"official-foot\">\(recipientsHTML)\(sign)</div><p class=\"footnote\">* \(escapeHTML(note))</p>"
    }

    static let css = """
    body.official { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; }
    .official-head { display: grid; grid-template-columns: 2fr 3fr; gap: 1rem; text-align: center; margin-bottom: 1rem; }
    .official-head .superior { font-weight: 400; }
    .official-head .issuer, .official-head .nation { font-weight: 700; }
    .official-head .motto { font-weight: 700; }
    .official-head .rule { width: 40%; margin: .15rem auto .4rem; border-top: 1.5px solid #111; }
    .official-head .placedate { font-style: italic; text-align: right; margin-top: .6rem; }
    .official-title { text-align: center; margin: 1rem 0; }
    .official-title .doc-kind { font-weight: 700; font-size: 1.3rem; }
    .official-title .doc-subject { font-weight: 700; }
    .official-foot { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin-top: 2rem; break-inside: avoid; page-break-inside: avoid; }
    .recipients .label { font-weight: 700; font-style: italic; }
    .recipients ul { list-style: none; padding: 0; margin: .2rem 0; font-size: .8rem; }
    .signature { text-align: center; }
    .signature .signer-title { font-weight: 700; }
    .signature .sign-space { height: 5rem; }
    .signature .signer { font-weight: 700; }
    .footnote { font-size: .75rem; margin-top: 1.5rem; border-top: 1px solid #111; padding-top: .3rem; }
    @page { @bottom-center { content: counter(page); } }
    @media print { body.official .official-title { margin-top: 0; } }

    """
}
