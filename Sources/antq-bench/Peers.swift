/// The tools a clerk could use instead of antq, found on this machine (each
/// one missing is skipped with a note), and the scripts that make them do
/// the same work as antq's flows: read every line as JSON and sum the counts
/// per (type, year, unit).
struct Peers {
    /// The real Python interpreter (not a pyenv shim, whose shell start-up would be billed to Python).
    var python: String?
    var hasOrjson = false
    var jq: String?
    var sqlite: String?
    var sha256sum: String?
    var notes: [String] = []

    /// Looks for each peer; `runner` is used to ask Python where it lives and whether orjson is installed.
    static func find(_ runner: ProcessRunner) -> Peers {
        var p = Peers()
        if let shim = ProcessRunner.which("python3"),
           let r = try? runner.run([shim, "-c", "import sys; print(sys.executable)"]), r.succeeded {
            let exe = r.stdout.trimmingWhitespace
            p.python = ProcessRunner.which(exe) ?? shim
            if let o = try? runner.run([p.python!, "-c", "import orjson"]), o.succeeded {
                p.hasOrjson = true
            } else {
                p.notes.append("Python orjson is not installed (pip install orjson): its row is skipped")
            }
        } else {
            p.notes.append("python3 is not installed: the Python rows are skipped")
        }
        p.jq = ProcessRunner.which("jq")
        if p.jq == nil { p.notes.append("jq is not installed: its row is skipped") }
        p.sqlite = ProcessRunner.which("sqlite3")
        if p.sqlite == nil { p.notes.append("sqlite3 is not installed: its rows are skipped") }
        p.sha256sum = ProcessRunner.which("sha256sum")
        if p.sha256sum == nil { p.notes.append("sha256sum is not installed: the verify comparison is skipped") }
        return p
    }

    /// The group-by every peer performs. Every peer prints "GROUPS TOTAL" so
    /// the benchmark can check that they all did the same work.
    static func pythonScript(orjson: Bool) -> String {
        """
        import sys
        \(orjson ? "import orjson as json" : "import json")
        totals = {}
        with open(sys.argv[1], 'rb') as f:
            for line in f:
                e = json.loads(line)
                d = e['data']
                k = (e['type'], e['occurred'][:4], e.get('unit'))
                totals[k] = totals.get(k, 0) + d.get('count', d.get('quantity', 1))
        print(len(totals), sum(totals.values()))

        """
    }

    /// jq's fastest honest form: collect (key, count) pairs, then `group_by`.
    /// - Note: the textbook `reduce inputs as $e ({}; .[KEY] += N)` copies the
    ///   whole accumulator object on every update in jq 1.6, so it costs
    ///   O(events × groups) where this form costs O(events log events).
    ///   Timing that would flatter antq, so the table uses this form.
    static let jqProgram = """
    [inputs | [(.type + "|" + .occurred[0:4] + "|" + (.unit // "")), (.data.count // .data.quantity // 1)]] | group_by(.[0]) | map(map(.[1]) | add) | "\\(length) \\(add)"

    """

    static let sqliteQuery = """
    SELECT count(*) || ' ' || sum(s) FROM (
      SELECT sum(coalesce(json_extract(j, '$.data.count'), json_extract(j, '$.data.quantity'), 1)) AS s
      FROM log GROUP BY json_extract(j, '$.type'), substr(json_extract(j, '$.occurred'), 1, 4), json_extract(j, '$.unit'));
    """

    /// Loads the log's lines into `log(j TEXT)` of a WAL database (ASCII
    /// mode with a unit separator that never occurs, so lines stay verbatim).
    func sqliteImport(log: String, database: String) -> [String] {
        [sqlite!, database, "PRAGMA journal_mode=WAL;", "CREATE TABLE log(j TEXT);", ".mode ascii", ".separator \"\\037\" \"\\n\"", ".import \(log) log"]
    }

    /// One durable insert: a new process, WAL, `synchronous=FULL` (fsync on commit).
    func sqliteInsert(database: String, line: String) -> [String] {
        let quoted = line.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''")
        return [sqlite!, database, "PRAGMA synchronous=FULL;", "INSERT INTO log(j) VALUES('\(quoted)');"]
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
