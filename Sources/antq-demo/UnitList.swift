import ANTQDomain

/// One administrative unit of the bundled log, as it stood from 11-07-2018
/// to 31-01-2020 (`../shared/domain/units-binh-duong-2018.csv`: GSO names,
/// codes and kinds).
struct DemoUnit: Sendable {
    var code: String
    var name: String
    /// The kind in the 2018 list; `UnitChanges` gives the kinds before and after.
    var kind: UnitKind
    var parent: String?
}

/// Bình Dương: the province (74), its 9 district-level units (718–726) and
/// 91 communes (25741–25990). Kept in the source, not read from
/// `../shared` at run time, so a clean clone regenerates the same log.
enum UnitList {
    static let province = DemoUnit(code: "74", name: "Bình Dương", kind: .province, parent: nil)

    /// District-level units in the order of the GSO list.
    static let districts: [DemoUnit] = [
        DemoUnit(code: "718", name: "Thủ Dầu Một", kind: .city, parent: "74"),
        DemoUnit(code: "719", name: "Bàu Bàng", kind: .district, parent: "74"),
        DemoUnit(code: "720", name: "Dầu Tiếng", kind: .district, parent: "74"),
        DemoUnit(code: "721", name: "Bến Cát", kind: .town, parent: "74"),
        DemoUnit(code: "722", name: "Phú Giáo", kind: .district, parent: "74"),
        DemoUnit(code: "723", name: "Tân Uyên", kind: .town, parent: "74"),
        DemoUnit(code: "724", name: "Dĩ An", kind: .town, parent: "74"),
        DemoUnit(code: "725", name: "Thuận An", kind: .town, parent: "74"),
        DemoUnit(code: "726", name: "Bắc Tân Uyên", kind: .district, parent: "74"),
    ]

