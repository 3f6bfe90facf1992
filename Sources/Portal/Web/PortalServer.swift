import Foundation
import Store
import Hummingbird
import Logging
import NIOCore

/// `baocao serve`: the portal on Hummingbird. One router holds the API and
/// the pages; the access log and the error shapes wrap them all.
public struct PortalServer: Sendable {
    public let portal: Portal

    public init(portal: Portal) {
        self.portal = portal
    }

    /// The router, for the server and for tests (HummingbirdTesting).
    public func router() -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        let calendar = portal.plan.calendar
        router.add(middleware: AccessLog(clock: { Date() }, calendarISO: { calendar.iso8601($0) }))
        router.add(middleware: ErrorShape())
        let receiver = UploadReceiver(folder: portal.layout.uploads, limit: portal.configuration.maxUploadBytes,
                                      clock: { [portal] in portal.now })
        APIRoutes(portal: portal, receiver: receiver).add(to: router)
        let pages = PageRoutes(portal: portal, receiver: receiver)
        pages.add(to: router)
        FormRoutes(portal: portal, receiver: receiver, pages: pages).add(to: router)
        return router
    }

    /// The application; `onListening` gets the port once it accepts connections.
    public func application(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "baocao.portal")
        logger.logLevel = .warning
        return Application(
            router: router(),
            configuration: .init(address: .hostname(portal.configuration.host, port: portal.configuration.port), serverName: "baocao"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM: stops accepting, finishes the
    /// requests in flight, returns.
    public func run(onListening: @escaping @Sendable (Int) async -> Void) async throws {
        try await application(onListening: onListening).runService()
    }
}
