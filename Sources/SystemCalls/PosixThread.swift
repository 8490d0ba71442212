#if canImport(Glibc)
import Glibc
#endif

/// A POSIX thread running a closure: the thin wrapper that the stages of a
/// batch append (draft reading, the write stage, background writes) share,
/// Foundation's `Thread` not being linked into antq.
public enum PosixThread {
    /// Starts `body` on a new thread, which keeps what `body` captures alive
    /// until it returns. Nil when no thread could be started: the caller then
    /// does the work in line.
    /// - Parameter hugePages: whether the thread's arena is backed by huge
    ///   pages (see `MallocTuning`): yes for a stage that builds much in fresh
    ///   memory, no for one that changes a little of what exists (each 2 MB
    ///   page it touches would count whole in the process's memory).
    public static func start(hugePages: Bool = true, _ body: @escaping () -> Void) -> JoinableThread? {
        let box = Unmanaged.passRetained(Body(body, hugePages: hugePages)).toOpaque()
        var t = pthread_t()
        guard pthread_create(&t, nil, { arg in
            let body = Unmanaged<Body>.fromOpaque(arg!).takeRetainedValue()
            // A stage allocates from an arena of its own (see MallocTuning).
            if body.hugePages { MallocTuning.adviseHugePagesForThisThread() }
            body.run()
            return nil
        }, box) == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return nil
        }
        return JoinableThread(handle: t)
    }

    private final class Body {
        let run: () -> Void
        let hugePages: Bool
        init(_ run: @escaping () -> Void, hugePages: Bool) {
            self.run = run
            self.hugePages = hugePages
        }
    }
}