    /// Commune-level units (phường, xã, thị trấn) in the order of the GSO list.
    static let communes: [DemoUnit] = [
        DemoUnit(code: "25741", name: "Hiệp Thành", kind: .ward, parent: "718"),
        DemoUnit(code: "25744", name: "Phú Lợi", kind: .ward, parent: "718"),
        DemoUnit(code: "25747", name: "Phú Cường", kind: .ward, parent: "718"),
        DemoUnit(code: "25750", name: "Phú Hòa", kind: .ward, parent: "718"),
        DemoUnit(code: "25753", name: "Phú Thọ", kind: .ward, parent: "718"),
        DemoUnit(code: "25756", name: "Chánh Nghĩa", kind: .ward, parent: "718"),
        DemoUnit(code: "25759", name: "Định Hòa", kind: .ward, parent: "718"),
        DemoUnit(code: "25760", name: "Hòa Phú", kind: .ward, parent: "718"),
        DemoUnit(code: "25762", name: "Phú Mỹ", kind: .ward, parent: "718"),
        DemoUnit(code: "25763", name: "Phú Tân", kind: .ward, parent: "718"),
        DemoUnit(code: "25765", name: "Tân An", kind: .ward, parent: "718"),
        DemoUnit(code: "25768", name: "Hiệp An", kind: .ward, parent: "718"),
        DemoUnit(code: "25771", name: "Tương Bình Hiệp", kind: .ward, parent: "718"),
        DemoUnit(code: "25774", name: "Chánh Mỹ", kind: .ward, parent: "718"),
        DemoUnit(code: "25816", name: "Trừ Văn Thố", kind: .commune, parent: "719"),
        DemoUnit(code: "25819", name: "Cây Trường II", kind: .commune, parent: "719"),
        DemoUnit(code: "25822", name: "Lai Uyên", kind: .township, parent: "719"),
        DemoUnit(code: "25825", name: "Tân Hưng", kind: .commune, parent: "719"),
        DemoUnit(code: "25828", name: "Long Nguyên", kind: .commune, parent: "719"),
        DemoUnit(code: "25831", name: "Hưng Hòa", kind: .commune, parent: "719"),
        DemoUnit(code: "25834", name: "Lai Hưng", kind: .commune, parent: "719"),
        DemoUnit(code: "25777", name: "Dầu Tiếng", kind: .township, parent: "720"),
        DemoUnit(code: "25780", name: "Minh Hòa", kind: .commune, parent: "720"),
        DemoUnit(code: "25783", name: "Minh Thạnh", kind: .commune, parent: "720"),
        DemoUnit(code: "25786", name: "Minh Tân", kind: .commune, parent: "720"),
        DemoUnit(code: "25789", name: "Định An", kind: .commune, parent: "720"),
        DemoUnit(code: "25792", name: "Long Hòa", kind: .commune, parent: "720"),
        DemoUnit(code: "25795", name: "Định Thành", kind: .commune, parent: "720"),
        DemoUnit(code: "25798", name: "Định Hiệp", kind: .commune, parent: "720"),
        DemoUnit(code: "25801", name: "An Lập", kind: .commune, parent: "720"),
        DemoUnit(code: "25804", name: "Long Tân", kind: .commune, parent: "720"),
        DemoUnit(code: "25807", name: "Thanh An", kind: .commune, parent: "720"),
        DemoUnit(code: "25810", name: "Thanh Tuyền", kind: .commune, parent: "720"),
        DemoUnit(code: "25813", name: "Mỹ Phước", kind: .ward, parent: "721"),
        DemoUnit(code: "25837", name: "Chánh Phú Hòa", kind: .ward, parent: "721"),
        DemoUnit(code: "25840", name: "An Điền", kind: .commune, parent: "721"),
        DemoUnit(code: "25843", name: "An Tây", kind: .commune, parent: "721"),
        DemoUnit(code: "25846", name: "Thới Hòa", kind: .ward, parent: "721"),
        DemoUnit(code: "25849", name: "Hòa Lợi", kind: .ward, parent: "721"),
        DemoUnit(code: "25852", name: "Tân Định", kind: .ward, parent: "721"),
        DemoUnit(code: "25855", name: "Phú An", kind: .commune, parent: "721"),
        DemoUnit(code: "25858", name: "Phước Vĩnh", kind: .township, parent: "722"),
        DemoUnit(code: "25861", name: "An Linh", kind: .commune, parent: "722"),
        DemoUnit(code: "25864", name: "Phước Sang", kind: .commune, parent: "722"),
        DemoUnit(code: "25865", name: "An Thái", kind: .commune, parent: "722"),
        DemoUnit(code: "25867", name: "An Long", kind: .commune, parent: "722"),
        DemoUnit(code: "25870", name: "An Bình", kind: .commune, parent: "722"),
        DemoUnit(code: "25873", name: "Tân Hiệp", kind: .commune, parent: "722"),
        DemoUnit(code: "25876", name: "Tam Lập", kind: .commune, parent: "722"),
        DemoUnit(code: "25879", name: "Tân Long", kind: .commune, parent: "722"),
        DemoUnit(code: "25882", name: "Vĩnh Hòa", kind: .commune, parent: "722"),
        DemoUnit(code: "25885", name: "Phước Hòa", kind: .commune, parent: "722"),
        DemoUnit(code: "25888", name: "Uyên Hưng", kind: .ward, parent: "723"),
        DemoUnit(code: "25891", name: "Tân Phước Khánh", kind: .ward, parent: "723"),
        DemoUnit(code: "25912", name: "Vĩnh Tân", kind: .commune, parent: "723"),
        DemoUnit(code: "25915", name: "Hội Nghĩa", kind: .commune, parent: "723"),
        DemoUnit(code: "25920", name: "Tân Hiệp", kind: .ward, parent: "723"),
        DemoUnit(code: "25921", name: "Khánh Bình", kind: .ward, parent: "723"),
        DemoUnit(code: "25924", name: "Phú Chánh", kind: .commune, parent: "723"),
        DemoUnit(code: "25930", name: "Bạch Đằng", kind: .commune, parent: "723"),
        DemoUnit(code: "25933", name: "Tân Vĩnh Hiệp", kind: .commune, parent: "723"),
        DemoUnit(code: "25936", name: "Thạnh Phước", kind: .ward, parent: "723"),
        DemoUnit(code: "25937", name: "Thạnh Hội", kind: .commune, parent: "723"),
        DemoUnit(code: "25939", name: "Thái Hòa", kind: .ward, parent: "723"),
        DemoUnit(code: "25942", name: "Dĩ An", kind: .ward, parent: "724"),
        DemoUnit(code: "25945", name: "Tân Bình", kind: .ward, parent: "724"),
        DemoUnit(code: "25948", name: "Tân Đông Hiệp", kind: .ward, parent: "724"),
        DemoUnit(code: "25951", name: "Bình An", kind: .ward, parent: "724"),
        DemoUnit(code: "25954", name: "Bình Thắng", kind: .ward, parent: "724"),
        DemoUnit(code: "25957", name: "Đông Hòa", kind: .ward, parent: "724"),
        DemoUnit(code: "25960", name: "An Bình", kind: .ward, parent: "724"),
        DemoUnit(code: "25963", name: "An Thạnh", kind: .ward, parent: "725"),
        DemoUnit(code: "25966", name: "Lái Thiêu", kind: .ward, parent: "725"),
        DemoUnit(code: "25969", name: "Bình Chuẩn", kind: .ward, parent: "725"),
        DemoUnit(code: "25972", name: "Thuận Giao", kind: .ward, parent: "725"),
        DemoUnit(code: "25975", name: "An Phú", kind: .ward, parent: "725"),
        DemoUnit(code: "25978", name: "Hưng Định", kind: .ward, parent: "725"),
        DemoUnit(code: "25981", name: "An Sơn", kind: .commune, parent: "725"),
        DemoUnit(code: "25984", name: "Bình Nhâm", kind: .ward, parent: "725"),
        DemoUnit(code: "25987", name: "Bình Hòa", kind: .ward, parent: "725"),
        DemoUnit(code: "25990", name: "Vĩnh Phú", kind: .ward, parent: "725"),
        DemoUnit(code: "25894", name: "Tân Định", kind: .commune, parent: "726"),
        DemoUnit(code: "25897", name: "Bình Mỹ", kind: .commune, parent: "726"),
        DemoUnit(code: "25900", name: "Tân Bình", kind: .commune, parent: "726"),
        DemoUnit(code: "25903", name: "Tân Lập", kind: .commune, parent: "726"),
        DemoUnit(code: "25906", name: "Tân Thành", kind: .township, parent: "726"),
        DemoUnit(code: "25907", name: "Đất Cuốc", kind: .commune, parent: "726"),
        DemoUnit(code: "25908", name: "Hiếu Liêm", kind: .commune, parent: "726"),
        DemoUnit(code: "25909", name: "Lạc An", kind: .commune, parent: "726"),
        DemoUnit(code: "25918", name: "Tân Mỹ", kind: .commune, parent: "726"),
        DemoUnit(code: "25927", name: "Thường Tân", kind: .commune, parent: "726"),
    ]

    static func communes(of district: String) -> [DemoUnit] { communes.filter { $0.parent == district } }

    static func unit(_ code: String) -> DemoUnit {
        guard let u = ([province] + districts + communes).first(where: { $0.code == code }) else {
            preconditionFailure("unit \(code) is not in the demo unit list")
        }
        return u
    }

    /// "phường Phú Cường", "xã An Sơn": how a commune is named in a model's or a recipient's name.
    static func longName(_ u: DemoUnit, kind: UnitKind? = nil) -> String {
        "\((kind ?? u.kind).vietnamese) \(u.name)"
    }
}
