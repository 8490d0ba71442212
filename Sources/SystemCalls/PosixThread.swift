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
    public static func start(_ body: @escaping () -> Void) -> JoinableThread? {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var t = pthread_t()
        guard pthread_create(&t, nil, { arg in
            // A stage allocates from an arena of its own (see MallocTuning).
            MallocTuning.adviseHugePagesForThisThread()
            Unmanaged<Body>.fromOpaque(arg!).takeRetainedValue().run()
            return nil
        }, box) == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return nil
        }
        return JoinableThread(handle: t)
    }

    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
}
