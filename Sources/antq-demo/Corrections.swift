import ANTQDomain
import TextFormats

/// The story of corrections. Four mistakes are made while 2018 is recorded,
/// announced with everything else on 28-03-2019, and found in the
/// reconciliation of April–June 2019:
///
/// 1. Phú Giáo enters an arrest of 3 suspects twice (two sittings, two days
///    apart): retracted.
/// 2. A Dĩ An weekly line says 5 arrests where the week had 3 (two people
///    were only fined): corrected to 3.
/// 3. A Bàu Bàng arrest is entered under the commune that helped, not
///    under the ward of Bến Cát where it happened: corrected to that ward.
/// 4. A Dầu Tiếng knife (an implement, hung khí) is entered as a
///    rudimentary weapon: corrected.
///
/// So `arrests` 2018 was announced as 3.630 and is 3.625 today, and
/// `weapons.rudimentary` 501 and 500; the other figures stand.
enum Corrections {
    /// What truly happened in `q.year`: the announced figures without the planted mistakes.
    static func truth(_ q: FlowQuota) -> FlowQuota {
        guard q.year == 2018 else { return q }
        var t = q
        t.arrests -= 3 + 2
        t.weapons = q.weapons.map { k, n in (k, k == .rudimentary ? n - 1 : k == .implement ? n + 1 : n) }
        return t
    }

    /// The latest unlabelled entry of an office and type in a period that passes `test`.
    private static func pick(_ entries: [Entry], office: String, type: EventType, from: String, to: String,
                             where test: (Entry) -> Bool) -> Int {
        let a = day(from), b = day(to)
        let found = entries.indices.filter {
            let e = entries[$0]
            return e.office == office && e.type == type && e.occurred! >= a && e.occurred! <= b && e.label == nil && test(e)
        }.max { (entries[$0].occurred!, $0) < (entries[$1].occurred!, $1) }
        guard let found else { preconditionFailure("the story of corrections found no \(type.rawValue) of office \(office) in \(from)…\(to)") }
        return found
    }

    /// Makes the four mistakes in the 2018 entries (and labels the events concerned).
    static func plant(_ entries: inout [Entry]) {
        // 1. An arrest of 3 in Phú Giáo, entered again two days later.
        let dup = pick(entries, office: "722", type: .arrestMade, from: "2018-01-01", to: "2018-12-10") { $0.int("count") == 3 }
        entries[dup].label = "duplicate-original"
        entries[dup].recordDelay = 1
        var copy = entries[dup]
        copy.label = "duplicate-copy"
        copy.recordDelay = 3
        entries.append(copy)
        // 2. A week of 3 arrests in Dĩ An, typed as 5.
        let over = pick(entries, office: "724", type: .arrestMade, from: "2018-09-01", to: "2018-11-30") { $0.int("count") == 3 }
        entries[over].set(.number("count", 5))
        entries[over].label = "overcount"
        // 3. A Bàu Bàng arrest that happened in phường Mỹ Phước (Bến Cát).
        let moved = pick(entries, office: "719", type: .arrestMade, from: "2018-04-01", to: "2018-10-31") { $0.int("count") == 2 }
        entries[moved].label = "wrong-commune"
        // 4. A Dầu Tiếng implement entered as a rudimentary weapon.
        let weapon = pick(entries, office: "720", type: .weaponSeized, from: "2018-03-01", to: "2018-11-30") {
            $0.string("kind") == WeaponKind.implement.rawValue && $0.int("quantity") == 1
        }
        entries[weapon].set(.text("kind", WeaponKind.rudimentary.rawValue))
        entries[weapon].label = "wrong-weapon-kind"
    }

    /// The amendments, each at its own sitting after the conference.
    /// `{#label}` in a reason becomes the seq of the labelled event.
    static func amendments(_ entries: [Entry]) -> [Submission] {
        func entry(_ label: String) -> Entry { entries.first { $0.label == label }! }
        func commune(_ label: String) -> String {
            let u = UnitList.unit(entry(label).unit!)
            return UnitList.longName(u, kind: UnitChanges.kind(u, on: entry(label).occurred!))
        }
        func vn(_ d: CivilDate) -> String { d.formatted(vietnamese: true) }
        let dup = entry("duplicate-original")
        let moved = entry("wrong-commune")
        let sittings: [(String, Int, String, EventType, [InputField], String, String)] = [
            ("2019-04-16", 9 * 60 + 40, "722", .eventRetracted, [],
             "Nhập trùng: vụ bắt 3 đối tượng tại \(commune("duplicate-original")) ngày \(vn(dup.occurred!)) đã ghi ở sự kiện #{#duplicate-original}; phát hiện khi đối chiếu hồ sơ quý I/2019",
             "duplicate-copy"),
            ("2019-05-07", 14 * 60 + 5, "724", .eventCorrected, [.object("data", [.number("count", 3)])],
             "Số đối tượng bị bắt trong tuần là 3, không phải 5: 2 người chỉ bị xử phạt vi phạm hành chính (rà soát của Công an thị xã Dĩ An)",
             "overcount"),
            ("2019-05-20", 10 * 60 + 15, "720", .eventCorrected, [.object("data", [.text("kind", WeaponKind.implement.rawValue)])],
             "Tang vật là dao tự chế (hung khí), ghi nhầm là vũ khí thô sơ; đối chiếu biên bản thu giữ",
             "wrong-weapon-kind"),
            ("2019-06-11", 15 * 60 + 30, UnitList.province.code, .eventCorrected, [.text("unit", "25813")],
             "Vụ bắt 2 đối tượng ngày \(vn(moved.occurred!)) xảy ra tại phường Mỹ Phước (thị xã Bến Cát); Công an \(commune("wrong-commune")) chỉ phối hợp nên ghi nhầm địa bàn",
             "wrong-commune"),
        ]
        return sittings.map { d, minute, office, type, fields, reason, target in
            let day = day(d)
            let by = office == UnitList.province.code ? Clerks.reviewer : Clerks.clerk(of: office, on: day)
            let e = Entry(office: office, occurred: nil, unit: nil, type: type, fields: fields + [.text("reason", reason)], targetLabel: target)
            return Submission(recorded: Schedule.vietnamTime(day, minute: minute, second: 17, microsecond: 530_118 + minute),
                              by: by, entries: [e], what: "\(type.rawValue) of \(target)")
        }
    }
}
