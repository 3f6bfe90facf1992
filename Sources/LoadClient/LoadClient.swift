import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The load test's clients (`scripts/load-test`): uploads the files named on
/// standard input, one path a line, through `POST /api/v1/submissions` on
/// `--clients` keep-alive connections at once.
///
/// All connections share one event loop: on a two-core machine the clients'
/// CPU is taken from the server, so they should cost as little as a client
/// can (Python's threads took 1.04 CPU-s per 1,000 uploads). Prints
/// `status<TAB>seconds` for each upload, then `wall<TAB>seconds`.
///
///     LoadClient --port 8080 --token T [--clients 16] < paths
@main
struct LoadClient {
    static func main() throws {
        var options: [String: String] = [:]
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let name = arguments.next() {
            guard name.hasPrefix("--"), let value = arguments.next() else { usage() }
            options[String(name.dropFirst(2))] = value
        }
        guard let port = options["port"].flatMap(Int.init), let token = options["token"] else { usage() }
        let clients = options["clients"].flatMap(Int.init) ?? 16
        var paths: [String] = []
        while let line = readLine() { if !line.isEmpty { paths.append(line) } }

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let run = Run(paths: paths)
        let began = NIODeadline.now()
        let connections = (0..<clients).map { _ in
            let finished = loop.makePromise(of: Void.self)
            return ClientBootstrap(group: loop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    do {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(Uploader(run: run, token: token, finished: finished))
                        return channel.eventLoop.makeSucceededVoidFuture()
                    } catch {
                        return channel.eventLoop.makeFailedFuture(error)
                    }
                }
                .connect(host: "127.0.0.1", port: port)
                .flatMap { _ in finished.futureResult }
        }
        try EventLoopFuture.andAllSucceed(connections, on: loop).wait()
        let wall = Double((NIODeadline.now() - began).nanoseconds) / 1e9
        try group.syncShutdownGracefully()
        var output = run.lines.joined()
        output += "wall\t\(wall)\n"
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("usage: LoadClient --port PORT --token TOKEN [--clients N] < paths\n".utf8))
        exit(2)
    }
}

/// The files left to send and what came back; touched only on the one event loop.
final class Run: @unchecked Sendable {
    private let paths: [String]
    private var next = 0
    private(set) var lines: [String] = []

    init(paths: [String]) { self.paths = paths }

    func take() -> String? {
        guard next < paths.count else { return nil }
        defer { next += 1 }
        return paths[next]
    }

    func record(status: Int, seconds: Double) { lines.append("\(status)\t\(seconds)\n") }
}

/// One connection: sends a file, waits for its answer, sends the next.
final class Uploader: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let run: Run
    private let token: String
    private let finished: EventLoopPromise<Void>
    private var started = NIODeadline.now()
    private var status = 0

    init(run: Run, token: String, finished: EventLoopPromise<Void>) {
        self.run = run
        self.token = token
        self.finished = finished
    }

    func channelActive(context: ChannelHandlerContext) { sendNext(context: context) }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): status = Int(head.status.code)
        case .body: break
        case .end:
            run.record(status: status, seconds: Double((NIODeadline.now() - started).nanoseconds) / 1e9)
            sendNext(context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) { finished.succeed() }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        finished.fail(error)
        context.close(promise: nil)
    }

    private func sendNext(context: ChannelHandlerContext) {
        guard let path = run.take() else {
            context.close(promise: nil)
            return
        }
        let body: ByteBuffer
        do {
            body = try Self.contents(of: path, allocator: context.channel.allocator)
        } catch {
            errorCaught(context: context, error: error)
            return
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: "127.0.0.1")
        headers.add(name: "Authorization", value: "Bearer \(token)")
        headers.add(name: "Content-Type", value: name.hasSuffix(".xml") ? "application/xml" : "application/zip")
        headers.add(name: "X-Filename", value: name.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? name)
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        started = .now()
        context.write(wrapOutboundOut(.head(HTTPRequestHead(version: .http1_1, method: .POST, uri: "/api/v1/submissions",
                                                              headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// RFC 3986's unreserved characters: the rest of a name is percent-encoded.
    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    private struct Unreadable: Error { let path: String }

    /// A file's bytes, read straight into the buffer the socket is written from.
    private static func contents(of path: String, allocator: ByteBufferAllocator) throws -> ByteBuffer {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Unreadable(path: path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Unreadable(path: path) }
        var buffer = allocator.buffer(capacity: Int(status.st_size))
        while buffer.readableBytes < Int(status.st_size) {
            let count = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 1) { space in
                max(0, read(descriptor, space.baseAddress, space.count))
            }
            if count == 0 { throw Unreadable(path: path) }
        }
        return buffer
    }
}
