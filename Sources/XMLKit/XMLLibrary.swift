import CLibXML2

/// libxml2's process-wide set-up, done once before any parse or schema use.
///
/// 2.9.14 is not thread-safe while it initialises, so every entry point of
/// this module goes through `XMLLibrary.ensureInitialized()` first.
/// `xmlCleanupParser()` is never called: other code in the process may still
/// hold libxml2 state.
public enum XMLLibrary {
    private static let initialized: Bool = {
        xmlInitParser()
        xmlSchemaInitTypes()
        return true
    }()

    public static func ensureInitialized() {
        _ = initialized
    }
}
