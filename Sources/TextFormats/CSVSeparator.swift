/// The field separators that offices' spreadsheets actually use.
///
/// Excel writes `,` in English locales and `;` in Vietnamese/European ones (where `,`
/// is the decimal comma); tab comes from copy-paste exports. Keeping the set closed
/// lets the reader auto-detect the separator from the header line without guessing
/// at arbitrary bytes.
public enum CSVSeparator: UInt8, Sendable, CaseIterable {
    case comma = 0x2C
    case semicolon = 0x3B
    case tab = 0x09

    /// The separator as a one-character string, for writers and messages.
    public var text: String { String(UnicodeScalar(rawValue)) }
}
