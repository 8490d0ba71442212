import FuzzTargets

// libFuzzer entry for the line decoders and the validator. Build and run:
//
//   swift build -c release --product antq-fuzz --scratch-path .build-fuzz \
//       -Xswiftc -sanitize=fuzzer -Xswiftc -DANTQ_LIBFUZZER
//   mkdir -p fuzz-corpus && .build-fuzz/release/antq-fuzz fuzz-corpus Tests/ReliabilityTests/FuzzSeeds \
//       -max_len=4096 -max_total_time=600 -rss_limit_mb=512 -timeout=5
//
// Without the flags it builds as a plain program that runs the same body
// over files (like `antq-torture fuzz-corpus DIR`).

/// Called by libFuzzer with each generated input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let buffer = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    if let finding = LineFuzz.run(buffer) {
        fatalError("antq-fuzz: \(finding)")
    }
    return 0
}

import Foundation

#if ANTQ_LIBFUZZER
/// libFuzzer's documented entry for programs with their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32
#endif

@main
struct FuzzMain {
    static func main() {
        #if ANTQ_LIBFUZZER
        // SwiftPM gives an executable its own entry point, so libFuzzer's
        // `main` is not used: hand over to its driver instead.
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, { fuzzTestOneInput($0, $1) }))
        #else
        var count = 0
        for arg in CommandLine.arguments.dropFirst() {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: arg, isDirectory: &isDir) else { continue }
            let files = isDir.boolValue ? ((try? FileManager.default.contentsOfDirectory(atPath: arg)) ?? []).map { arg + "/" + $0 } : [arg]
            for f in files {
                guard let d = FileManager.default.contents(atPath: f) else { continue }
                _ = d.withUnsafeBytes { fuzzTestOneInput($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
                count += 1
            }
        }
        print("antq-fuzz: \(count) inputs, no finding")
        #endif
    }
}
