#if canImport(Glibc)
import Glibc
#endif

/// A mutex and its condition variable (POSIX), for the stages of a batch
/// append that hand work between threads: lock, wait until a condition the
/// caller checks holds, broadcast a change, unlock.
public final class ConditionLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    public init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    public func lock() { pthread_mutex_lock(mutex) }
    public func unlock() { pthread_mutex_unlock(mutex) }
    /// Waits for a broadcast; call with the lock held, and check the condition again after.
    public func wait() { pthread_cond_wait(changed, mutex) }
    public func broadcast() { pthread_cond_broadcast(changed) }
}

/// A started thread, to be joined.
public struct JoinableThread: @unchecked Sendable {
    let handle: pthread_t

    /// Waits for the thread to end.
    public func join() { pthread_join(handle, nil) }
    /// Lets the thread end on its own (nobody waits for it).
    public func detach() { pthread_detach(handle) }
}
