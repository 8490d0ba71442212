import Foundation

/// `s` in Unicode Normalization Form C (composed).
///
/// Text arrives decomposed from macOS file names and some web pages; stored keys and
/// headers are NFC so byte-wise comparisons, hashes and file diffs agree.
public func nfc(_ s: String) -> String {
    s.precomposedStringWithCanonicalMapping
}

/// Whether `s` is already NFC, compared scalar by scalar (Swift's `==` ignores
/// normalisation, so it cannot tell).
public func isNFC(_ s: String) -> Bool {
    nfc(s).unicodeScalars.elementsEqual(s.unicodeScalars)
}
