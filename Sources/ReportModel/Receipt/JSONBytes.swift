/// JSON written member by member, byte for byte as `JSONOutput.encode`
/// (pretty) or `JSONOutput.compact` writes it: for the values written on
/// every file (receipts, ledger records), where Foundation's encoder, its
/// tree and its copies cost 6 % of intake's CPU, and for the many results
/// of a year's `.json`. Members must be given in sorted order, as the
/// encoder sorts them; tests compare the bytes with the encoder's.
public struct JSONBytes {
    public private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// How deep the values sit in a larger document, as `JSONOutput.nested`.
    private let depth: Int
    /// Open containers: whether each has a member yet.
    private var filled: [Bool] = []
    /// Whether a value stands at the top already. Values written there one
    /// after another, each after `element()`, are elements of an array
    /// begun elsewhere (a piece of `JSONOutput.write`'s member): the first
    /// one bare, the others after a comma and a line.
    private var topFilled = false

    public init(pretty: Bool, depth: Int = 0) {
        self.pretty = pretty
        self.depth = depth
        bytes.reserveCapacity(1024)
    }

    /// An object; `body` writes its members with `key` before each value.
    public mutating func object(_ body: (inout JSONBytes) -> Void) {
        container(UInt8(ascii: "{"), UInt8(ascii: "}"), body)
    }

    /// An array; `body` writes its elements with `element` before each.
    public mutating func array(_ body: (inout JSONBytes) -> Void) {
        container(UInt8(ascii: "["), UInt8(ascii: "]"), body)
    }

    /// Starts an object's member: `"key" : ` (pretty) or `"key":`.
    public mutating func key(_ name: String) {
        element()
        JSONOutput.string(name, into: &bytes)
        bytes.append(contentsOf: pretty ? [0x20, UInt8(ascii: ":"), 0x20] : [UInt8(ascii: ":")])
    }

    /// Starts an array's element.
    public mutating func element() {
        if let last = filled.indices.last {
            if filled[last] { bytes.append(UInt8(ascii: ",")) }
            filled[last] = true
        } else if topFilled {
            bytes.append(UInt8(ascii: ","))
        } else {
            topFilled = true
            return
        }
        newline(depth: filled.count)
    }

    public mutating func string(_ value: String?) {
        guard let value else { return null() }
        JSONOutput.string(value, into: &bytes)
    }

    public mutating func int(_ value: Int?) {
        guard let value else { return null() }
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    /// A member of strings: `"key" : [ "a", "b" ]` as the encoder lays it out.
    public mutating func strings(_ key: String, _ values: [String]) {
        self.key(key)
        array { array in
            for value in values {
                array.element()
                array.string(value)
            }
        }
    }

    private mutating func container(_ open: UInt8, _ close: UInt8, _ body: (inout JSONBytes) -> Void) {
        bytes.append(open)
        filled.append(false)
        body(&self)
        // The encoder writes an empty container with a blank line in it.
        let hadMembers = filled.removeLast()
        if pretty && !hadMembers { bytes.append(0x0A) }
        newline(depth: filled.count)
        bytes.append(close)
    }

    private mutating func newline(depth: Int) {
        guard pretty else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * (self.depth + depth)))
    }
}
