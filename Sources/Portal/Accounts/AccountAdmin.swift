import Foundation
import ReportModel
import Store

/// `baocao account …`: the accounts of a store. A password or token is
/// returned once, to be printed once; only its hash is written.
public struct AccountAdmin {
    public let layout: StoreLayout
    public let plan: Plan

    public init(storeRoot: URL, plan: Plan) {
        layout = StoreLayout(root: storeRoot)
        self.plan = plan
    }

    /// A new account and its generated password.
    public func add(name: String, role: AccountRole, at instant: Date) throws -> (Account, password: String) {
        guard Account.isValidName(name) else { throw AccountProblem.badName(name) }
        if case .unit(let code) = role, plan.unit(code) == nil { throw AccountProblem.unknownUnit(code) }
        let password = Credentials.newPassword()
        let account = Account(name: name, role: role, passwordHash: Credentials.hashPassword(password),
                              created: plan.calendar.iso8601(instant))
        try AccountBook.update(layout) { accounts in
            guard !accounts.contains(where: { $0.name == name }) else { throw AccountProblem.exists(name) }
            accounts.append(account)
        }
        return (account, password)
    }

    /// A new API token for `name`; the old one stops working.
    public func newToken(name: String) throws -> String {
        let token = Credentials.newToken()
        try change(name) { $0.tokenSHA256 = Credentials.tokenHash(token) }
        return token
    }

    public func setDisabled(_ disabled: Bool, name: String) throws {
        try change(name) { $0.disabled = disabled }
    }

    public func list() throws -> [Account] {
        try AccountBook.load(layout)
    }

    private func change(_ name: String, _ edit: (inout Account) -> Void) throws {
        try AccountBook.update(layout) { accounts in
            guard let index = accounts.firstIndex(where: { $0.name == name }) else { throw AccountProblem.unknown(name) }
            edit(&accounts[index])
        }
    }
}

/// Why an account command could not do what it was asked.
public enum AccountProblem: ExplainedError, Equatable {
    case badName(String)
    case unknownUnit(String)
    case exists(String)
    case unknown(String)

    public var vietnamese: String {
        switch self {
        case .badName(let name):
            return "Tên tài khoản \"\(DisplayName.printable(name))\" không hợp lệ: chỉ dùng chữ cái không dấu, chữ số và các dấu . - _ (tối đa 64 ký tự)."
        case .unknownUnit(let code): return "Không có đơn vị mã \(DisplayName.printable(code)) trong danh mục đơn vị của Kế hoạch."
        case .exists(let name): return "Đã có tài khoản \(name)."
        case .unknown(let name): return "Không có tài khoản \(DisplayName.printable(name))."
        }
    }

    public var english: String {
        switch self {
        case .badName: return "account names use ASCII letters, digits, '.', '-' and '_' (at most 64)"
        case .unknownUnit(let code): return "no unit \(DisplayName.printable(code)) in the registry"
        case .exists(let name): return "account \(name) already exists"
        case .unknown(let name): return "no account \(DisplayName.printable(name))"
        }
    }
}
