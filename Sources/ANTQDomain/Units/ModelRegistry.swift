import TextFormats

/// Community models (clubs, teams, groups) and security cameras as
/// event-sourced history, readable on any day. A model keeps its own short
/// list of events, ordered by the day they occurred, so a late entry or a
/// correction lands where it belongs in time.
public struct ModelRegistry: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var change: ModelChange
        /// `occurred` as a day number.
        public var day: Int32
        public var seq: Int

        public init(seq: Int, day: Int32, change: ModelChange) {
            self.change = change
            self.day = day
            self.seq = seq
        }

        public var occurred: CivilDate { CivilDate(dayNumber: Int(day)) }

        static func inOrder(_ a: Entry, _ b: Entry) -> Bool { (a.day, a.seq) < (b.day, b.seq) }
    }

    public struct Record: Sendable, Equatable {
        public var id: String
        public var unit: String
        /// By (day, seq); changed only through `add` and `remove`.
        public private(set) var entries: [Entry]

        public init(id: String, unit: String, entries: [Entry]) {
            self.id = id
            self.unit = unit
            // A snapshot stores them in order already: sorted only when they are not.
            var inOrder = true
            for k in entries.indices.dropFirst() where Entry.inOrder(entries[k], entries[k - 1]) {
                inOrder = false
                break
            }
            self.entries = inOrder ? entries : entries.sorted(by: Entry.inOrder)
        }

        mutating func add(_ entry: Entry) {
            if let last = entries.last, Entry.inOrder(entry, last) {
                let at = entries.firstIndex { Entry.inOrder(entry, $0) } ?? entries.endIndex
                entries.insert(entry, at: at)
            } else {
                entries.append(entry)
            }
        }

        mutating func remove(seq: Int) { entries.removeAll { $0.seq == seq } }
    }

    /// A model as it stood on a day.
    public struct View: Sendable, Equatable {
        public var id: String
        public var unit: String
        public var kind: String
        public var name: String
        public var members: Int64
        public var active: Bool
        public var established: CivilDate
    }

    public private(set) var records: [String: Record] = [:]
    /// Net cameras per unit per day number.
    public private(set) var cameras: [String: [Int32: Int64]] = [:]

    public init() {}

    public func record(_ id: String) -> Record? { records[id] }
    public var allRecords: [Record] { Array(records.values) }
    public var recordCount: Int { records.count }

    public mutating func add(_ fact: Fact, seq: Int) { apply(fact, seq: seq, adding: true) }
    public mutating func remove(_ fact: Fact, seq: Int) { apply(fact, seq: seq, adding: false) }

    /// Puts a record as a snapshot stored it.
    public mutating func set(_ r: Record) { records[r.id] = r }

    /// Makes room for `count` more records at once (a snapshot knows how many it holds).
    public mutating func reserveRecords(_ count: Int) { records.reserveCapacity(records.count + count) }

    private mutating func apply(_ fact: Fact, seq: Int, adding: Bool) {
        guard let unit = fact.unit else { return }
        switch fact.type {
        case .cameraInstalled, .cameraRemoved:
            let n = fact.data.int(CameraCount.count) ?? 0
            let sign: Int64 = (fact.type == .cameraInstalled) == adding ? 1 : -1
            Self.addCameras(sign * n, unit: unit, day: Int32(fact.occurred.dayNumber), to: &cameras)
        case .modelEstablished, .modelChanged, .modelDissolved:
            guard let id = fact.data.modelID, let change = ModelChange(fact.data) else { return }
            let entry = Entry(seq: seq, day: Int32(fact.occurred.dayNumber), change: change)
            if adding {
                var r = records.removeValue(forKey: id) ?? Record(id: id, unit: unit, entries: [])
                if case .established = change { r.unit = unit }
                r.add(entry)
                records[id] = r
            } else if var r = records.removeValue(forKey: id) {
                r.remove(seq: seq)
                if !r.entries.isEmpty { records[id] = r }
            }
        default:
            break
        }
    }

    /// The model as it stood at the end of `date` (nil before it was established).
    public func view(_ id: String, on date: CivilDate? = nil) -> View? {
        records[id].flatMap { Self.view(of: $0, on: date) }
    }

    static func view(of r: Record, on date: CivilDate?) -> View? {
        let limit = date.map { Int32($0.dayNumber) } ?? .max
        var v: View?
        for e in r.entries {
            if e.day > limit { break }
            switch e.change {
            case .established(let kind, let name, let members):
                v = View(id: r.id, unit: r.unit, kind: kind, name: name, members: members, active: true, established: e.occurred)
            case .changed(let kind, let name, let members):
                if let kind { v?.kind = kind }
                if let name { v?.name = name }
                if let members { v?.members = members }
            case .dissolved:
                v?.active = false
            }
        }
        return v
    }

    /// Active models on `date`, sorted by id (for listings).
    public func activeModels(on date: CivilDate? = nil) -> [View] {
        records.values.compactMap { Self.view(of: $0, on: date) }.filter(\.active).sorted { $0.id < $1.id }
    }

    /// The same for several days at once (ascending), walking each model's
    /// history once: `body` gets the index of the day. A report with a
    /// column per month reads the models standing on twelve days.
    public func forEachStanding(on days: [CivilDate], _ body: (_ day: Int, _ unit: String, _ kind: String, _ members: Int64) -> Void) {
        let limits = days.map { Int32($0.dayNumber) }
        precondition(zip(limits, limits.dropFirst()).allSatisfy { $0 <= $1 }, "forEachStanding: days not in order")
        for r in records.values {
            // What `view(of:on:)` keeps, without building a view per day.
            var kind: String?, members: Int64 = 0, active = false
            var i = 0
            for e in r.entries {
                while i < limits.count && e.day > limits[i] {
                    if active, let kind { body(i, r.unit, kind, members) }
                    i += 1
                }
                if i == limits.count { break }
                switch e.change {
                case .established(let k, _, let m):
                    kind = k; members = m; active = true
                case .changed(let k, _, let m):
                    guard kind != nil else { break }
                    if let k { kind = k }
                    if let m { members = m }
                case .dissolved:
                    if kind != nil { active = false }
                }
            }
            while i < limits.count {
                if active, let kind { body(i, r.unit, kind, members) }
                i += 1
            }
        }
    }

    /// Calls `body` with the unit, kind and members of every model standing at the end of `date`.
    public func forEachStanding(on date: CivilDate, _ body: (_ unit: String, _ kind: String, _ members: Int64) -> Void) {
        // The walk of several days, for one: no view (and its texts) built per model.
        forEachStanding(on: [date]) { _, unit, kind, members in body(unit, kind, members) }
    }

    /// Adds to the net cameras of a unit on a day. Camera counts are sums,
    /// so tables built on several cores merge into the whole (`mergeCameras`).
    public static func addCameras(_ n: Int64, unit: String, day: Int32, to table: inout [String: [Int32: Int64]]) {
        let v = (table[unit]?[day] ?? 0) + n
        if v == 0 {
            table[unit]?[day] = nil
            if table[unit]?.isEmpty == true { table[unit] = nil }
        } else {
            table[unit, default: [:]][day] = v
        }
    }

    public mutating func mergeCameras(_ table: [String: [Int32: Int64]]) {
        if cameras.isEmpty {
            // Taken whole (a snapshot into a fresh ledger), keeping the rule that a day at 0 is no day.
            cameras = table.compactMapValues { days in
                let kept = days.filter { $0.value != 0 }
                return kept.isEmpty ? nil : kept
            }
            return
        }
        for (unit, days) in table { for (day, n) in days { Self.addCameras(n, unit: unit, day: day, to: &cameras) } }
    }

    /// Cameras in `unit` at the end of `date`.
    public func cameraCount(_ unit: String, on date: CivilDate? = nil) -> Int64 {
        guard let days = cameras[unit] else { return 0 }
        guard let date else { return days.values.reduce(0, +) }
        let limit = Int32(date.dayNumber)
        return days.reduce(0) { $1.key <= limit ? $0 + $1.value : $0 }
    }
}
