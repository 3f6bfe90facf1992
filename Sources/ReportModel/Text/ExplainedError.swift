/// An error a person reads: what went wrong and where, in Vietnamese, with
/// the English alongside. Every error a command can stop with is one, so
/// no Swift dump ever reaches a terminal.
public protocol ExplainedError: Error {
    /// Plain Vietnamese, naming the file (and line) concerned.
    var vietnamese: String { get }
    /// The same in English.
    var english: String { get }
}
