import ArgumentParser
import Foundation
import Portal
import Store
import SystemKit
import ReportModel

/// `baocao serve`: the portal (portal.md).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Chạy cổng báo cáo trên web cho các đơn vị và Vụ (the web portal).")

    @Option(help: "Địa chỉ lắng nghe HOST:PORT; cổng 0: chọn cổng trống (listen address).")
    var listen = "127.0.0.1:8080"

    @Option(name: .customLong("fixed-clock"),
            help: "Cố định \"bây giờ\" ở thời điểm ISO 8601 này, để diễn tập và kiểm thử (every \"now\" is this instant).")
    var fixedClock: String?

    @OptionGroup var options: CommonOptions
    @OptionGroup var bundleLimits: LimitOptions

    func validate() throws {
        _ = try address()
        if let fixedClock, Self.instant(fixedClock) == nil {
            throw ValidationError("--fixed-clock phải là một thời điểm ISO 8601, ví dụ 2026-11-10T09:00:00+07:00 (--fixed-clock must be an ISO 8601 instant).")
        }
    }

    func address() throws -> (host: String, port: Int) {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--listen phải có dạng MÁY:CỔNG, ví dụ 127.0.0.1:8080 (--listen must be HOST:PORT).")
        }
        let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard !host.isEmpty else { throw ValidationError("--listen phải nêu tên máy, ví dụ 127.0.0.1 (--listen must name a host).") }
        return (host, port)
    }

    static func instant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    func run() async throws {
        MemoryPolicy.forServer()
        let (host, port) = try address()
        let configuration = PortalConfiguration(
            host: host, port: port, storeRoot: options.storeURL, outbox: options.outboxURL, inbox: options.inboxURL,
            resources: try options.resources(), keyring: try options.keyring(), limits: bundleLimits.limits,
            fixedClock: fixedClock.flatMap(Self.instant))
        let server = PortalServer(portal: try Portal(configuration: configuration))
        try await server.run { bound in
            Output.print("listening on http://\(host.contains(":") ? "[\(host)]" : host):\(bound)\n")
        }
    }
}

/// `baocao account …`: the portal's accounts in the store.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Quản lý tài khoản của cổng báo cáo (portal accounts).",
        subcommands: [Add.self, Token.self, Disable.self, Enable.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tạo tài khoản; in mật khẩu một lần duy nhất (prints the password once).")

        @Argument(help: "Tên tài khoản (account name).") var name: String
        @Option(help: "Mã đơn vị mà tài khoản gửi báo cáo thay mặt (the unit it acts for).") var unit: String?
        @Flag(help: "Tài khoản của Vụ Kinh tế và Xã hội số (a secretariat account).") var secretariat = false
        @OptionGroup var options: CommonOptions

        func validate() throws {
            guard (unit != nil) != secretariat else { throw ValidationError("Cần đúng một trong hai: --unit MÃ hoặc --secretariat (give exactly one of --unit CODE and --secretariat).") }
        }

        func run() throws {
            let admin = AccountAdmin(storeRoot: options.storeURL, plan: try options.resources().plan)
            let (account, password) = try AccountCommand.explained {
                try admin.add(name: name, role: unit.map(AccountRole.unit) ?? .secretariat, at: Date())
            }
            if options.json {
                try Output.json(["name": account.name, "password": password])
            } else {
                Output.print("Đã tạo tài khoản \(account.name) (\(AccountCommand.role(account))).\n"
                    + "Mật khẩu (chỉ in một lần, hãy trao tận tay): \(password)\n")
            }
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cấp mã truy cập API mới; mã cũ hết hiệu lực (a new API token, printed once).")

        @Argument(help: "Tên tài khoản (account name).") var name: String
        @OptionGroup var options: CommonOptions

        func run() throws {
            let admin = AccountAdmin(storeRoot: options.storeURL, plan: try options.resources().plan)
            let token = try AccountCommand.explained { try admin.newToken(name: name) }
            if options.json {
                try Output.json(["name": name, "token": token])
            } else {
                Output.print("Mã truy cập API của \(name) (chỉ in một lần; mã cũ đã hết hiệu lực):\n\(token)\n")
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Khóa tài khoản (disable an account).")
        @Argument(help: "Tên tài khoản (account name).") var name: String
        @OptionGroup var options: CommonOptions

        func run() throws { try AccountCommand.setDisabled(true, name: name, options: options) }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mở lại tài khoản (enable an account).")
        @Argument(help: "Tên tài khoản (account name).") var name: String
        @OptionGroup var options: CommonOptions

        func run() throws { try AccountCommand.setDisabled(false, name: name, options: options) }
    }

    static func setDisabled(_ disabled: Bool, name: String, options: CommonOptions) throws {
        let admin = AccountAdmin(storeRoot: options.storeURL, plan: try options.resources().plan)
        try explained { try admin.setDisabled(disabled, name: name) }
        Output.print(disabled ? "Đã khóa tài khoản \(name).\n" : "Đã mở lại tài khoản \(name).\n")
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê tài khoản (list accounts; never a password or token).")
        @OptionGroup var options: CommonOptions

        func run() throws {
            let accounts = try AccountAdmin(storeRoot: options.storeURL, plan: try options.resources().plan).list()
            if options.json {
                struct Listed: Encodable {
                    var name: String
                    var role: String
                    var unit: String?
                    var disabled: Bool
                    var hasToken: Bool
                    var created: String
                }
                try Output.json(["accounts": accounts.map {
                    Listed(name: $0.name, role: $0.isSecretariat ? "secretariat" : "unit", unit: $0.unit, disabled: $0.disabled,
                           hasToken: $0.tokenSHA256 != nil, created: $0.created)
                }])
            } else if accounts.isEmpty {
                Output.print("Chưa có tài khoản nào. (No accounts.)\n")
            } else {
                Output.print(accounts.map {
                    "\($0.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(AccountCommand.role($0))"
                        + ($0.disabled ? "  [đã khóa]" : "") + ($0.tokenSHA256 == nil ? "" : "  [có mã API]") + "\n"
                }.joined())
            }
        }
    }

    static func role(_ account: Account) -> String {
        account.unit.map { "đơn vị \($0)" } ?? "Vụ Kinh tế và Xã hội số"
    }

    /// An account problem is a usage error (exit 2), said in words.
    static func explained<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let problem as AccountProblem {
            throw CommandFailure.usage("\(problem.vietnamese) (\(problem.english))")
        }
    }
}
