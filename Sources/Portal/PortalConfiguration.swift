import Foundation
import Store
import Intake

/// What `baocao serve` was started with.
public struct PortalConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var storeRoot: URL
    public var outbox: URL
    /// The inbox `baocao ingest` uses beside the portal: it tells a run
    /// interrupted there from a damaged store when the server opens it.
    public var inbox: URL?
    public var resources: IntakeResources
    public var keyring: Keyring
    public var limits: BundleLimits
    /// `--fixed-clock`: every "now" is this instant, and every page says so.
    public var fixedClock: Date?

    public init(host: String = "127.0.0.1", port: Int = 8080, storeRoot: URL, outbox: URL, inbox: URL? = nil,
                resources: IntakeResources, keyring: Keyring, limits: BundleLimits = BundleLimits(), fixedClock: Date? = nil) {
        self.host = host
        self.port = port
        self.storeRoot = storeRoot
        self.outbox = outbox
        self.inbox = inbox
        self.resources = resources
        self.keyring = keyring
        self.limits = limits
        self.fixedClock = fixedClock
    }

    /// The most an upload's body may hold: the bundle limit (`--max-size-mib`).
    public var maxUploadBytes: Int64 { limits.maxTotalUncompressed }
}
