import XMLKit

extension XMLWriter {
    /// Writes `<prefix:name attr…>body</prefix:name>` with qualified names
    /// spelled out (`"w:jc"`, `["w:val": "both"]`), so each call reads like
    /// the markup it produces. Attributes keep the order given.
    func element(_ qualifiedName: String, _ attributes: KeyValuePairs<String, String> = [:],
                 body: () throws -> Void = {}) throws {
        let (prefix, name) = Self.split(qualifiedName)
        try startElement(name, prefix: prefix)
        for (key, value) in attributes {
            let (attributePrefix, attributeName) = Self.split(key)
            try attribute(attributeName, prefix: attributePrefix, value: value)
        }
        try body()
        try endElement()
    }

    /// An element holding only text.
    func element(_ qualifiedName: String, text: String) throws {
        try element(qualifiedName) { try self.text(text) }
    }

    /// Opens a part's root element with its namespace declarations.
    func root(_ qualifiedName: String, namespaces: KeyValuePairs<String, String>, body: () throws -> Void) throws {
        let (prefix, name) = Self.split(qualifiedName)
        try startElement(name, prefix: prefix)
        for (declared, uri) in namespaces {
            try declareNamespace(prefix: declared.isEmpty ? nil : declared, uri: uri)
        }
        try body()
        try endElement()
    }

    private static func split(_ qualifiedName: String) -> (String?, String) {
        guard let colon = qualifiedName.firstIndex(of: ":") else { return (nil, qualifiedName) }
        return (String(qualifiedName[..<colon]), String(qualifiedName[qualifiedName.index(after: colon)...]))
    }
}
