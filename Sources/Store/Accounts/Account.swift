import Foundation
import ReportModel
import SystemKit

/// A portal account (portal.md "Accounts"): a unit's clerk, who acts for
/// that one unit, or the secretariat, who sees everything. Only hashes are
/// kept: the password's bcrypt hash and the API token's SHA-256.
public struct Account: Codable, Sendable, Equatable {
    public var name: String
    public var role: AccountRole
    /// bcrypt (`$2b$…`): slow and salted.
    public var passwordHash: String
    /// SHA-256 (hex) of the current API token; nil before the first `account token`.
    public var tokenSHA256: String?
    public var disabled: Bool
    /// When it was made, ISO 8601.
    public var created: String

    public init(name: String, role: AccountRole, passwordHash: String, tokenSHA256: String? = nil, disabled: Bool = false, created: String) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.tokenSHA256 = tokenSHA256
        self.disabled = disabled
        self.created = created
    }

    /// The unit it acts for; nil for the secretariat.
    public var unit: String? {
        if case .unit(let code) = role { code } else { nil }
    }

    public var isSecretariat: Bool { role == .secretariat }

    /// Names are what people type and what logs show: ASCII letters, digits,
    /// `.`, `-`, `_`, 1 to 64 of them.
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy { $0 < 0x80 && (Character(UnicodeScalar($0)).isLetter || Character(UnicodeScalar($0)).isNumber || "._-".utf8.contains($0)) }
    }
}

/// Whom an account acts for.
public enum AccountRole: Sendable, Equatable, Codable {
    case unit(String)
    case secretariat

    private enum CodingKeys: String, CodingKey { case kind, unit }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "unit": self = .unit(try container.decode(String.self, forKey: .unit))
        case "secretariat": self = .secretariat
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown role \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .unit(let code):
            try container.encode("unit", forKey: .kind)
            try container.encode(code, forKey: .unit)
        case .secretariat:
            try container.encode("secretariat", forKey: .kind)
        }
    }
}

/// The accounts of one store, in `STORE/accounts.json`. Every change is made
/// holding the store's lock alone and written whole (a temporary file,
/// synced, renamed): a reader sees the old book or the new one, never half.
public enum AccountBook {
    struct Contents: Codable {
        var accounts: [Account]
    }

    /// The accounts, in the order they were added; none for a store without the file.
    public static func load(_ layout: StoreLayout) throws(StoreError) -> [Account] {
        let data: Data
        do throws(SystemError) {
            guard let status = try FileSystemPaths.status(layout.accounts.path), status.kind == .regular else { return [] }
            data = try OpenFile.reading(layout.accounts.path).readAll()
        } catch {
            throw .system(error)
        }
        do {
            return try JSONDecoder().decode(Contents.self, from: data).accounts
        } catch {
            throw StoreError(.encoding("accounts.json does not read as accounts: \(error)"), file: layout.accounts.path)
        }
    }

    /// The file's identity now, to tell whether it changed since it was loaded.
    public static func version(_ layout: StoreLayout) -> FileStatus? {
        (try? FileSystemPaths.status(layout.accounts.path)) ?? nil
    }

    /// Changes the book under the store's lock; `change` may throw to leave it as it was.
    @discardableResult
    public static func update<T>(_ layout: StoreLayout, _ change: (inout [Account]) throws -> T) throws -> T {
        try DurableFile.makeFolder(layout.root)
        let lock = try StoreLock(at: layout.lock)
        defer { withExtendedLifetime(lock) {} }
        var accounts = try load(layout)
        let result = try change(&accounts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(Contents(accounts: accounts))
        } catch {
            throw StoreError(.encoding("accounts: \(error)"), file: layout.accounts.path)
        }
        try DurableFile.write(data + Data("\n".utf8), to: layout.accounts)
        return result
    }
}
