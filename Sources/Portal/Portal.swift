import Consolidation
import Dispatch
import Foundation
import Intake
import Pipeline
import ReportModel
import Store
import SystemKit

/// The portal's work, free of HTTP: what the API and the pages both call.
/// Every upload goes through the `IngestSession` that `baocao ingest`
/// uses; every read opens the store as the commands do, so the portal
/// shows what `status` shows, never a copy of its own.
public final class Portal: Sendable {
    public let configuration: PortalConfiguration
    public var plan: Plan { configuration.resources.plan }
    let layout: StoreLayout
    let session: IngestSession
    let accounts: AccountDirectory
    let throttle = SignInThrottle()
    let sessions = SessionBook()
    let drafts: DraftBook

    /// Opens the store for writing (checking it as `ingest` does) and
    /// clears what cut-off uploads left.
    public init(configuration: PortalConfiguration) throws {
        self.configuration = configuration
        layout = StoreLayout(root: configuration.storeRoot)
        try DurableFile.makeFolder(layout.root)
        try IngestSession.sweepUploads(in: layout)
        let inbox = configuration.inbox.flatMap { try? Folder($0.path) }
        let listing = inbox.flatMap { try? InboxScanner.scan($0, settle: 0) }
        let store = try SubmissionStore.openForWriting(at: configuration.storeRoot, inInbox: { listing?.holds($0, in: inbox) ?? false })
        session = IngestSession(checker: SubmissionChecker(resources: configuration.resources, keyring: configuration.keyring,
                                                           limits: configuration.limits),
                                store: store, receipts: ReceiptWriter(outbox: configuration.outbox))
        accounts = AccountDirectory(layout: layout)
        drafts = DraftBook(layout: layout)
    }

    /// "Now": the server's clock, or `--fixed-clock`.
    var now: Date { configuration.fixedClock ?? Date() }
    var today: CalendarDate { plan.calendar.calendarDate(of: now) }

    // MARK: signing in

    enum SignIn: Sendable {
        case signedIn(Account)
        case refused
        case throttled
    }

    /// Checks a name and password (bcrypt, off the server's threads). An
    /// unknown name costs the same time as a wrong password.
    func signIn(name: String, password: String) async -> SignIn {
        if await throttle.isClosed(name) { return .throttled }
        let account = await accounts.account(named: name)
        let hash = account?.passwordHash ?? Self.decoyHash
        let matches = await Self.offload { Credentials.verify(password, hash: hash) }
        guard let account, matches == true else {
            await throttle.failed(name)
            return .refused
        }
        await throttle.succeeded(name)
        return .signedIn(account)
    }

    /// A hash nobody's password has, checked for unknown names.
    private static let decoyHash = Credentials.hashPassword(Credentials.randomHex(bytes: 16))

    func account(forToken token: String) async -> Account? {
        await accounts.account(forToken: token)
    }

    func account(named name: String) async -> Account? {
        await accounts.account(named: name)
    }

    // MARK: sending

    /// Takes one upload written whole to `path` in `uploads/`.
    func submit(_ upload: ReceivedUpload, by account: Account, builtByPortal: Bool = false) async throws(PortalError) -> Receipt {
        let taken: Taken
        do {
            taken = try await session.takeUpload(at: upload.path, held: upload.held, name: upload.name, received: upload.received, account: account.name,
                                                 sender: account.unit.map(Sender.unit) ?? .anyone, builtByPortal: builtByPortal)
        } catch {
            throw .unavailable(String(describing: error))
        }
        switch taken {
        case .taken(let receipt):
            var listed = receipt
            listed.channel = .portal
            return listed
        case .left(let reason):
            throw .unavailable(String(describing: reason))
        }
    }

    // MARK: reading

    /// Runs `body` on the store as it stands, read-only, off the server's threads.
    func reading<T: Sendable>(_ body: @escaping @Sendable (SubmissionStore) throws -> T) async throws(PortalError) -> T {
        let root = configuration.storeRoot
        do {
            return try await Self.offload { try body(try SubmissionStore.openForReading(at: root)) }
        } catch let error as PortalError {
            throw error
        } catch {
            throw .unavailable(String(describing: error))
        }
    }

    /// The submissions `account` may see, newest first; of `year` if given.
    func submissions(for account: Account, year: Int?) async throws(PortalError) -> [Receipt] {
        let visibility = await visibility(for: account)
        return try await reading { store in
            store.index.records.filter { record in
                (year == nil || record.receipt.year == year) && visibility.allows(record.receipt)
            }
            .sorted { ($0.receivedEpoch, $0.sequence) > ($1.receivedEpoch, $1.sequence) }
            .map(store.index.listed)
        }
    }

    /// The one submission `reference` names among those `account` may see.
    func submission(_ reference: String, for account: Account) async throws(PortalError) -> Receipt {
        let visibility = await visibility(for: account)
        return try await reading { store in
            store.index.listed(try Self.find(reference, in: store.index, visibility: visibility))
        }
    }

