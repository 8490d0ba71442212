/// Every report renders in each of these (`--format`).
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, csv, json, html
}
