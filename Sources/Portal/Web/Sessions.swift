import Foundation
import Store

/// Signed-in browsers: a random id in a cookie names a session here, with
/// its CSRF token. Kept in memory (a restart signs everyone out); ended
/// after 8 hours without a request.
actor SessionBook {
    struct Session: Sendable {
        var id: String
        var account: String
        var csrf: String
        var lastSeen: ContinuousClock.Instant
    }

    static let idle: Duration = .seconds(8 * 3600)
    static let cookieName = "baocao_session"
    private var sessions: [String: Session] = [:]
    private let clock = ContinuousClock()

    func open(account: String) -> Session {
        sweep()
        let session = Session(id: Credentials.randomHex(bytes: 32), account: account, csrf: Credentials.randomHex(bytes: 32),
                              lastSeen: clock.now)
        sessions[session.id] = session
        return session
    }

    /// The live session with this id, its idle time restarted.
    func find(_ id: String) -> Session? {
        guard var session = sessions[id] else { return nil }
        let now = clock.now
        guard now - session.lastSeen < Self.idle else {
            sessions[id] = nil
            return nil
        }
        session.lastSeen = now
        sessions[id] = session
        return session
    }

    func close(_ id: String) {
        sessions[id] = nil
    }

    /// Ends every session of an account (disabled).
    func close(account: String) {
        sessions = sessions.filter { $0.value.account != account }
    }

    private func sweep() {
        let now = clock.now
        sessions = sessions.filter { now - $0.value.lastSeen < Self.idle }
    }
}
