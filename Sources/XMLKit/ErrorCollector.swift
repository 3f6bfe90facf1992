import CLibXML2

/// Gathers libxml2's structured errors for one parse or one validation.
///
/// Installed through the per-context setters only, never the global
/// `xmlSetStructuredErrorFunc`, which Foundation's XMLParser also changes.
final class ErrorCollector {
    struct Raw {
        var domain: Int32
        var code: Int32
        var level: xmlErrorLevel
        var line: Int
        var column: Int
        var message: String
        var nodeName: String?
        /// The element the error is about, to place it in the source.
        var node: UnsafeRawPointer?
    }

    private(set) var errors: [Raw] = []

    func record(_ error: UnsafePointer<xmlError>) {
        let e = error.pointee
        var message = e.message.map { String(cString: $0) } ?? ""
        while message.last == "\n" || message.last == " " { message.removeLast() }
        var nodeName: String?
        if let node = e.node?.assumingMemoryBound(to: xmlNode.self), let name = node.pointee.name {
            nodeName = String(cString: name)
        }
        errors.append(Raw(domain: e.domain, code: e.code, level: e.level, line: Int(e.line), column: Int(e.int2),
                          message: message, nodeName: nodeName, node: e.node.map { UnsafeRawPointer($0) }))
    }

    /// The C callback: `userData` is an unretained pointer to the collector.
    static let callback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue().record(error)
    }

    /// For the parser context, whose `serror` receives the context itself.
    static let parserCallback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let owner = context.pointee._private else { return }
        Unmanaged<ErrorCollector>.fromOpaque(owner).takeUnretainedValue().record(error)
    }
}

/// Makes libxml2's messages readable: `{urn:…}task` becomes `task`. Only
/// a namespace goes (braces holding a `:` and no quote or space): the
/// braces of a pattern's `{4}` or of an enumeration's `{'a', 'b'}` are
/// part of what is said.
func readableMessage(_ message: String) -> String {
    var out = ""
    var rest = Substring(message)
    while let open = rest.firstIndex(of: "{") {
        out += rest[..<open]
        if let close = rest[open...].firstIndex(of: "}") {
            let inside = rest[rest.index(after: open)..<close]
            if inside.contains(":") && !inside.contains("'") && !inside.contains(" ") {
                rest = rest[rest.index(after: close)...]
                continue
            }
        }
        out.append("{")
        rest = rest[rest.index(after: open)...]
    }
    return out + rest
}
