import Foundation
import Store
import SystemKit

/// The accounts as the server sees them: read from the store, read again
/// whenever `baocao account …` has changed the file (a `stat` per look-up),
/// so a disabled account or a new token takes effect at the next request.
actor AccountDirectory {
    private let layout: StoreLayout
    private var accounts: [Account] = []
    private var version: FileStatus?
    private var loaded = false

    init(layout: StoreLayout) {
        self.layout = layout
    }

    private func current() -> [Account] {
        let now = AccountBook.version(layout)
        if !loaded || now != version {
            // A book that does not read keeps the last good one: nobody is signed in by accident.
            if let fresh = try? AccountBook.load(layout) {
                accounts = fresh
                version = now
                loaded = true
            }
        }
        return accounts
    }

    func allAccounts() -> [Account] { current() }

    /// An enabled account by name.
    func account(named name: String) -> Account? {
        current().first { $0.name == name && !$0.disabled }
    }

    /// Any account by name, disabled or not (to tell a unit account's unit).
    func anyAccount(named name: String) -> Account? {
        current().first { $0.name == name }
    }

    /// The enabled account whose current API token this is.
    func account(forToken token: String) -> Account? {
        let hash = Credentials.tokenHash(token)
        return current().first { account in
            !account.disabled && account.tokenSHA256.map { Credentials.constantTimeEqual($0, hash) } == true
        }
    }
}

/// Five failed sign-ins for one account name within a minute close it for
/// a minute (429), whatever the password then; real time, not `--fixed-clock`.
actor SignInThrottle {
    private var failures: [String: [ContinuousClock.Instant]] = [:]
    private var closedUntil: [String: ContinuousClock.Instant] = [:]
    private let clock = ContinuousClock()
    static let limit = 5
    static let window: Duration = .seconds(60)

    func isClosed(_ name: String) -> Bool {
        guard let until = closedUntil[name] else { return false }
        if clock.now < until { return true }
        closedUntil[name] = nil
        return false
    }

    func failed(_ name: String) {
        let now = clock.now
        var recent = (failures[name] ?? []).filter { now - $0 < Self.window }
        recent.append(now)
        if recent.count >= Self.limit {
            closedUntil[name] = now + Self.window
            recent.removeAll()
        }
        failures[name] = recent.isEmpty ? nil : recent
        // Bounded however many names are tried.
        if failures.count > 10_000 { failures = failures.filter { now - ($0.value.last ?? now) < Self.window } }
    }

    func succeeded(_ name: String) {
        failures[name] = nil
    }
}
