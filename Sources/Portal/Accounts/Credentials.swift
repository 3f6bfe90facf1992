import Foundation
import Store
import HummingbirdBcrypt
import SystemKit

/// Secrets made and checked here, and nowhere else: generated passwords and
/// API tokens, bcrypt for passwords, SHA-256 for tokens.
public enum Credentials {
    /// Letters and digits a clerk cannot misread (no 0/O, 1/l/I).
    private static let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// 16 characters: about 93 bits.
    public static func newPassword() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
    }

    /// `bct_` and 32 random bytes in hex.
    public static func newToken() -> String {
        "bct_" + randomHex(bytes: 32)
    }

    /// Random bytes as hex: session ids and CSRF tokens.
    public static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// bcrypt's work factor: about a quarter of a second per check here,
    /// slow for a guesser, unnoticed by a clerk.
    public static let bcryptCost: UInt8 = 11

    public static func hashPassword(_ password: String) -> String {
        Bcrypt.hash(password, cost: bcryptCost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// What is stored of a token.
    public static func tokenHash(_ token: String) -> String {
        SHA256Hex.of(Data(token.utf8))
    }

    /// Compares two strings in time that does not depend on where they differ.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
