import Foundation
import Store
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix

/// `baocao serve`: the portal on Hummingbird. One router holds the API and
/// the pages; the access log and the error shapes wrap them all.
public struct PortalServer: Sendable {
    public let portal: Portal

    public init(portal: Portal) {
        self.portal = portal
    }

    /// Runs Swift's tasks on the server's event loops instead of a pool
    /// of their own, so that a body's pieces reach the handler without a
    /// hop between threads. Only before any task has run (`serve`'s start).
    public static func takeOverConcurrency() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
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
            server: HTTPServerBuilder { responder in LargeReadHTTP1Channel(http1: HTTP1Channel(responder: responder)) },
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

/// HTTP/1.1 as Hummingbird serves it, with socket reads of up to 1 MiB
/// instead of NIO's default 64 KiB: an upload (a bundle is about 0.7 MB)
/// then crosses the pipeline, the async body and the file writer in a few
/// pieces rather than a dozen. The allocator still starts small and
/// shrinks back after small reads, so a page request reads as before.
struct LargeReadHTTP1Channel: ServerChildChannel {
    let http1: HTTP1Channel

    static let largestRead = 1 << 20

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        do {
            try channel.syncOptions?.setOption(
                ChannelOptions.recvAllocator,
                value: AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 2048, maximum: Self.largestRead))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return http1.setup(channel: channel, logger: logger)
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
