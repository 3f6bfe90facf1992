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

/// Makes libxml2's messages readable: `{urn:…}task` becomes `task`.
func readableMessage(_ message: String) -> String {
    var out = ""
    var inBraces = false
    for ch in message {
        if ch == "{" { inBraces = true; continue }
        if inBraces { if ch == "}" { inBraces = false }; continue }
        out.append(ch)
    }
    return out
}
