import TextFormats

/// Community models (clubs, teams, groups) and security cameras as
/// event-sourced history, readable on any day. A model keeps its own short
/// list of events, ordered by the day they occurred, so a late entry or a
/// correction lands where it belongs in time.
public struct ModelRegistry: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        // Declared in this order so the entry packs into 48 bytes.
        public var change: ModelChange
        /// `occurred` as a day number: compared at every entry of every
        /// model when a summary counts the models standing on a day.
        public var day: Int32
        public var seq: Int

        public init(seq: Int, day: Int32, change: ModelChange) {
            self.change = change
            self.day = day
            self.seq = seq
        }

        public init(seq: Int, occurred: CivilDate, change: ModelChange) {
            self.init(seq: seq, day: Int32(occurred.dayNumber), change: change)
        }

        public var occurred: CivilDate { CivilDate(dayNumber: Int(day)) }

        /// Sorts entries by the day they occurred, then by log order.
        @inline(__always)
        static func inOrder(_ a: Entry, _ b: Entry) -> Bool { (a.day, a.seq) < (b.day, b.seq) }
    }

    public struct Record: Sendable, Equatable {
        public var id: String
        public var unit: String
        /// Changed only through `add` and `remove`, which keep `final` with them.
        public private(set) var entries: [Entry]
        /// The model after its last entry. A count on a later day (nearly
        /// every summary) reads it here, in the table itself, instead of
        /// following each model's entries to another place in memory: a
        /// summary counts twenty thousand models.
        private(set) var final: Final

        init(id: String, unit: String, entries: [Entry]) {
            self.init(id: id, unit: unit, entries: entries, final: Final(entries))
        }

        /// With `final` already worked out (a snapshot reader folds the
        /// entries as it reads them, instead of walking them again).
        init(id: String, unit: String, entries: [Entry], final: Final) {
            self.id = id
            self.unit = unit
            self.entries = entries
            self.final = final
        }

        /// Puts an entry in its place by day: at the end (nearly always,
        /// and then `final` takes just that entry in), or earlier when a
        /// late entry or a correction comes in (then `final` is worked out
        /// again).
        mutating func add(_ entry: Entry) {
            if let lastEntry = entries.last, Entry.inOrder(entry, lastEntry) {
                let at = entries.firstIndex { Entry.inOrder(entry, $0) } ?? entries.endIndex
                entries.insert(entry, at: at)
                final = Final(entries)
            } else {
                entries.append(entry)
                final.take(entry)
            }
        }

        mutating func remove(seq: Int) {
            entries.removeAll { $0.seq == seq }
            final = Final(entries)
        }
    }

    /// What `forEachStanding` needs of a model, as of one day.
    struct Final: Sendable, Equatable {
        /// The day of the last entry folded in (`Int32.min` for none).
        var day: Int32 = .min
        var kind: ModelKind?
        var members = 0
        var active = false

        /// No entry yet.
        init() {}

        /// The model at the end of day `limit` (by default after all its entries).
        init(_ entries: [Entry], through limit: Int32 = .max) {
            for e in entries {
                if e.day > limit { break }
                take(e)
            }
        }

        /// Folds in the entry that follows the ones already taken.
        mutating func take(_ e: Entry) {
            day = e.day
            switch e.change {
            case .established(let k, _, let m):
                kind = k; members = m; active = true
            case .changed(let k, _, let m):
                if let k { kind = k }
                if let m { members = m }
            case .dissolved:
                active = false
            }
        }
    }

    /// A model as it stood on a day.
    public struct View: Sendable, Equatable {
        public var id: String
        public var unit: String
        public var kind: ModelKind
        public var name: String
        public var members: Int
        public var active: Bool
        public var established: CivilDate
    }

    /// The model `id`'s record, nil if no event names it.
    public func record(_ id: String) -> Record? { table[id] }
    /// Every model's record, in no particular order.
    public var allRecords: [Record] { table.records }
    public var recordCount: Int { table.count }
    var table = ModelTable()
    /// Net cameras per unit per day number.
    public var cameras: [String: [Int32: Int]] { camerasStorage }
    var camerasStorage: [String: [Int32: Int]] = [:]

    public init() {}

    /// A day number read from a file, as the registry keeps days (entries
    /// and camera counts); nil outside years 1...9999, where a date cannot
    /// be made of it. Both snapshot readers check every day with it.
    static func storedDay(_ n: Int) -> Int32? {
        CivilDate.dayNumbers.contains(n) ? Int32(n) : nil
    }

    mutating func add(_ fact: Fact, seq: Int) {
        apply(fact, seq: seq, adding: true)
    }

    mutating func remove(_ fact: Fact, seq: Int) {
        apply(fact, seq: seq, adding: false)
    }

    private mutating func apply(_ fact: Fact, seq: Int, adding: Bool) {
        guard let unit = fact.unit else { return }
        switch fact.data {
        case .cameraInstalled(let n), .cameraRemoved(let n):
            let sign = (fact.type == .cameraInstalled) == adding ? 1 : -1
            Self.addCameras(sign * n, unit: unit, day: fact.occurred, to: &camerasStorage)
        case .modelEstablished, .modelChanged, .modelDissolved:
            guard let id = fact.data.modelID, let change = ModelChange(fact.data) else { return }
            let entry = Entry(seq: seq, occurred: fact.occurred, change: change)
            if adding {
                // One lookup, the record changed in place (no copy of its entries).
                table.modify(id, orAdd: { Record(id: id, unit: unit, entries: []) }) { r in
                    if case .established = change { r.unit = unit }
                    r.add(entry)
                }
            } else if var r = table.remove(id) {
                r.remove(seq: seq)
                if !r.entries.isEmpty { table.set(r) }
            }
        default:
            break
        }
    }

    /// The model as it stood at the end of `date` (nil before it was established).
    public func view(_ id: String, on date: CivilDate? = nil) -> View? {
        guard let r = table[id] else { return nil }
        return Self.view(of: r, on: date)
    }

    static func view(of r: Record, on date: CivilDate?) -> View? {
        let id = r.id
        let limit = date.map { Int32($0.dayNumber) } ?? .max
        var v: View?
        for e in r.entries {
            if e.day > limit { break }
            switch e.change {
            case .established(let kind, let name, let members):
                v = View(id: id, unit: r.unit, kind: kind, name: name, members: members, active: true, established: e.occurred)
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
        standingModels(on: date).sorted { $0.id < $1.id }
    }

    /// Calls `body` with the unit, kind and members of every model active at
    /// the end of `date`, without building its `View` (names are not needed
    /// to count: a summary sums twenty thousand models).
    public func forEachStanding(on date: CivilDate, _ body: (_ unit: String, _ kind: ModelKind, _ members: Int) -> Void) {
        let limit = Int32(date.dayNumber)
        table.forEachRecord { r in
            let m = r.final.day <= limit ? r.final : Final(r.entries, through: limit)
            if m.active, let kind = m.kind { body(r.unit, kind, m.members) }
        }
    }

    /// Active models on `date`, in no particular order (for sums).
    public func standingModels(on date: CivilDate? = nil) -> [View] {
        var views: [View] = []
        table.forEachRecord { r in
            if let v = Self.view(of: r, on: date), v.active { views.append(v) }
        }
        return views
    }

    /// Adds to the net cameras of a unit on a day. Camera counts are sums,
    /// so a replay may add a part of the log's camera events on each core
    /// into a table of its own and merge the tables (`mergeCameras`).
    @inline(__always)
    public static func addCameras(_ n: Int, unit: String, day: CivilDate, to table: inout [String: [Int32: Int]]) {
        add(n, unit: unit, day: Int32(day.dayNumber), to: &table)
    }

    /// Adds a table of camera counts built by `addCameras` into this registry.
    public mutating func mergeCameras(_ table: [String: [Int32: Int]]) {
        for (unit, days) in table {
            for (day, n) in days { Self.add(n, unit: unit, day: day, to: &camerasStorage) }
        }
    }

    /// A day that nets to zero is no entry (nor a unit without days): a
    /// snapshot does not keep them, so the live registry must not either.
    @inline(__always)
    private static func add(_ n: Int, unit: String, day: Int32, to table: inout [String: [Int32: Int]]) {
        let v = (table[unit]?[day] ?? 0) + n
        if v == 0 {
            table[unit]?[day] = nil
            if table[unit]?.isEmpty == true { table[unit] = nil }
        } else {
            table[unit, default: [:]][day] = v
        }
    }

    /// Cameras in `unit` at the end of `date`.
    public func cameraCount(_ unit: String, on date: CivilDate? = nil) -> Int {
        guard let days = cameras[unit] else { return 0 }
        guard let date else { return days.values.reduce(0, +) }
        let limit = Int32(date.dayNumber)
        return days.reduce(0) { $1.key <= limit ? $0 + $1.value : $0 }
    }
}
