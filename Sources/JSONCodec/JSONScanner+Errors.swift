/// The scanner's errors, built out of line so the hot paths stay small.
extension JSONScanner {
    // MARK: - Cold error builders

    @usableFromInline @inline(never)
    func coldError(_ kind: JSONError.Kind, at offset: Int, _ message: StaticString) -> JSONError {
        JSONError(kind, at: offset, message.description)
    }

    @usableFromInline @inline(never)
    func unterminatedStringError() -> JSONError {
        JSONError(.unexpectedEnd, at: count, "unterminated string (started at offset \(pos))")
    }

    @usableFromInline @inline(never)
    func keyExpectedError(_ b: UInt8) -> JSONError {
        JSONError(.expected("string"), at: pos, "expected a string key, found \(describeByte(b))")
    }

    @usableFromInline @inline(never)
    func digitExpectedError(_ b: UInt8, at offset: Int, _ context: String) -> JSONError {
        JSONError(.invalidNumber, at: offset, "expected a digit \(context), found \(describeByte(b))")
    }

    @usableFromInline @inline(never)
    func endError(_ what: String) -> JSONError {
        JSONError(.unexpectedEnd, at: count, "unexpected end of input, expected \(what)")
    }

    @usableFromInline @inline(never)
    func unexpected(_ b: UInt8, at offset: Int, expecting what: String) -> JSONError {
        if b == 0 { return JSONError(.unexpectedByte(0), at: offset, "NUL byte where \(what) was expected") }
        if offset == 0 && b == 0xEF && count >= 3 && base[1] == 0xBB && base[2] == 0xBF {
            return JSONError(.unexpectedByte(b), at: offset, "byte order mark (BOM) is not allowed")
        }
        return JSONError(.unexpectedByte(b), at: offset, "unexpected \(describeByte(b)), expected \(what)")
    }

    @usableFromInline @inline(never)
    func expectedError(_ type: String, _ b: UInt8) -> JSONError {
        JSONError(.expected(type), at: pos, "expected \(type), found \(describeByte(b))")
    }

    @usableFromInline @inline(never)
    func trailingCommaError(_ b: UInt8) -> JSONError {
        JSONError(.unexpectedByte(b), at: pos, "trailing comma before '\(Character(Unicode.Scalar(b)))'")
    }

    @usableFromInline @inline(never)
    func tooDeepError() -> JSONError {
        JSONError(.tooDeep, at: pos, "nesting deeper than \(maxDepth) levels")
    }

    @usableFromInline @inline(never)
    func controlCharError(_ b: UInt8, at offset: Int) -> JSONError {
        JSONError(.controlCharacterInString, at: offset,
                  b == 0 ? "NUL byte inside a string" : "raw control character 0x\(hexString(UInt32(b), digits: 2)) inside a string (must be escaped)")
    }

    @usableFromInline @inline(never)
    func leadingZeroError(at offset: Int) -> JSONError {
        JSONError(.invalidNumber, at: offset, "leading zero in number")
    }
}
