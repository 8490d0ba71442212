extension SHA256 {
    /// Portable SHA-256 compression function (FIPS 180-4 section 6.2.2).
    ///
    /// Written for speed in pure Swift so that machines without SHA-NI (and
    /// non-x86 builds) still verify logs quickly: the 64 rounds are fully
    /// unrolled with the working variables renamed rather than shuffled, the
    /// 16-word message schedule lives in locals (registers), words are read
    /// with unaligned big-endian loads straight from the caller's buffer, and
    /// nothing is allocated.
    @inline(never)
    static func compressPortable(_ state: inout Words, _ data: UnsafeRawPointer, _ blockCount: Int) {
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        var block = data
        var remaining = blockCount
        while remaining > 0 {
            var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
            var t1: UInt32
            // The rounds below are machine-generated from the FIPS 180-4 K table:
            // fully unrolled, working variables renamed instead of shuffled.
            var w0 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            var w1 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
            var w2 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
            var w3 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
            var w4 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
            var w5 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
            var w6 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 24, as: UInt32.self))
            var w7 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
            var w8 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 32, as: UInt32.self))
            var w9 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 36, as: UInt32.self))
            var w10 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 40, as: UInt32.self))
            var w11 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 44, as: UInt32.self))
            var w12 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 48, as: UInt32.self))
            var w13 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 52, as: UInt32.self))
            var w14 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 56, as: UInt32.self))
            var w15 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 60, as: UInt32.self))
            t1 = h &+ bigSigma1(e) &+ ch(e, f, g) &+ 0x428A2F98 &+ w0
            d = d &+ t1
            h = t1 &+ bigSigma0(a) &+ maj(a, b, c)
            t1 = g &+ bigSigma1(d) &+ ch(d, e, f) &+ 0x71374491 &+ w1
            c = c &+ t1
            g = t1 &+ bigSigma0(h) &+ maj(h, a, b)
            t1 = f &+ bigSigma1(c) &+ ch(c, d, e) &+ 0xB5C0FBCF &+ w2
            b = b &+ t1
            f = t1 &+ bigSigma0(g) &+ maj(g, h, a)
            t1 = e &+ bigSigma1(b) &+ ch(b, c, d) &+ 0xE9B5DBA5 &+ w3
            a = a &+ t1
            e = t1 &+ bigSigma0(f) &+ maj(f, g, h)
            t1 = d &+ bigSigma1(a) &+ ch(a, b, c) &+ 0x3956C25B &+ w4
            h = h &+ t1
            d = t1 &+ bigSigma0(e) &+ maj(e, f, g)
            t1 = c &+ bigSigma1(h) &+ ch(h, a, b) &+ 0x59F111F1 &+ w5
            g = g &+ t1
            c = t1 &+ bigSigma0(d) &+ maj(d, e, f)
            t1 = b &+ bigSigma1(g) &+ ch(g, h, a) &+ 0x923F82A4 &+ w6
            f = f &+ t1
            b = t1 &+ bigSigma0(c) &+ maj(c, d, e)
            t1 = a &+ bigSigma1(f) &+ ch(f, g, h) &+ 0xAB1C5ED5 &+ w7
            e = e &+ t1
            a = t1 &+ bigSigma0(b) &+ maj(b, c, d)
            t1 = h &+ bigSigma1(e) &+ ch(e, f, g) &+ 0xD807AA98 &+ w8
            d = d &+ t1
            h = t1 &+ bigSigma0(a) &+ maj(a, b, c)
            t1 = g &+ bigSigma1(d) &+ ch(d, e, f) &+ 0x12835B01 &+ w9
            c = c &+ t1
            g = t1 &+ bigSigma0(h) &+ maj(h, a, b)
            t1 = f &+ bigSigma1(c) &+ ch(c, d, e) &+ 0x243185BE &+ w10
            b = b &+ t1
            f = t1 &+ bigSigma0(g) &+ maj(g, h, a)
            t1 = e &+ bigSigma1(b) &+ ch(b, c, d) &+ 0x550C7DC3 &+ w11
            a = a &+ t1
            e = t1 &+ bigSigma0(f) &+ maj(f, g, h)
            t1 = d &+ bigSigma1(a) &+ ch(a, b, c) &+ 0x72BE5D74 &+ w12
            h = h &+ t1
            d = t1 &+ bigSigma0(e) &+ maj(e, f, g)
            t1 = c &+ bigSigma1(h) &+ ch(h, a, b) &+ 0x80DEB1FE &+ w13
            g = g &+ t1
            c = t1 &+ bigSigma0(d) &+ maj(d, e, f)
            t1 = b &+ bigSigma1(g) &+ ch(g, h, a) &+ 0x9BDC06A7 &+ w14
            f = f &+ t1
            b = t1 &+ bigSigma0(c) &+ maj(c, d, e)
            t1 = a &+ bigSigma1(f) &+ ch(f, g, h) &+ 0xC19BF174 &+ w15
            e = e &+ t1
            a = t1 &+ bigSigma0(b) &+ maj(b, c, d)
            w0 = w0 &+ sigma1(w14) &+ w9 &+ sigma0(w1)
            t1 = h &+ bigSigma1(e) &+ ch(e, f, g) &+ 0xE49B69C1 &+ w0
            d = d &+ t1
            h = t1 &+ bigSigma0(a) &+ maj(a, b, c)
            w1 = w1 &+ sigma1(w15) &+ w10 &+ sigma0(w2)
            t1 = g &+ bigSigma1(d) &+ ch(d, e, f) &+ 0xEFBE4786 &+ w1
            c = c &+ t1
            g = t1 &+ bigSigma0(h) &+ maj(h, a, b)
            w2 = w2 &+ sigma1(w0) &+ w11 &+ sigma0(w3)
            t1 = f &+ bigSigma1(c) &+ ch(c, d, e) &+ 0x0FC19DC6 &+ w2
            b = b &+ t1
            f = t1 &+ bigSigma0(g) &+ maj(g, h, a)
            w3 = w3 &+ sigma1(w1) &+ w12 &+ sigma0(w4)
            t1 = e &+ bigSigma1(b) &+ ch(b, c, d) &+ 0x240CA1CC &+ w3
            a = a &+ t1
            e = t1 &+ bigSigma0(f) &+ maj(f, g, h)
            w4 = w4 &+ sigma1(w2) &+ w13 &+ sigma0(w5)
            t1 = d &+ bigSigma1(a) &+ ch(a, b, c) &+ 0x2DE92C6F &+ w4
            h = h &+ t1
            d = t1 &+ bigSigma0(e) &+ maj(e, f, g)
            w5 = w5 &+ sigma1(w3) &+ w14 &+ sigma0(w6)
            t1 = c &+ bigSigma1(h) &+ ch(h, a, b) &+ 0x4A7484AA &+ w5
            g = g &+ t1
            c = t1 &+ bigSigma0(d) &+ maj(d, e, f)
            w6 = w6 &+ sigma1(w4) &+ w15 &+ sigma0(w7)
            t1 = b &+ bigSigma1(g) &+ ch(g, h, a) &+ 0x5CB0A9DC &+ w6
            f = f &+ t1
            b = t1 &+ bigSigma0(c) &+ maj(c, d, e)
            w7 = w7 &+ sigma1(w5) &+ w0 &+ sigma0(w8)
            t1 = a &+ bigSigma1(f) &+ ch(f, g, h) &+ 0x76F988DA &+ w7
            e = e &+ t1
            a = t1 &+ bigSigma0(b) &+ maj(b, c, d)
            w8 = w8 &+ sigma1(w6) &+ w1 &+ sigma0(w9)
            t1 = h &+ bigSigma1(e) &+ ch(e, f, g) &+ 0x983E5152 &+ w8
            d = d &+ t1
            h = t1 &+ bigSigma0(a) &+ maj(a, b, c)
            w9 = w9 &+ sigma1(w7) &+ w2 &+ sigma0(w10)
            t1 = g &+ bigSigma1(d) &+ ch(d, e, f) &+ 0xA831C66D &+ w9
            c = c &+ t1
            g = t1 &+ bigSigma0(h) &+ maj(h, a, b)
            w10 = w10 &+ sigma1(w8) &+ w3 &+ sigma0(w11)
            t1 = f &+ bigSigma1(c) &+ ch(c, d, e) &+ 0xB00327C8 &+ w10
            b = b &+ t1
            f = t1 &+ bigSigma0(g) &+ maj(g, h, a)
            w11 = w11 &+ sigma1(w9) &+ w4 &+ sigma0(w12)
            t1 = e &+ bigSigma1(b) &+ ch(b, c, d) &+ 0xBF597FC7 &+ w11
            a = a &+ t1
            e = t1 &+ bigSigma0(f) &+ maj(f, g, h)
            w12 = w12 &+ sigma1(w10) &+ w5 &+ sigma0(w13)
            t1 = d &+ bigSigma1(a) &+ ch(a, b, c) &+ 0xC6E00BF3 &+ w12
            h = h &+ t1
            d = t1 &+ bigSigma0(e) &+ maj(e, f, g)
            w13 = w13 &+ sigma1(w11) &+ w6 &+ sigma0(w14)
            t1 = c &+ bigSigma1(h) &+ ch(h, a, b) &+ 0xD5A79147 &+ w13
            g = g &+ t1
            c = t1 &+ bigSigma0(d) &+ maj(d, e, f)
            w14 = w14 &+ sigma1(w12) &+ w7 &+ sigma0(w15)
            t1 = b &+ bigSigma1(g) &+ ch(g, h, a) &+ 0x06CA6351 &+ w14
            f = f &+ t1
            b = t1 &+ bigSigma0(c) &+ maj(c, d, e)
            w15 = w15 &+ sigma1(w13) &+ w8 &+ sigma0(w0)
            t1 = a &+ bigSigma1(f) &+ ch(f, g, h) &+ 0x14292967 &+ w15
            e = e &+ t1
            a = t1 &+ bigSigma0(b) &+ maj(b, c, d)
            w0 = w0 &+ sigma1(w14) &+ w9 &+ sigma0(w1)
            t1 = h &+ bigSigma1(e) &+ ch(e, f, g) &+ 0x27B70A85 &+ w0
            d = d &+ t1
            h = t1 &+ bigSigma0(a) &+ maj(a, b, c)
            w1 = w1 &+ sigma1(w15) &+ w10 &+ sigma0(w2)
            t1 = g &+ bigSigma1(d) &+ ch(d, e, f) &+ 0x2E1B2138 &+ w1
            c = c &+ t1
            g = t1 &+ bigSigma0(h) &+ maj(h, a, b)
            w2 = w2 &+ sigma1(w0) &+ w11 &+ sigma0(w3)
            t1 = f &+ bigSigma1(c) &+ ch(c, d, e) &+ 0x4D2C6DFC &+ w2
            b = b &+ t1
            f = t1 &+ bigSigma0(g) &+ maj(g, h, a)
            w3 = w3 &+ sigma1(w1) &+ w12 &+ sigma0(w4)
            t1 = e &+ bigSigma1(b) &+ ch(b, c, d) &+ 0x53380D13 &+ w3
            a = a &+ t1
            e = t1 &+ bigSigma0(f) &+ maj(f, g, h)
            w4 = w4 &+ sigma1(w2) &+ w13 &+ sigma0(w5)
            t1 = d &+ bigSigma1(a) &+ ch(a, b, c) &+ 0x650A7354 &+ w4
            h = h &+ t1
            d = t1 &+ bigSigma0(e) &+ maj(e, f, g)
            w5 = w5 &+ sigma1(w3) &+ w14 &+ sigma0(w6)
            t1 = c &+ bigSigma1(h) &+ ch(h, a, b) &+ 0x766A0ABB &+ w5
            g = g &+ t1
            c = t1 &+ bigSigma0(d) &+ maj(d, e, f)
            w6 = w6 &+ sigma1(w4) &+ w15 &+ sigma0(w7)
            t1 = b &+ bigSigma1(g) &+ ch(g, h, a) &+ 0x81C2C92E &+ w6
            f = f &+ t1
            b = t1 &+ bigSigma0(c) &+ maj(c, d, e)
            w7 = w7 &+ sigma1(w5) &+ w0 &+ sigma0(w8)
            t1 = a &+ bigSigma1(f) &+ ch(f, g, h) &+ 0x92722C85 &+ w7
            e = e &+ t1
            a = t1 &+ bigSigma0(b) &+ maj(b, c, d)
            w8 = w8 &+ sigma1(w6) &+ w1 &+ sigma0(w9)
            t1 = h &+ bigSigma1(e) &+ ch(e, f, g) &+ 0xA2BFE8A1 &+ w8
            d = d &+ t1
            h = t1 &+ bigSigma0(a) &+ maj(a, b, c)
            w9 = w9 &+ sigma1(w7) &+ w2 &+ sigma0(w10)
            t1 = g &+ bigSigma1(d) &+ ch(d, e, f) &+ 0xA81A664B &+ w9
            c = c &+ t1
            g = t1 &+ bigSigma0(h) &+ maj(h, a, b)
            w10 = w10 &+ sigma1(w8) &+ w3 &+ sigma0(w11)
            t1 = f &+ bigSigma1(c) &+ ch(c, d, e) &+ 0xC24B8B70 &+ w10
            b = b &+ t1
            f = t1 &+ bigSigma0(g) &+ maj(g, h, a)
            w11 = w11 &+ sigma1(w9) &+ w4 &+ sigma0(w12)
            t1 = e &+ bigSigma1(b) &+ ch(b, c, d) &+ 0xC76C51A3 &+ w11
            a = a &+ t1
            e = t1 &+ bigSigma0(f) &+ maj(f, g, h)
            w12 = w12 &+ sigma1(w10) &+ w5 &+ sigma0(w13)
            t1 = d &+ bigSigma1(a) &+ ch(a, b, c) &+ 0xD192E819 &+ w12
            h = h &+ t1
            d = t1 &+ bigSigma0(e) &+ maj(e, f, g)
            w13 = w13 &+ sigma1(w11) &+ w6 &+ sigma0(w14)
            t1 = c &+ bigSigma1(h) &+ ch(h, a, b) &+ 0xD6990624 &+ w13
            g = g &+ t1
            c = t1 &+ bigSigma0(d) &+ maj(d, e, f)
            w14 = w14 &+ sigma1(w12) &+ w7 &+ sigma0(w15)
            t1 = b &+ bigSigma1(g) &+ ch(g, h, a) &+ 0xF40E3585 &+ w14
            f = f &+ t1
            b = t1 &+ bigSigma0(c) &+ maj(c, d, e)
            w15 = w15 &+ sigma1(w13) &+ w8 &+ sigma0(w0)
            t1 = a &+ bigSigma1(f) &+ ch(f, g, h) &+ 0x106AA070 &+ w15
            e = e &+ t1
            a = t1 &+ bigSigma0(b) &+ maj(b, c, d)
            w0 = w0 &+ sigma1(w14) &+ w9 &+ sigma0(w1)
            t1 = h &+ bigSigma1(e) &+ ch(e, f, g) &+ 0x19A4C116 &+ w0
            d = d &+ t1
            h = t1 &+ bigSigma0(a) &+ maj(a, b, c)
            w1 = w1 &+ sigma1(w15) &+ w10 &+ sigma0(w2)
            t1 = g &+ bigSigma1(d) &+ ch(d, e, f) &+ 0x1E376C08 &+ w1
            c = c &+ t1
            g = t1 &+ bigSigma0(h) &+ maj(h, a, b)
            w2 = w2 &+ sigma1(w0) &+ w11 &+ sigma0(w3)
            t1 = f &+ bigSigma1(c) &+ ch(c, d, e) &+ 0x2748774C &+ w2
            b = b &+ t1
            f = t1 &+ bigSigma0(g) &+ maj(g, h, a)
            w3 = w3 &+ sigma1(w1) &+ w12 &+ sigma0(w4)
            t1 = e &+ bigSigma1(b) &+ ch(b, c, d) &+ 0x34B0BCB5 &+ w3
            a = a &+ t1
            e = t1 &+ bigSigma0(f) &+ maj(f, g, h)
            w4 = w4 &+ sigma1(w2) &+ w13 &+ sigma0(w5)
            t1 = d &+ bigSigma1(a) &+ ch(a, b, c) &+ 0x391C0CB3 &+ w4
            h = h &+ t1
            d = t1 &+ bigSigma0(e) &+ maj(e, f, g)
            w5 = w5 &+ sigma1(w3) &+ w14 &+ sigma0(w6)
            t1 = c &+ bigSigma1(h) &+ ch(h, a, b) &+ 0x4ED8AA4A &+ w5
            g = g &+ t1
            c = t1 &+ bigSigma0(d) &+ maj(d, e, f)
            w6 = w6 &+ sigma1(w4) &+ w15 &+ sigma0(w7)
            t1 = b &+ bigSigma1(g) &+ ch(g, h, a) &+ 0x5B9CCA4F &+ w6
            f = f &+ t1
            b = t1 &+ bigSigma0(c) &+ maj(c, d, e)
            w7 = w7 &+ sigma1(w5) &+ w0 &+ sigma0(w8)
            t1 = a &+ bigSigma1(f) &+ ch(f, g, h) &+ 0x682E6FF3 &+ w7
            e = e &+ t1
            a = t1 &+ bigSigma0(b) &+ maj(b, c, d)
            w8 = w8 &+ sigma1(w6) &+ w1 &+ sigma0(w9)
            t1 = h &+ bigSigma1(e) &+ ch(e, f, g) &+ 0x748F82EE &+ w8
            d = d &+ t1
            h = t1 &+ bigSigma0(a) &+ maj(a, b, c)
            w9 = w9 &+ sigma1(w7) &+ w2 &+ sigma0(w10)
            t1 = g &+ bigSigma1(d) &+ ch(d, e, f) &+ 0x78A5636F &+ w9
            c = c &+ t1
            g = t1 &+ bigSigma0(h) &+ maj(h, a, b)
            w10 = w10 &+ sigma1(w8) &+ w3 &+ sigma0(w11)
            t1 = f &+ bigSigma1(c) &+ ch(c, d, e) &+ 0x84C87814 &+ w10
            b = b &+ t1
            f = t1 &+ bigSigma0(g) &+ maj(g, h, a)
            w11 = w11 &+ sigma1(w9) &+ w4 &+ sigma0(w12)
            t1 = e &+ bigSigma1(b) &+ ch(b, c, d) &+ 0x8CC70208 &+ w11
            a = a &+ t1
            e = t1 &+ bigSigma0(f) &+ maj(f, g, h)
            w12 = w12 &+ sigma1(w10) &+ w5 &+ sigma0(w13)
            t1 = d &+ bigSigma1(a) &+ ch(a, b, c) &+ 0x90BEFFFA &+ w12
            h = h &+ t1
            d = t1 &+ bigSigma0(e) &+ maj(e, f, g)
            w13 = w13 &+ sigma1(w11) &+ w6 &+ sigma0(w14)
            t1 = c &+ bigSigma1(h) &+ ch(h, a, b) &+ 0xA4506CEB &+ w13
            g = g &+ t1
            c = t1 &+ bigSigma0(d) &+ maj(d, e, f)
            w14 = w14 &+ sigma1(w12) &+ w7 &+ sigma0(w15)
            t1 = b &+ bigSigma1(g) &+ ch(g, h, a) &+ 0xBEF9A3F7 &+ w14
            f = f &+ t1
            b = t1 &+ bigSigma0(c) &+ maj(c, d, e)
            w15 = w15 &+ sigma1(w13) &+ w8 &+ sigma0(w0)
            t1 = a &+ bigSigma1(f) &+ ch(f, g, h) &+ 0xC67178F2 &+ w15
            e = e &+ t1
            a = t1 &+ bigSigma0(b) &+ maj(b, c, d)
            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
            h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
            block += 64
            remaining -= 1
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }
}

@inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x &>> n) | (x &<< (32 &- n))
}

@inline(__always) private func ch(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 {
    z ^ (x & (y ^ z))
}

@inline(__always) private func maj(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 {
    y ^ ((x ^ y) & (y ^ z))
}

@inline(__always) private func bigSigma0(_ x: UInt32) -> UInt32 {
    rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22)
}

@inline(__always) private func bigSigma1(_ x: UInt32) -> UInt32 {
    rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25)
}

@inline(__always) private func sigma0(_ x: UInt32) -> UInt32 {
    rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3)
}

@inline(__always) private func sigma1(_ x: UInt32) -> UInt32 {
    rotr(x, 17) ^ rotr(x, 19) ^ (x &>> 10)
}
