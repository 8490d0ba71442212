/// `s` in Unicode Normalization Form C (composed).
///
/// Text arrives decomposed from macOS file names and some web pages; stored keys and
/// headers are NFC so byte-wise comparisons, hashes and file diffs agree.
/// Uses the standard library's own normaliser (the one `String` comparison
/// runs on), so antq needs no Foundation, whose loading would dominate the
/// start-up of a short command.
public func nfc(_ s: String) -> String {
    if quickCheckNFC(s) { return s }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(s.utf8.count)
    for b in s._nfcCodeUnits { bytes.append(b) }
    return String(decoding: bytes, as: UTF8.self)
}

/// Whether `s` is already NFC, compared byte by byte (Swift's `==` ignores
/// normalisation, so it cannot tell).
public func isNFC(_ s: String) -> Bool {
    quickCheckNFC(s) || s._nfcCodeUnits.elementsEqual(s.utf8)
}

/// A fast, conservative "yes": true when every scalar is one whose Unicode
/// NFC_Quick_Check is Yes and that cannot combine with a neighbour — all of
/// Latin-1, Latin Extended-A/B and the precomposed Vietnamese letters of
/// Latin Extended Additional (U+1E00–U+1EFF). Vietnamese names in NFC never
/// need the full normaliser; anything else falls back to it.
@inlinable
public func quickCheckNFC(_ s: String) -> Bool {
    for u in s.unicodeScalars {
        let v = u.value
        if v < 0x0300 || (v >= 0x1E00 && v < 0x1F00) { continue }
        return false
    }
    return true
}
