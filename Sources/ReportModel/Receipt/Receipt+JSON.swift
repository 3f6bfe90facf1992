import Foundation

extension Receipt {
    /// The receipt's JSON, byte for byte as `JSONOutput.encode` (`pretty`)
    /// or `JSONOutput.compact` writes it, newline included, without the
    /// encoder: one is written for every file taken in.
    public func json(pretty: Bool) -> Data {
        var out = JSONBytes(pretty: pretty)
        write(into: &out)
        return Data(out.bytes + [0x0A])
    }

    /// The receipt as one JSON value, into a larger one.
    public func write(into out: inout JSONBytes) {
        out.object { o in
            o.key("account"); o.string(account)
            o.key("channel"); o.string(channel?.rawValue)
            o.key("diagnostics")
            o.array { list in
                for diagnostic in diagnostics {
                    list.element()
                    diagnostic.write(into: &list)
                }
            }
            o.key("file"); o.string(file)
            o.key("id"); o.string(id)
            o.key("kind"); o.string(kind?.rawValue)
            o.key("late"); o.bool(late)
            o.key("outcome"); o.string(outcome.rawValue)
            o.key("received"); o.string(received)
            o.key("review")
            if let review { review.write(into: &o) } else { o.null() }
            o.key("sha256"); o.string(sha256)
            o.key("supersedes"); o.string(supersedes)
            o.key("unit"); o.string(unit)
            o.key("year"); o.int(year)
        }
    }
}

extension Diagnostic {
    /// The diagnostic as its `Codable` conformance writes it, keys sorted.
    public func write(into out: inout JSONBytes) {
        out.object { o in
            o.key("code"); o.string(code.rawValue)
            o.key("column"); o.int(location.column)
            o.key("file"); o.string(location.file)
            o.key("line"); o.int(location.line)
            o.key("message"); o.string(message)
            o.key("message_en"); o.string(messageEnglish)
            o.key("severity"); o.string(severity.rawValue)
        }
    }
}

extension ReviewState {
    /// The review as its `Codable` conformance writes it, keys sorted.
    public func write(into out: inout JSONBytes) {
        out.object { o in
            o.key("at"); o.string(at)
            o.key("by"); o.string(by)
            o.key("reason"); o.string(reason)
            o.key("resendBy"); o.string(resendBy)
            o.key("state"); o.string(state.rawValue)
        }
    }
}