    /// Where the bytes of a visible submission are, as received.
    func original(_ reference: String, for account: Account) async throws(PortalError) -> (path: String, receipt: Receipt) {
        let visibility = await visibility(for: account)
        return try await reading { store in
            let record = try Self.find(reference, in: store.index, visibility: visibility)
            // A duplicate kept nothing of its own: its bytes are the accepted original's.
            let kept = record.kept ?? store.index.records.first { $0.receipt.sha256 == record.receipt.sha256 && $0.kept != nil }?.kept
            guard let kept else { throw PortalError.notFound(reference) }
            return (store.layout.absolute(kept).path, store.index.listed(record))
        }
    }

    /// §9 `GET /submissions/{ref}`: an accepted submission by `@id` first,
    /// else any record by SHA-256 or a prefix of 8+ hex digits, else any
    /// record by `@id`; only among what the caller may see.
    static func find(_ reference: String, in index: LedgerIndex, visibility: Visibility) throws(PortalError) -> LedgerRecord {
        let visible = index.records.filter { visibility.allows($0.receipt) }
        let text = reference.trimmingCharacters(in: .whitespaces)
        if let accepted = visible.last(where: { $0.receipt.outcome == .accepted && $0.receipt.id == text }) { return accepted }
        let hex = text.lowercased()
        if hex.count >= 8, hex.count <= 64, hex.allSatisfy(\.isHexDigit) {
            let matches = visible.filter { $0.receipt.sha256.hasPrefix(hex) }
            let files = Set(matches.map(\.receipt.sha256))
            if files.count > 1 { throw .ambiguous(reference, files.count) }
            if let best = matches.first(where: { $0.receipt.outcome == .accepted }) ?? matches.last { return best }
        }
        if let any = visible.last(where: { $0.receipt.id == text }) { return any }
        throw .notFound(reference)
    }

    func visibility(for account: Account) async -> Visibility {
        guard let unit = account.unit else { return Visibility(unit: nil, unitOfAccount: [:]) }
        // Only accounts named in receipts matter; the book is small.
        var units: [String: String] = [:]
        for name in await accounts.unitAccountNames() { units[name.0] = name.1 }
        return Visibility(unit: unit, unitOfAccount: units)
    }

    // MARK: the secretariat's check

    func approve(_ reference: String, by account: Account) async throws(PortalError) -> SecretariatCheck.Done {
        let check = SecretariatCheck(plan: plan, storeRoot: configuration.storeRoot, outbox: configuration.outbox)
        let instant = now
        return try await checking { try check.approve(reference, by: account.name, at: instant) }
    }

    func returnSubmission(_ reference: String, reason: String, resendBy: CalendarDate?, by account: Account)
        async throws(PortalError) -> SecretariatCheck.Done {
        let check = SecretariatCheck(plan: plan, storeRoot: configuration.storeRoot, outbox: configuration.outbox)
        let instant = now
        let day = today
        return try await checking {
            try check.returnSubmission(reference, reasons: [reason], resendBy: resendBy, by: account.name, at: instant, letterDate: day)
        }
    }

    private func checking(_ work: @escaping @Sendable () throws -> SecretariatCheck.Done) async throws(PortalError) -> SecretariatCheck.Done {
        do {
            return try await Self.offload(work)
        } catch let error as ReferenceError {
            switch error.kind {
            case .unknown: throw .notFound(error.reference)
            case .ambiguous(let candidates): throw .ambiguous(error.reference, candidates.count)
            case .notAccepted: throw .notCheckable(error)
            }
        } catch {
            throw .unavailable(String(describing: error))
        }
    }

    // MARK: status, plan, documents

    /// The `status --json` object for `year`; a unit's account gets its own line and submissions only.
    func status(year: Int, for account: Account) async throws(PortalError) -> ReportingStatus {
        guard plan.years.contains(year) else { throw .badYear(year, plan) }
        let resources = configuration.resources, outbox = configuration.outbox, day = today
        let visibility = await visibility(for: account)
        var status = try await reading { store in
            try Publisher(resources: resources, store: store, outbox: outbox).status(year: year, asOf: day)
        }
        if let unit = account.unit {
            status.units = status.units.filter { $0.unit == unit }
            status.overdueTasks = status.overdueTasks.filter { $0.lead == unit }
            status.submissions = status.submissions.filter(visibility.allows)
            status.plans = status.plans.map { plans in
                var own = plans
                own.onFile = plans.onFile.filter { $0 == unit }
                own.missing = plans.missing.filter { $0 == unit }
                return own
            }
            status.slipped = status.slipped?.filter { $0.unit == unit }
        }
        return status
    }

    /// What `unit` must report for `year`: its due tasks, deadlines and indicators.
    func unitPlan(unit: String, year: Int, for account: Account) throws(PortalError) -> UnitPlan {
        if let own = account.unit, own != unit { throw .forbidden }
        guard plan.unit(unit) != nil else { throw .notFound(unit) }
        guard plan.years.contains(year) else { throw .badYear(year, plan) }
        return UnitPlan(plan: plan, unit: unit, year: year, today: today)
    }

