import ANTQDomain
import TextFormats

/// The administrative tree the generated log registers: one province, ten
/// districts, a hundred communes (wards, communes, townships), with real
/// Vietnamese-looking names so the bytes (UTF-8, NFC) look like a real log.
/// Codes are synthetic (province 99) so they never clash with the demo log.
struct SyntheticProvince {
    struct Unit {
        var code: String
        var name: String
        var kind: String
        var parent: String?
    }

    let province: Unit
    let districts: [Unit]
    let communes: [Unit]
    /// Commune indices by district index.
    let communesOf: [[Int]]

    static let districtNames = ["Thuận An", "Dĩ An", "Bến Cát", "Tân Uyên", "Phú Giáo",
                                "Dầu Tiếng", "Bàu Bàng", "Bắc Tân Uyên", "Thủ Dầu Một", "Long Hòa"]
    static let first = ["An", "Bình", "Phú", "Tân", "Long", "Hòa", "Thạnh", "Mỹ", "Hiệp", "Định"]
    static let second = ["Lợi", "Thọ", "Hưng", "Phước", "Điền", "Nghĩa", "Thành", "Khánh", "Lộc", "Sơn"]

    init() {
        province = Unit(code: "99", name: nfc("Sông Bé Mới"), kind: "province", parent: nil)
        var ds: [Unit] = []
        var cs: [Unit] = []
        var of: [[Int]] = []
        for (d, name) in SyntheticProvince.districtNames.enumerated() {
            let code = String(990 + d)
            ds.append(Unit(code: code, name: nfc(name), kind: d == 8 ? "city" : (d < 3 ? "town" : "district"), parent: province.code))
            var mine: [Int] = []
            for c in 0..<10 {
                let n = d * 10 + c
                let kind = d == 8 || (d < 3 && c < 6) ? "ward" : (c == 0 ? "township" : "commune")
                // (c, c + d) differs for every commune, so every name is unique in the province.
                let cname = SyntheticProvince.first[c] + " " + SyntheticProvince.second[(c + d) % 10]
                mine.append(cs.count)
                cs.append(Unit(code: String(29_000 + n * 3), name: nfc(cname),
                               kind: kind, parent: code))
            }
            of.append(mine)
        }
        districts = ds
        communes = cs
        communesOf = of
    }

    /// Parent before child, as a registration batch must be.
    var all: [Unit] { [province] + districts + communes }
}
