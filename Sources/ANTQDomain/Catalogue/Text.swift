/// A text a person reads, in Vietnamese and English. Every label and help
/// text of the catalogue carries both, so no report, help page or message
/// falls back to an internal code.
public struct Text: Sendable, Hashable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// Both languages at once, for declarations: `Text("Tin báo", "Tips")`.
    public init(_ vi: String, _ en: String) {
        self.init(vi: vi, en: en)
    }

    public func text(vietnamese: Bool) -> String { vietnamese ? vi : en }
}