    /// `consolidate --year Y`, then the documents it wrote.
    func buildDocuments(year: Int) async throws(PortalError) -> [DocumentLink] {
        guard plan.years.contains(year) else { throw .badYear(year, plan) }
        let resources = configuration.resources, outbox = configuration.outbox, day = today
        let written = try await reading { store in
            try Publisher(resources: resources, store: store, outbox: outbox).yearDocuments(year: year, asOf: day).documents
        }
        return try documents(year: year).filter { link in written.contains { $0.hasSuffix("/" + link.name) } || link.name.hasSuffix(".json") }
    }

    /// `remind --year Y`, then the letters it wrote.
    func writeReminders(year: Int) async throws(PortalError) -> [DocumentLink] {
        guard plan.years.contains(year) else { throw .badYear(year, plan) }
        let resources = configuration.resources, outbox = configuration.outbox, day = today
        let written = try await reading { store in
            try Publisher(resources: resources, store: store, outbox: outbox).reminders(year: year, asOf: day).all.flatMap(\.documents)
        }
        return try documents(year: year).filter { link in written.contains { $0.hasSuffix("/" + link.name) } }
    }

    /// Every document of `year` in the outbox, by name (names are unique
    /// across its folders): only these can be downloaded.
    func documents(year: Int) throws(PortalError) -> [DocumentLink] {
        let yearFolder = configuration.outbox.appendingPathComponent(String(year))
        var links: [DocumentLink] = []
        for folder in DocumentLink.folders {
            let url = folder.isEmpty ? yearFolder : yearFolder.appendingPathComponent(folder)
            for name in ((try? FileSystemPaths.names(in: url.path)) ?? []).sorted() where DocumentLink.isServed(name) {
                let path = url.appendingPathComponent(name).path
                guard (try? FileSystemPaths.status(path))??.kind == .regular,
                      let sha = try? SHA256Hex.of(OpenFile.reading(path)) else { continue }
                links.append(DocumentLink(name: name, url: "/api/v1/documents/\(year)/\(name)", sha256: sha, folder: folder, path: path))
            }
        }
        return links
    }

    /// The unit's own report (`UnitReport`) of an accepted submission it may see, as DOCX.
    func unitReport(_ reference: String, for account: Account) async throws(PortalError) -> (name: String, bytes: Data) {
        let visibility = await visibility(for: account)
        let resources = configuration.resources, outbox = configuration.outbox, day = today
        return try await reading { store in
            let record = try Self.find(reference, in: store.index, visibility: visibility)
            guard record.receipt.outcome == .accepted, record.receipt.kind != .plan else { throw PortalError.notFound(reference) }
            let bytes = try Publisher(resources: resources, store: store, outbox: outbox)
                .unitReportDocument(sha256: record.receipt.sha256, asOf: day)
            let name = "bao-cao-\(record.receipt.unit ?? "don-vi")-\(record.receipt.year.map(String.init) ?? "")-\(record.receipt.sha256.prefix(8)).docx"
            return (name, bytes)
        }
    }

    /// Blocking work (the disk, bcrypt) away from the server's threads.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}

/// Who may see a receipt. The secretariat sees all. A unit sees what its
/// own accounts sent, and what came another way (the inbox, the
/// secretariat's account) in its name; never what another unit's account
/// sent, even in its name.
struct Visibility: Sendable {
    var unit: String?
    var unitOfAccount: [String: String]

    func allows(_ receipt: Receipt) -> Bool {
        guard let unit else { return true }
        if receipt.channel == .portal, let account = receipt.account, let sender = unitOfAccount[account] {
            return sender == unit
        }
        return receipt.unit == unit
    }
}

extension AccountDirectory {
    /// (name, unit) of every unit account, disabled ones included.
    func unitAccountNames() -> [(String, String)] {
        allAccounts().compactMap { account in account.unit.map { (account.name, $0) } }
    }
}

/// An upload written whole to the store's `uploads/`.
struct ReceivedUpload: Sendable {
    var path: String
    var name: String
    var size: Int64
    var received: Date
    /// The same bytes as the file, when they were small enough to keep in
    /// memory while it was written (`UploadReceiver.heldLimit`): checked
    /// from here instead of read back.
    var held: Data? = nil
}

/// A document the portal serves.
struct DocumentLink: Codable, Sendable, Equatable {
    var name: String
    var url: String
    var sha256: String
    /// Where it is under `OUTBOX/Y/` (not sent).
    var folder: String = ""
    var path: String = ""

    private enum CodingKeys: String, CodingKey { case name, url, sha256 }

    /// The folders of a year that hold documents.
    static let folders = ["", "units", "reminders", "returns"]

    static func isServed(_ name: String) -> Bool {
        guard !name.hasPrefix("."), !name.contains("/"), let dot = name.lastIndex(of: ".") else { return false }
        return ["docx", "xml", "json"].contains(String(name[name.index(after: dot)...]))
    }

    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    var contentType: String {
        if name.hasSuffix(".docx") { return Self.docxType }
        if name.hasSuffix(".json") { return "application/json; charset=utf-8" }
        return "application/xml; charset=utf-8"
    }
}
